import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { RequestWithAuth } from '../../../common/auth/auth-context';
import { requestIdOf } from './logging';

/** Probes and scrapes every few seconds would drown the requests that matter. */
const QUIET = ['/health', '/metrics'];

/**
 * One JSON line per request: request id (echoed in X-Request-Id), method, path without the query string, status,
 * duration, and — once the guard has authenticated the caller — tenant, user or token id, and role. Chosen field by
 * field: never headers (credentials), bodies or query strings (personal data travels there), never the e-mail.
 */
@Injectable()
export class RequestLog implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectPinoLogger('http') private readonly logger: PinoLogger,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return;
    fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const id = requestIdOf(request.headers['x-request-id']);
      (request as unknown as RequestWithAuth).requestId = id;
      void reply.header('x-request-id', id);
      done();
    });
    fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const path = request.url.split('?')[0];
      if (!QUIET.some((quiet) => path.startsWith(quiet))) {
        const { requestId, auth } = request as unknown as RequestWithAuth;
        const status = reply.statusCode;
        const entry = {
          // Flat keys: pino's std serializers would treat `req`/`res` objects as Node messages.
          requestId,
          method: request.method,
          path,
          statusCode: status,
          responseTime: Math.round(reply.elapsedTime),
          ...(auth ? { tenant: auth.tenantId, user: auth.userId ?? auth.tokenId, role: auth.role } : {}),
        };
        if (status >= 500) this.logger.error(entry, 'request failed');
        else if (status >= 400) this.logger.warn(entry, 'request refused');
        else this.logger.info(entry, 'request completed');
      }
      done();
    });
  }
}
