import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * The benchmark's processes: the API instances and the load generator each run in a child process of their own,
 * so no two of them share an event loop and `process.cpuUsage()` of an API process is that API's alone (Node 20 has
 * no per-thread CPU figure for a worker thread). They speak by request/answer messages over the IPC channel.
 */
type Handler = (...args: any[]) => unknown;
interface Call {
  id: number;
  method: string;
  args: unknown[];
}
type Answer = { id: number; result: unknown } | { id: number; error: string };

export interface Child {
  pid: number;
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  /** Ends the child (after its own `close` handler, if it has one). */
  stop(): Promise<void>;
}

const REGISTER = join(__dirname, 'swc-register.cjs');

/** Starts `entry` (a TypeScript file that calls `serveParent`) in a Node child process and waits until it serves. */
export async function startChild(entry: string, env: NodeJS.ProcessEnv = {}): Promise<Child> {
  // Own execArgv: the test runner's loader flags are not for this process.
  const child: ChildProcess = fork(entry, [], { execArgv: ['-r', REGISTER], env: { ...process.env, ...env }, stdio: 'inherit' });
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let exited: Error | undefined;
  child.on('message', (message: Answer | { ready: true }) => {
    if ('ready' in message) return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if ('error' in message) waiting?.reject(new Error(message.error));
    else waiting?.resolve(message.result);
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code} before it was ready`)));
  });
  child.once('exit', (code, signal) => {
    exited = new Error(`${entry} exited (${code ?? signal})`);
    for (const waiting of pending.values()) waiting.reject(exited);
    pending.clear();
  });
  await ready;
  const call = <T>(method: string, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(exited);
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      child.send({ id, method, args } satisfies Call);
    });
  return {
    pid: child.pid!,
    call,
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      await call('close').catch(() => undefined);
      child.disconnect();
      await gone;
    },
  };
}

/** In the child: answers the parent's calls with `handlers` (plus `close`, which ends the child when it returns). */
export function serveParent(handlers: Record<string, Handler>) {
  process.on('message', async ({ id, method, args }: Call) => {
    try {
      const handler = handlers[method];
      if (!handler && method !== 'close') throw new Error(`no handler for ${method}`);
      const result = handler ? await handler(...args) : undefined;
      process.send!({ id, result: result ?? null } satisfies Answer);
    } catch (error) {
      process.send!({ id, error: (error as Error).stack ?? String(error) } satisfies Answer);
    }
  });
  // The IPC channel closes with the parent: nothing else keeps the child alive.
  process.on('disconnect', () => process.exit(0));
  process.send!({ ready: true });
}
