import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
  UNAVAILABLE: 503,
};

/** Our coded errors as JSON with the matching HTTP status, for REST routes (the global filter only speaks GraphQL). */
@Catch()
export class HttpAppErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof GraphQLError) {
      const code = String(exception.extensions?.code ?? 'INTERNAL');
      const { reason, messages, field, problems, details } = exception.extensions ?? {};
      // An error may name its own status (e.g. 429 for throttling, 410 for an expired link).
      const status = (exception.extensions?.http as { status?: number } | undefined)?.status ?? STATUS[code] ?? 500;
      return reply.status(status).send({ code, reason, message: exception.message, messages, field, problems, details });
    }
    if (exception instanceof HttpException) return reply.status(exception.getStatus()).send({ message: exception.message });
    return reply.status(500).send({ code: 'INTERNAL', message: 'Internal error' });
  }
}
