import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DynamicModule, LogLevel, Type } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import { AppModule } from './app.module';
import { LOG_LEVELS, type AppConfig } from './config/config';
import { Clock, SystemClock } from './common/clock';
import type { PluginInput } from '@redress/sdk';
import { INSTALLED_PLUGINS } from './plugins.config';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { pinoLevel } from './modules/ops/observability/logging';
import type { DestinationStream } from 'pino';
import { portalDirectory } from './modules/portal/portal-page.controller';
import { hostVersion, loadPlugins, registerPluginOperators, selectPlugins } from './modules/plugin-host/plugin-loading';

export interface CreateAppOptions {
  config: AppConfig;
  clock?: Clock;
  autoMigrate?: boolean;
  schemaFile?: string;
  logger?: false | LogLevel[];
  extraModules?: Array<Type<unknown> | DynamicModule>;
  /** Installed plugins (default INSTALLED_PLUGINS from plugins.config.ts), narrowed by REDRESS_PLUGINS. */
  plugins?: readonly PluginInput[];
  /** Where the JSON logs go (default standard output). */
  logStream?: DestinationStream;
}

/** The built console, served at `/` next to the API. */
function adminDirectory(config: AppConfig): string | undefined {
  const candidates = [config.adminDir, resolve(__dirname, '../../admin/dist')].filter(Boolean) as string[];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/** A hop count as Fastify applies it (its adapter's types take only booleans, lists and functions). */
function fastifyTrustProxy(trust: AppConfig['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/**
 * Builds the API on Fastify. Fastify, not Express: measured 5,500 vs 2,800 req/s for Nest + Apollo on this
 * machine class (see docs/benchmarks.md).
 */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  // Plugins are checked before anything starts: a bad or incompatible plugin stops the boot with every problem named.
  const plugins = loadPlugins(selectPlugins(options.plugins ?? INSTALLED_PLUGINS, process.env.REDRESS_PLUGINS), hostVersion());
  registerPluginOperators(plugins);
  const adapter = new FastifyAdapter({ trustProxy: fastifyTrustProxy(config.trustProxy), bodyLimit: 5 * 1024 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config,
      clock: options.clock ?? new SystemClock(),
      autoMigrate: options.autoMigrate ?? false,
      schemaFile: options.schemaFile,
      extraModules: options.extraModules,
      plugins,
      logLevel: pinoLevel(options.logger ?? logLevels(config.logLevel)),
      logStream: options.logStream,
    }),
    adapter,
    // Logs are buffered until the JSON logger (nestjs-pino) takes over, so even boot lines are structured.
    { logger: options.logger ?? logLevels(config.logLevel), bufferLogs: options.logger !== false, abortOnError: false },
  );
  app.useLogger(app.get(PinoNestLogger));
  // The portal's own bundle (apps/portal, served under /c/): its pages are routes of the portal module.
  const portalDir = portalDirectory();
  if (portalDir)
    await app.register(fastifyStatic as never, { root: join(portalDir, 'assets'), prefix: '/c/assets/', decorateReply: false });
  const adminDir = adminDirectory(config);
  if (adminDir) {
    await app.register(fastifyStatic as never, { root: adminDir, prefix: '/', wildcard: false });
    // Single-page app: unknown GET paths outside the API get the console's index.html. A wildcard GET route, not
    // setNotFoundHandler: Nest sets its own not-found handler at init and Fastify refuses a second one. Fastify
    // matches the static files and the API's routes before a wildcard.
    app
      .getHttpAdapter()
      .getInstance()
      .get('/*', (request, reply) => {
        if (!request.url.startsWith('/graphql') && !request.url.startsWith('/health')) {
          return (reply as unknown as { sendFile(file: string): unknown }).sendFile('index.html');
        }
        return reply.status(404).send({ message: 'Not found', statusCode: 404 });
      });
  }
  app.enableShutdownHooks();
  return app;
}

/** LOG_LEVEL names the most verbose level shown: `log` (default) shows error, warn and log; `debug` adds debug. */
function logLevels(level: AppConfig['logLevel']): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}
