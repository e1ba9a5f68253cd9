import { Module } from '@nestjs/common';
import { QueryLimitsPlugin } from './graphql/query-limits.plugin';

/** Running the service safely: request limits, failure classification, metrics, probes, backup and retention. */
@Module({ providers: [QueryLimitsPlugin] })
export class OpsModule {}
