import { Module } from '@nestjs/common';
import { QueryLimitsPlugin } from './graphql/query-limits.plugin';
import { InstanceLifecycle } from './lifecycle/instance-lifecycle';
import { ProbesController } from './lifecycle/probes.controller';

/** Running the service safely: request limits, draining, probes, metrics, backup and retention. */
@Module({ providers: [QueryLimitsPlugin, InstanceLifecycle], controllers: [ProbesController], exports: [InstanceLifecycle] })
export class OpsModule {}
