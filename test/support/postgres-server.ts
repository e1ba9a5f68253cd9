import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

/**
 * A real, throwaway PostgreSQL server from the machine's PostgreSQL binaries (initdb in a temp dir, loopback
 * port, socket in the temp dir). PostgreSQL refuses to run as root, so as root it runs as an unprivileged
 * user created for the purpose.
 */
export interface PostgresServer {
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  /** Stops the server the hard way (like a crash or a killed host), keeping its data for `resume`. */
  pause(): Promise<void>;
  /** Starts the paused server again on the same port with the same data. */
  resume(): Promise<void>;
  stop(): Promise<void>;
  /** Process id of the running postmaster (its backends are its children), for CPU accounting. */
  pid(): number;
}

const PG_USER = 'redress_pg';

function findBinDir(): string {
  const roots = ['/usr/lib/postgresql'];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  }
  throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql (install postgresql-15: apt-get install postgresql)');
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function asPgUser(): { prefix: string[]; root: boolean } {
  const root = process.getuid?.() === 0;
  if (!root) return { prefix: [], root };
  try {
    execFileSync('id', ['-u', PG_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', PG_USER], { stdio: 'ignore' });
  }
  return { prefix: ['runuser', '-u', PG_USER, '--'], root };
}

function run(prefix: string[], command: string, args: string[]) {
  const [bin, ...rest] = prefix.length ? [prefix[0], ...prefix.slice(1), command, ...args] : [command, ...args];
  execFileSync(bin, rest, { stdio: 'pipe' });
}

export interface PostgresOptions {
  /**
   * Acknowledged commits survive `pause()` (a crash): `synchronous_commit=on`. The suite's shared server runs with
   * it off for speed — there a commit is acknowledged before its WAL is written, and "an immediate-mode shutdown is
   * equivalent to a server crash, and will therefore cause loss of any unflushed asynchronous commits" (PostgreSQL
   * manual, Asynchronous Commit): up to 3 × wal_writer_delay of acknowledged work, more when a loaded machine delays
   * the WAL writer — what once made the outage test find its complaint gone after the restart.
   */
  durable?: boolean;
  /**
   * Commits really on the disk: `fsync=on` and `full_page_writes=on` (and `synchronous_commit=on`), PostgreSQL's
   * defaults — what a deployment runs and what the benchmark measures intake against. The tests keep fsync off: they
   * check behaviour, and an fsync per commit on a shared machine only slows them.
   */
  fsync?: boolean;
}

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  const bin = findBinDir();
  const { prefix, root } = asPgUser();
  const dir = mkdtempSync(join(tmpdir(), 'redress-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'sock');
  if (root) execFileSync('install', ['-d', '-o', PG_USER, '-m', '700', dataDir, socketDir]);
  const pwFile = join(dir, 'pw');
  writeFileSync(pwFile, 'redress\n');
  chmodSync(pwFile, 0o644);
  run(prefix, join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'redress',
    '--pwfile',
    pwFile,
    '-A',
    'md5',
    '-E',
    'UTF8',
    '--locale',
    'C.UTF-8',
    '--no-sync',
  ]);
  const port = await freePort();
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    socketDir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `fsync=${options.fsync ? 'on' : 'off'}`,
    '-c',
    `synchronous_commit=${options.durable || options.fsync ? 'on' : 'off'}`,
    '-c',
    `full_page_writes=${options.fsync ? 'on' : 'off'}`,
    '-c',
    'max_connections=300',
    '-c',
    'shared_buffers=256MB',
  ];
  const base = `postgres://redress:redress@127.0.0.1:${port}`;
  const { Client } = await import('pg');
  let child: ChildProcess;
  const launch = async () => {
    const [cmd, ...rest] = prefix.length ? [...prefix, join(bin, 'postgres'), ...args] : [join(bin, 'postgres'), ...args];
    const started = spawn(cmd, rest, { stdio: ['ignore', 'ignore', 'pipe'], detached: false });
    child = started;
    let log = '';
    started.stderr?.on('data', (d) => (log += d.toString()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const client = new Client({ connectionString: `${base}/postgres` });
      try {
        await client.connect();
        await client.end();
        break;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (started.exitCode !== null || Date.now() > deadline)
          throw new Error(`PostgreSQL did not start: ${log || (error as Error).message}`, { cause: error });
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const halt = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      run(prefix, join(bin, 'pg_ctl'), ['-D', dataDir, 'stop', '-m', 'immediate', '-w']);
    } catch {
      child.kill('SIGKILL');
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  };
  await launch();
  return {
    url: (database) => `${base}/${database}`,
    async createDatabase(name) {
      const client = new Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
    pid: () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    pause: halt,
    resume: launch,
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
