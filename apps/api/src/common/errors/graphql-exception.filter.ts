import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { CommonErrors, databaseUnavailable } from './app-error';
import { failureLog, isDatabaseUnavailable } from './failures';

const logger = new Logger('Database');

/**
 * Hands errors to GraphQL's formatError untouched (Nest would otherwise log every expected user error as
 * an ERROR). HTTP exceptions from guards/pipes become our coded errors; unknown ones stay unknown so
 * formatError logs them with a request id.
 */
@Catch()
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() !== 'graphql') throw exception;
    if (exception instanceof GraphQLError) return exception;
    // An outage is not the caller's fault nor a bug: UNAVAILABLE, retryable, HTTP 503 — logged once a minute.
    if (isDatabaseUnavailable(exception)) {
      failureLog.error(logger, `Database unavailable: ${(exception as Error).message}`);
      return databaseUnavailable();
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 401) return CommonErrors.create('UNAUTHENTICATED');
      if (status === 403) return CommonErrors.create('FORBIDDEN');
      if (status === 404) return CommonErrors.create('NOT_FOUND', { params: { entity: 'Resource' } });
      if (status < 500) return CommonErrors.create('VALIDATION_FAILED', { params: { detail: exception.message } });
    }
    return exception;
  }
}
