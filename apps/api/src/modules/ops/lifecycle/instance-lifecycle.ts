import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/config';
import { shuttingDown } from '../../../common/errors/app-error';

/** Paths that keep answering while draining: the probes say "not ready", metrics keep being scraped. */
const ALWAYS_ANSWERED = ['/health', '/metrics'];

/**
 * Draining before stop. `app.close()` (SIGTERM) runs module-destroy hooks first, while the server still listens:
 * from then on readiness reports 503 and every new request is refused with UNAVAILABLE (retryable, HTTP 503,
 * Retry-After) for the grace period, then the workers stop and the server closes. Requests already running finish.
 */
@Injectable()
export class InstanceLifecycle implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Lifecycle');
  private drainingSince?: number;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return;
    fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      if (!this.draining || ALWAYS_ANSWERED.some((path) => request.url.startsWith(path))) return done();
      const error = shuttingDown();
      const { http: _http, ...extensions } = error.extensions;
      const body = request.url.startsWith('/graphql')
        ? { errors: [{ message: error.message, extensions }] }
        : { code: extensions.code, reason: extensions.reason, retryable: true, message: error.message };
      void reply.code(503).header('retry-after', '5').header('connection', 'close').send(body);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.drainingSince = Date.now();
    if (this.config.shutdownGraceMs > 0) {
      this.logger.log(`Draining: refusing new requests for ${this.config.shutdownGraceMs} ms before stopping`);
      await sleep(this.config.shutdownGraceMs);
    }
  }
}
