import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../../../common/auth/decorators';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/config';
import { MetricsService } from './metrics.service';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Prometheus scrape endpoint. Counts and timings only — no tenant, user or personal data in any label. With
 * REDRESS_METRICS_TOKEN set, the scraper must send it as a bearer token.
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  async scrape(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const expected = this.config.metricsToken;
    if (expected && !same(String(request.headers.authorization ?? ''), `Bearer ${expected}`)) {
      return reply.status(401).send({ code: 'UNAUTHENTICATED', message: 'Metrics need the scrape token' });
    }
    return reply.header('content-type', this.metrics.registry.contentType).send(await this.metrics.scrape());
  }
}
