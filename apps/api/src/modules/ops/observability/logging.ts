import { randomUUID } from 'node:crypto';
import type { LogLevel } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream, LevelWithSilent } from 'pino';

/** A caller's X-Request-Id is kept when it looks like an id (so a trace spans services); otherwise a new one. */
const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Nest's level list (createApp's `logger`) as one pino threshold. */
export function pinoLevel(levels: false | LogLevel[]): LevelWithSilent {
  if (levels === false || levels.length === 0) return 'silent';
  if (levels.includes('verbose')) return 'trace';
  if (levels.includes('debug')) return 'debug';
  if (levels.includes('log')) return 'info';
  if (levels.includes('warn')) return 'warn';
  return 'error';
}

/**
 * Nest's own logs (boot, workers, errors) as JSON lines through pino. The per-request line is written by
 * RequestLog from Fastify's hooks instead of pino-http's middleware, which Nest does not run for the Apollo route.
 */
export function loggingParams(level: LevelWithSilent, destination?: DestinationStream): Params {
  const options = { level, autoLogging: false };
  // Standard output unless a destination is given (tests read the lines back).
  return { pinoHttp: destination ? [options, destination] : options };
}

/** The request id: the caller's X-Request-Id when it looks like one (a trace spans services), else a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}
