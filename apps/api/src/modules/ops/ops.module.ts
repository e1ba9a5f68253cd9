import { Global, Module } from '@nestjs/common';
import { QueryLimitsPlugin } from './graphql/query-limits.plugin';
import { InstanceLifecycle } from './lifecycle/instance-lifecycle';
import { ProbesController } from './lifecycle/probes.controller';
import { MetricsService } from './observability/metrics.service';
import { MetricsPlugin } from './observability/metrics.plugin';
import { MetricsController } from './observability/metrics.controller';
import { RequestLog } from './observability/request-log';
import { FreeTextAtRest } from './privacy/free-text-at-rest';
import { FreeTextBackfill } from './privacy/free-text-backfill';
import { RetentionService } from './retention/retention.service';
import { RetentionResolver } from './retention/retention.resolver';

/** Running the service safely: request limits, draining, probes, metrics, backup and retention. */
@Global()
@Module({
  providers: [
    QueryLimitsPlugin,
    InstanceLifecycle,
    MetricsService,
    MetricsPlugin,
    RequestLog,
    FreeTextAtRest,
    FreeTextBackfill,
    RetentionService,
    RetentionResolver,
  ],
  controllers: [ProbesController, MetricsController],
  exports: [InstanceLifecycle, MetricsService, FreeTextAtRest, FreeTextBackfill],
})
export class OpsModule {}
