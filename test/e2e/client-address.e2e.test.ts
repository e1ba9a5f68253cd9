import { createTestApp, testDatabases, type GraphQLResponse, type TestApp } from '../support/test-app';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

async function loginFrom(t: TestApp, forwardedFor: string, email: string): Promise<GraphQLResponse> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ query: LOGIN, variables: { e: email, p: 'wrong-password' } }),
  });
  return response.json() as Promise<GraphQLResponse>;
}

/**
 * Per-address sign-in throttling is only as good as the address: an API that believes any peer's X-Forwarded-For lets
 * a password sprayer claim a fresh address per attempt. With no trusted proxy, the header is ignored.
 */
describe.each(testDatabases())('client address behind no trusted proxy on %s', (db) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ db, config: { trustProxy: false } });
    await t.seedDemo();
  });
  afterAll(() => t?.close());

  it('ignores a forged X-Forwarded-For, so rotating it does not escape the per-address limit', async () => {
    const emails = ['agent@demo.local', ...Array.from({ length: 29 }, (_, i) => `spray${i}@demo.local`)];
    const reasons: unknown[] = [];
    for (const [i, email] of emails.entries()) {
      reasons.push((await loginFrom(t, `198.51.100.${i + 1}`, email)).errors?.[0]?.extensions?.reason);
    }
    expect(reasons.slice(0, 29)).toEqual(Array(29).fill('INVALID_CREDENTIALS'));
    expect(reasons[29]).toBe('TOO_MANY_ATTEMPTS');
    // The audit log records the peer's real address, not the one the caller claimed.
    const audit = await t.gqlOk('{ auditLog(filter: { action: "sign_in_failed" }) { nodes { ip } } }', {}, await loginAfterWindow(t));
    expect(audit.auditLog.nodes.map((n: { ip: string }) => n.ip)).toContain('127.0.0.1');
    expect(audit.auditLog.nodes.some((n: { ip: string }) => n.ip.startsWith('198.51.100.'))).toBe(false);
  });
});

async function loginAfterWindow(t: TestApp): Promise<string> {
  t.clock.advance(16 * 60_000);
  return t.login('admin@demo.local');
}
