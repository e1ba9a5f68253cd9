import { Global, Module } from '@nestjs/common';
import { QueryLimitsPlugin } from './graphql/query-limits.plugin';
import { InstanceLifecycle } from './lifecycle/instance-lifecycle';
import { ProbesController } from './lifecycle/probes.controller';
import { MetricsService } from './observability/metrics.service';
import { MetricsPlugin } from './observability/metrics.plugin';
import { MetricsController } from './observability/metrics.controller';
import { RequestLog } from './observability/request-log';

/** Running the service safely: request limits, draining, probes, metrics, backup and retention. */
@Global()
@Module({
  providers: [QueryLimitsPlugin, InstanceLifecycle, MetricsService, MetricsPlugin, RequestLog],
  controllers: [ProbesController, MetricsController],
  exports: [InstanceLifecycle, MetricsService],
})
export class OpsModule {}
