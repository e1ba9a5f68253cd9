import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { RedressPlugin } from '@redress/sdk';
import { BLOCKING_HOOK_RUNNER } from '../complaint/plugin-hooks';
import { POLICY_FACT_EXTENSIONS } from '../policy/policy-fact-extensions';
import { AuditModule } from '../audit/audit.module';
import { PluginFailure, PluginInstallation } from './plugin-installation.entity';
import { PluginHostService } from './plugin-host.service';
import { PluginBlockingRunner } from './plugin-blocking.runner';
import { PluginEventAdapter } from './plugin-event.adapter';
import { PluginHostResolver } from './plugin-host.resolver';
import { HOST_PLUGINS } from './plugin-host.tokens';
import { PluginFactExtensions } from './plugin-fact-extensions';
import { PluginGraphQL } from './plugin-graphql';

/**
 * The plugin host: runs installed plugins for the tenants that enabled them. Plugins are validated, checked for
 * compatibility and their operators registered in createApp, before Nest starts (see plugin-loading.ts); their tables
 * join the data source (AppModule), their GraphQL the schema (PluginGraphQL) and their onInit hooks run once the app
 * has started (PluginHostService). Global so the complaint module finds BLOCKING_HOOK_RUNNER, the policy module
 * POLICY_FACT_EXTENSIONS and the GraphQL module PluginGraphQL.
 */
@Global()
@Module({})
export class PluginHostModule {
  static forRoot(plugins: RedressPlugin[]): DynamicModule {
    return {
      module: PluginHostModule,
      imports: [TypeOrmModule.forFeature([PluginInstallation, PluginFailure]), AuditModule],
      providers: [
        { provide: HOST_PLUGINS, useValue: plugins },
        PluginHostService,
        PluginBlockingRunner,
        PluginEventAdapter,
        PluginHostResolver,
        PluginFactExtensions,
        PluginGraphQL,
        { provide: BLOCKING_HOOK_RUNNER, useExisting: PluginBlockingRunner },
        { provide: POLICY_FACT_EXTENSIONS, useExisting: PluginFactExtensions },
      ],
      // PluginGraphQL: the GraphQL module's options factory injects it to add the plugins' fields to the schema.
      exports: [PluginHostService, BLOCKING_HOOK_RUNNER, POLICY_FACT_EXTENSIONS, PluginGraphQL],
    };
  }
}
