import type { RedressEvent, RedressEventName } from './events';
import {
  DEFAULT_AFTER_MAX_ATTEMPTS,
  DEFAULT_AFTER_TIMEOUT_MS,
  DEFAULT_BLOCKING_TIMEOUT_MS,
  type EventHandlerContext,
  type EventHandlerDefinition,
  type PluginRejection,
  type RedressPlugin,
} from './types';

/** The handler settings the host applies, defaults filled in. */
export function handlerLimits(handler: EventHandlerDefinition<RedressEventName>): {
  blockingMs: number;
  afterMs: number;
  maxAttempts: number;
} {
  return {
    blockingMs: handler.timeoutMs?.blocking ?? DEFAULT_BLOCKING_TIMEOUT_MS,
    afterMs: handler.timeoutMs?.after ?? DEFAULT_AFTER_TIMEOUT_MS,
    maxAttempts: handler.maxAttempts ?? DEFAULT_AFTER_MAX_ATTEMPTS,
  };
}

export class HandlerTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`handler did not finish within ${timeoutMs} ms`);
    this.name = 'HandlerTimeoutError';
  }
}

/** Resolves with the handler's result or rejects with {@link HandlerTimeoutError}; the timer never keeps Node alive. */
export async function withTimeout<T>(run: () => T | Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HandlerTimeoutError(timeoutMs)), timeoutMs);
    timer.unref?.();
  });
  try {
    return await Promise.race([Promise.resolve().then(run), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type BlockingOutcome =
  | { status: 'ok'; facts: Record<string, unknown> }
  | { status: 'rejected'; rejection: PluginRejection }
  /** The hook threw, overran or returned something unusable: the host records it and the complaint goes on. */
  | { status: 'failed'; error: string; timedOut: boolean };

export type AfterOutcome = { status: 'ok' } | { status: 'skipped' } | { status: 'failed'; error: string; timedOut: boolean };

function failure(error: unknown): { status: 'failed'; error: string; timedOut: boolean } {
  return {
    status: 'failed',
    error: error instanceof Error ? error.message : String(error),
    timedOut: error instanceof HandlerTimeoutError,
  };
}

/**
 * Runs a plugin's blocking hook for an event, within its time limit. Never throws: a failing hook yields
 * `failed` (the intake continues without its facts); facts outside the plugin's declared `facts` are a failure too,
 * so a plugin cannot overwrite system facts.
 */
export async function runBlockingHook(plugin: RedressPlugin, ctx: EventHandlerContext, event: RedressEvent): Promise<BlockingOutcome> {
  const handler = plugin.on[event.name] as EventHandlerDefinition<RedressEventName> | undefined;
  if (!handler?.blocking) return { status: 'ok', facts: {} };
  const hook = handler.blocking as (c: EventHandlerContext, e: RedressEvent) => unknown;
  try {
    const result = (await withTimeout(() => hook(ctx, event), handlerLimits(handler).blockingMs)) as
      { facts?: Record<string, unknown>; reject?: PluginRejection } | undefined | null;
    if (!result) return { status: 'ok', facts: {} };
    if (result.reject) {
      const { code, message } = result.reject;
      if (typeof code !== 'string' || !message?.zh) return failure(new Error('a rejection needs a code and a zh message'));
      return { status: 'rejected', rejection: result.reject };
    }
    const facts = result.facts ?? {};
    const undeclared = Object.keys(facts).filter((key) => !(key in plugin.facts));
    if (undeclared.length) return failure(new Error(`undeclared facts: ${undeclared.join(', ')}`));
    return { status: 'ok', facts };
  } catch (error) {
    return failure(error);
  }
}

/** Runs a plugin's after-handler once, within its time limit. Never throws; the outbox worker retries on `failed`. */
export async function runAfterHandler(plugin: RedressPlugin, ctx: EventHandlerContext, event: RedressEvent): Promise<AfterOutcome> {
  const handler = plugin.on[event.name] as EventHandlerDefinition<RedressEventName> | undefined;
  if (!handler?.after) return { status: 'skipped' };
  const after = handler.after as (c: EventHandlerContext, e: RedressEvent) => unknown;
  try {
    await withTimeout(() => after(ctx, event), handlerLimits(handler).afterMs);
    return { status: 'ok' };
  } catch (error) {
    return failure(error);
  }
}

/** Plugin settings for a tenant: the plugin's defaults overlaid with what the admin saved. */
export function pluginSettings(plugin: RedressPlugin, saved: Record<string, unknown> = {}): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(plugin.settings)) settings[name] = saved[name] ?? definition.default;
  return settings;
}
