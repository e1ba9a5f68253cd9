import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommonErrors, databaseUnavailable } from './app-error';
import { failureLog, isDatabaseUnavailable } from './failures';

const logger = new Logger('GraphQL');

/** Extracts the offending field path from graphql-js coercion messages. */
export function fieldFromMessage(message: string): string | undefined {
  const at = /Variable "\$(\w+)" got invalid value .*? at "([^"]+)"/.exec(message);
  if (at) return at[2];
  const variable = /Variable "\$(\w+)"/.exec(message);
  if (variable) return variable[1];
  const field = /[Ff]ield "([\w.]+)"/.exec(message);
  if (field) return field[1];
  const argument = /[Aa]rgument "([\w.]+)"/.exec(message);
  if (argument) return argument[1];
  return undefined;
}

const INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST']);

/**
 * The one place GraphQL errors leave the server: known errors keep their code; malformed queries and wrong
 * input types become BAD_USER_INPUT with the field path; anything else is logged with a request id and
 * returned as INTERNAL without internals.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const code = formatted.extensions?.code as string | undefined;
  if (original instanceof GraphQLError && original.extensions?.reason) {
    // Thrown while coercing a variable (a scalar's parseValue): graphql-js wrapped it, and only its message names the field.
    const field = original.extensions.field ?? (formatted.message !== original.message ? fieldFromMessage(formatted.message) : undefined);
    // `http` sets the response status (Apollo reads it); it is not for the client.
    const { http: _http, ...extensions } = original.extensions;
    return { ...formatted, extensions: { ...extensions, ...(field ? { field } : {}) } };
  }
  if (code && INPUT_CODES.has(code)) {
    const field = (formatted.extensions?.field as string | undefined) ?? fieldFromMessage(formatted.message);
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', reason: code, ...(field ? { field } : {}) },
    };
  }
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND') {
    return { message: formatted.message, path: formatted.path, extensions: { code } };
  }
  if (isDatabaseUnavailable(original)) {
    // Outside a Nest handler (no filter ran): same code, though the HTTP status is already decided here.
    failureLog.error(logger, `Database unavailable: ${(original as Error).message}`);
    const { http: _http, ...extensions } = databaseUnavailable().extensions;
    return { message: databaseUnavailable().message, path: formatted.path, extensions };
  }
  const requestId = randomUUID();
  failureLog.error(logger, `[${requestId}] ${formatted.message}`, (original as Error)?.stack);
  const internal = CommonErrors.create('INTERNAL', { params: { requestId } });
  return {
    message: internal.message,
    path: formatted.path,
    extensions: { ...internal.extensions, requestId },
  };
}
