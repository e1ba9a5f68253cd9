import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseDatabaseUrl, trustProxyFrom } from './config';

describe('configuration', () => {
  it('maps DATABASE_URL to the embedded SQLite default, a SQLite file or PostgreSQL', () => {
    expect(parseDatabaseUrl(undefined, '/srv/data')).toEqual({ type: 'sqlite', path: '/srv/data/redress.sqlite' });
    expect(parseDatabaseUrl('sqlite:/var/lib/r.sqlite', '/srv/data')).toEqual({ type: 'sqlite', path: '/var/lib/r.sqlite' });
    expect(parseDatabaseUrl('postgres://u:p@db/redress', '/srv')).toEqual({ type: 'postgres', url: 'postgres://u:p@db/redress' });
    expect(() => parseDatabaseUrl('mysql://x', '/srv')).toThrow(ConfigError);
  });

  it('generates secrets once into the data folder, private to the owner, and reuses them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-config-'));
    const first = loadConfig({ REDRESS_DATA_DIR: dir } as NodeJS.ProcessEnv);
    const second = loadConfig({ REDRESS_DATA_DIR: dir } as NodeJS.ProcessEnv);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(Buffer.from(first.encryptionKey, 'base64')).toHaveLength(32);
    expect(readFileSync(join(dir, 'jwt.key'), 'utf8').trim()).toBe(first.jwtSecret);
    expect(statSync(join(dir, 'jwt.key')).mode & 0o077).toBe(0);
    expect(first.port).toBe(3000);
  });

  it('demands real secrets in production and never seeds demo data there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-config-'));
    expect(() => loadConfig({ NODE_ENV: 'production', REDRESS_DATA_DIR: dir } as NodeJS.ProcessEnv)).toThrow(/must be set in production/);
    const key = Buffer.alloc(32, 7).toString('base64');
    // The message names the environment variable to set (it once said "ENCRYPTION", which is no variable).
    expect(() => loadConfig({ NODE_ENV: 'production', REDRESS_DATA_DIR: dir } as NodeJS.ProcessEnv)).toThrow(
      /^ENCRYPTION_KEY must be set in production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', REDRESS_DATA_DIR: dir, ENCRYPTION_KEY: key } as NodeJS.ProcessEnv)).toThrow(
      /^JWT_SECRET must be set in production/,
    );
    const config = loadConfig({
      NODE_ENV: 'production',
      REDRESS_DATA_DIR: dir,
      JWT_SECRET: 'x'.repeat(40),
      ENCRYPTION_KEY: key,
    } as NodeJS.ProcessEnv);
    expect(config.seedDemo).toBe(false);
  });

  it('trusts X-Forwarded-For only from a proxy on this host unless REDRESS_TRUST_PROXY says otherwise', () => {
    expect(trustProxyFrom(undefined)).toEqual(['loopback']);
    expect(trustProxyFrom('0')).toBe(false);
    expect(trustProxyFrom('2')).toBe(2);
    expect(trustProxyFrom('10.0.0.0/8, loopback, fd00::1')).toEqual(['10.0.0.0/8', 'loopback', 'fd00::1']);
    expect(() => trustProxyFrom('load-balancer')).toThrow(/REDRESS_TRUST_PROXY: "load-balancer" is not an address/);
  });
});

describe('GraphQL limits', () => {
  it('hides introspection from anonymous callers in production unless REDRESS_INTROSPECTION opens or closes it', async () => {
    const { graphqlLimits } = await import('./config');
    expect(graphqlLimits({}, true).introspection).toBe('signed-in');
    expect(graphqlLimits({}, false).introspection).toBe('on');
    expect(graphqlLimits({ REDRESS_INTROSPECTION: '1' }, true).introspection).toBe('on');
    expect(graphqlLimits({ REDRESS_INTROSPECTION: '0' }, false).introspection).toBe('off');
    expect(() => graphqlLimits({ REDRESS_INTROSPECTION: 'yes' }, true)).toThrow(/REDRESS_INTROSPECTION/);
    expect(graphqlLimits({ REDRESS_GQL_MAX_ALIASES: '30' }, true).maxAliases).toBe(30);
    expect(() => graphqlLimits({ REDRESS_GQL_MAX_DEPTH: '-1' }, true)).toThrow(/positive integer/);
  });
});
