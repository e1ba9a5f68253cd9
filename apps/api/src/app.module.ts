import { DynamicModule, Logger, Module, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLErrorFilter } from './common/errors/graphql-exception.filter';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { Clock } from './common/clock';
import { RolesGuard } from './common/auth/roles.guard';
import { validationPipe } from './common/validation';
import { formatGraphQLError } from './common/errors/format-error';
import { createDataSource, pendingMigrations, pluginTables, UnmigratedDatabaseError } from './database/data-source';
import { TenantModule } from './modules/tenant/tenant.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { DemoModule } from './modules/demo/demo.module';
import { FEATURE_MODULES } from './feature-modules';
import type { RedressPlugin } from '@redress/sdk';
import { PluginHostModule } from './modules/plugin-host/plugin-host.module';
import { OpsModule } from './modules/ops/ops.module';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream, LevelWithSilent } from 'pino';
import { loggingParams } from './modules/ops/observability/logging';
import { limitValidationRules } from './modules/ops/graphql/query-limits';
import { PluginGraphQL } from './modules/plugin-host/plugin-graphql';

export interface AppModuleOptions {
  config: AppConfig;
  clock: Clock;
  /** Apply pending migrations at start (the embedded SQLite default does; production runs `npm run migrate`). */
  autoMigrate: boolean;
  /** Write the generated schema to this file (or keep it in memory). */
  schemaFile?: string;
  /** Extra modules (plugins' Nest modules, test modules). */
  extraModules?: Array<Type<unknown> | DynamicModule>;
  /** Validated plugins the plugin host runs (createApp loads and checks them). */
  plugins?: RedressPlugin[];
  /** Threshold of the JSON logs (createApp derives it from its `logger` levels). */
  logLevel?: LevelWithSilent;
  /** Where the JSON logs go (default standard output). */
  logStream?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config, options.clock),
        LoggerModule.forRoot(loggingParams(options.logLevel ?? 'info', options.logStream)),
        TypeOrmModule.forRootAsync({
          // Fail fast with our own message; an orchestrator restarts the process, Nest's retry loop only hides the cause.
          useFactory: () => ({ retryAttempts: 0 }),
          dataSourceFactory: async () => {
            const dataSource = createDataSource(options.config.database, pluginTables(options.plugins ?? []));
            await dataSource.initialize();
            const pending = await pendingMigrations(dataSource);
            if (pending.length) {
              if (!options.autoMigrate) {
                await dataSource.destroy();
                throw new UnmigratedDatabaseError(pending);
              }
              await dataSource.runMigrations({ transaction: 'each' });
              new Logger('Database').log(`Applied ${pending.length} migration(s)`);
            }
            return dataSource;
          },
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          // Installed plugins add their own fields (PluginGraphQL, from the global plugin-host module) to the schema
          // built from the API's resolvers. The written schema file is the API's own.
          inject: [PluginGraphQL],
          useFactory: (pluginGraphQL: PluginGraphQL) => ({
            path: '/graphql',
            // Apollo's Fastify drain plugin closes the HTTP server when Apollo stops. Stopped in onModuleDestroy (the
            // default) that happens at the very start of shutdown: the listening socket and idle keep-alive
            // connections went at once and the drain (InstanceLifecycle: 503 UNAVAILABLE for the grace period) never
            // got a request. Stopped at application shutdown, Apollo goes after Nest has drained and closed the server.
            stopOnApplicationShutdown: true,
            autoSchemaFile: options.schemaFile ?? true,
            sortSchema: true,
            playground: false,
            // Introspection is decided per request by QueryLimitsPlugin (anonymous callers in production are refused);
            // "Did you mean …" suggestions leak the schema, so they are shown only where introspection is open to all.
            introspection: true,
            hideSchemaDetailsFromClientErrors: options.config.graphql.introspection !== 'on',
            validationRules: limitValidationRules(options.config.graphql),
            csrfPrevention: true,
            // Nest would reset every response that has `data` to HTTP 200; an outage answers 503 (errors that carry a
            // status are only ours: UNAVAILABLE 503, refused limits 400).
            preserveHttpStatusForExecutionErrors: false,
            includeStacktraceInErrorResponses: false,
            formatError: formatGraphQLError,
            transformSchema: (schema) => pluginGraphQL.extend(schema),
          }),
        }),
        TenantModule,
        AuthModule,
        HealthModule,
        OpsModule,
        ...FEATURE_MODULES,
        PluginHostModule.forRoot(options.plugins ?? []),
        DemoModule,
        ...(options.extraModules ?? []),
      ],
      providers: [
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_PIPE, useValue: validationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
      ],
    };
  }
}

export { DataSource };
