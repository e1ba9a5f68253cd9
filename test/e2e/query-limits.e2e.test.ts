import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { submit } from '../support/complaints';
import { graphqlLimits } from '../../apps/api/src/config/config';

/** Sends a GraphQL request over HTTP and keeps the status and the time it took. */
async function timed(url: string, init: RequestInit): Promise<{ status: number; body: any; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // /health answers JSON; anything else is kept as text for the assertion message.
  }
  return { status: response.status, body, ms: Math.round(performance.now() - started) };
}

const post = (token: string | undefined, query: string, variables?: Record<string, unknown>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify({ query, variables }),
});

const reasons = (body: any) => (body.errors ?? []).map((e: any) => e.extensions?.reason);

describe.each(testDatabases())('GraphQL query limits on %s', (db) => {
  let t: TestApp;
  let agent: string;
  let analyst: string;

  beforeAll(async () => {
    // Production mode: the defaults a real deployment runs with (anonymous introspection and suggestions off).
    const production = graphqlLimits({}, true);
    t = await createTestApp({ db, config: { production: true, graphql: production } });
    await t.seedDemo();
    [agent, analyst] = await Promise.all([t.login('agent@demo.local'), t.login('analyst@demo.local')]);
    for (let i = 0; i < 12; i += 1) {
      await submit(t, agent, {
        channel: 'phone',
        type: 'service.attitude',
        text: `态度问题 ${i}`,
        form: { staff_name: '小王', outlet: 'bj_chaoyang', expected_remedy: 'apology' },
      });
    }
  });
  afterAll(() => t?.close());

  it('refuses the 300-alias complaints(first:100) request fast while /health and me complete alongside', async () => {
    const aliases = Array.from(
      { length: 300 },
      (_, i) => `a${i}: complaints(first: 100) { edges { node { id number text complainant { name phone } timeline { type data } } } }`,
    );
    const abusive = timed(`${t.url}/graphql`, post(analyst, `{ ${aliases.join('\n')} }`));
    const health = timed(`${t.url}/health`, {});
    const me = timed(`${t.url}/graphql`, post(agent, '{ me { email role } }'));
    const [refused, healthy, mine] = await Promise.all([abusive, health, me]);
    console.log(`[query-limits ${db}] 300 aliases refused in ${refused.ms} ms; /health ${healthy.ms} ms; me ${mine.ms} ms`);
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(reasons(refused.body)).toEqual(['QUERY_TOO_MANY_ALIASES']);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_MANY_ALIASES' });
    expect(refused.body.errors[0].message).toContain('300');
    expect(healthy.status).toBe(200);
    expect(mine.body.data.me).toMatchObject({ email: 'agent@demo.local', role: 'agent' });
  });

  it('refuses a query nested too deep before anything runs', async () => {
    const nested = Array.from({ length: 12 }).reduce<string>((inner) => `... on User { ${inner} }`, 'email');
    const result = await t.gql(`{ me { ${nested} } }`, {}, agent);
    expect(reasons(result)).toEqual(['QUERY_TOO_DEEP']);
    expect(result.data).toBeUndefined();
  });

  it('refuses a page above the maximum instead of clamping it, and counts page sizes into the cost', async () => {
    const page = await t.gql('query($n: Int) { complaints(first: $n) { totalCount } }', { n: 1000 }, analyst);
    expect(page.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_TOO_LARGE', field: 'complaints.first' });
    const fields =
      'id number text state severity department complainant { name phone } timeline { seq type data at } decisions { kind outcome explanation }';
    const aliases = Array.from({ length: 10 }, (_, i) => `p${i}: complaints(first: 200) { edges { node { ${fields} } } }`);
    const costly = await t.gql(`{ ${aliases.join(' ')} }`, {}, analyst);
    expect(reasons(costly)).toEqual(['QUERY_TOO_COSTLY']);
    expect(costly.errors?.[0].extensions?.http).toBeUndefined();
    const fine = await t.gqlOk('{ complaints(first: 100) { totalCount edges { node { id } } } }', {}, analyst);
    expect(fine.complaints.totalCount).toBe(12);
  });

  it('hides the schema from anonymous callers in production, keeps it for the signed-in console, and gives no suggestions', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    const anonymous = await t.gql(introspection);
    expect(reasons(anonymous)).toEqual(['INTROSPECTION_DISABLED']);
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const typeQuery = await t.gql('{ __type(name: "ComplaintView") { name } }');
    expect(reasons(typeQuery)).toEqual(['INTROSPECTION_DISABLED']);
    const signedIn = await t.gqlOk(introspection, {}, agent);
    expect(signedIn.__schema.queryType.name).toBe('Query');
    // `__typename` is not introspection.
    expect((await t.gqlOk('{ __typename }')).__typename).toBe('Query');
    const typo = await t.gql('{ complaint(id: "x") { numbr } }', {}, agent);
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('fails the remaining fields of a query past its time budget, never the result of a mutation', async () => {
    const budget = t.config.graphql.timeBudgetMs;
    t.config.graphql.timeBudgetMs = 1;
    try {
      const slow = await t.gql('{ complaints(first: 12) { edges { node { id complainant { name } timeline { type } } } } }', {}, analyst);
      expect(reasons(slow)).toContain('TIME_BUDGET_EXCEEDED');
      expect(slow.errors?.find((e) => e.extensions?.reason === 'TIME_BUDGET_EXCEEDED')?.extensions?.code).toBe('TIMEOUT');
      // A mutation past the budget has done its work: its result is returned, not hidden behind a timeout.
      const accepted = await submit(t, agent, {
        channel: 'phone',
        type: 'service.attitude',
        text: '超时预算内的提交',
        form: { staff_name: '小王', outlet: 'bj_chaoyang', expected_remedy: 'apology' },
      });
      expect(accepted.number).toBeTruthy();
    } finally {
      t.config.graphql.timeBudgetMs = budget;
    }
    expect((await t.gqlOk('{ complaints(first: 20) { totalCount } }', {}, analyst)).complaints.totalCount).toBe(13);
  });
});
