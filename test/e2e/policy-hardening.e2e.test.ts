import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { ENABLE, PUBLISH, freshTenant } from './plugin-support';

process.env.REDRESS_WORKERS = '0';

// Monday 30 Nov 2026, 10:00 in Shanghai: eleven months after the billing month telecom's own rule test is about, so a
// rule test that read this clock instead of its facts' `now` would see an expired appeal.
const START = new Date('2026-11-30T02:00:00Z');

const UPSERT_TEST = 'mutation($i: RuleTestCaseInput!) { upsertRuleTest(input: $i) { key } }';
const SIMULATE = `mutation($s: SimulationSampleInput!) { simulatePolicy(sample: $s) { status total result { total validityChanged
  differences { index changed before { valid invalidReason } after { valid invalidReason } } } } }`;

/** `{ a: { a: … { a: 1 } } }` nested `depth` objects deep, built without recursion. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { a: 1 };
  for (let i = 1; i < depth; i += 1) value = { a: value };
  return value;
}

/** The same as JSON text (JSON.stringify itself would overflow the stack at this depth). */
const nestedText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const DEEP = nestedText(10_000);

describe.each(testDatabases())('policy hardening on %s', (db) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ db, clock: new ManualClock(START) });
    await t.seedDemo();
    admin = await t.login('admin@demo.local');
  });
  afterAll(() => t?.close());

  it('runs rule tests at the `now` of their facts: enabling telecom and publishing succeeds (issue 12 #9)', async () => {
    const tenant = await freshTenant(t, 'telecom-now');
    await t.gqlOk(ENABLE, { id: 'telecom' }, tenant.admin);
    const tests = (
      await t.gqlOk('{ runPolicyTests(version: "draft") { key passed error failures { what expected actual } } }', {}, tenant.admin)
    ).runPolicyTests;
    expect(tests.find((r: { key: string }) => r.key === 'telecom_recent_fee')).toMatchObject({ passed: true, failures: [] });
    expect((await t.gqlOk(PUBLISH, { note: '启用电信插件' }, tenant.admin)).publishPolicy).toMatchObject({ status: 'published' });

    // Simulation reads each sample's `now` the same way: the same fee dispute is accepted in January, refused in November.
    const fee = (now?: string) => ({
      ...(now ? { now } : {}),
      complaint: { type: 'telecom_billing', channel: 'phone', text: '多扣流量费', form: { billing_month: '2025-12-01' } },
    });
    await t.gqlOk(
      'mutation($k: RuleSetKey!, $t: JSON!) { setRuleSet(key: $k, table: $t) { key } }',
      {
        k: 'validity',
        t: { hitPolicy: 'first', rows: [] },
      },
      tenant.admin,
    );
    const job = (await t.gqlOk(SIMULATE, { s: { facts: [fee('2026-01-15T02:00:00.000Z'), fee()] } }, tenant.admin)).simulatePolicy;
    expect(job.result.differences).toEqual([
      {
        index: 1,
        changed: ['validity'],
        before: { valid: false, invalidReason: 'appeal_period_expired' },
        after: { valid: true, invalidReason: null },
      },
    ]);
    const bad = await t.gql(SIMULATE, { s: { facts: [fee('last tuesday')] } }, tenant.admin);
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SAMPLE_NOW_INVALID',
      field: 'sample.facts[0].now',
    });
  });

  it('names the failing test in each RULE_TESTS_FAILED problem (issue 12 #15)', async () => {
    // Two wrong expectations in the first test, one in the second: the problems must not shift onto the wrong test.
    await t.gqlOk(
      UPSERT_TEST,
      {
        i: {
          key: 'aa_two_wrong',
          facts: { complaint: { type: 'billing', channel: 'email', text: '多收了钱' } },
          expect: { severity: 'major', department: 'quality' },
        },
      },
      admin,
    );
    await t.gqlOk(
      UPSERT_TEST,
      { i: { key: 'ab_one_wrong', facts: { complaint: { type: 'suggestion', text: '建议' } }, expect: { valid: true } } },
      admin,
    );
    const result = await t.gql(PUBLISH, { note: 'x' }, admin);
    const error = result.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RULE_TESTS_FAILED' });
    const problems = error!.extensions!.problems as { field: string; message: string }[];
    expect(problems.map((p) => p.field)).toEqual(['tests[aa_two_wrong]', 'tests[aa_two_wrong]', 'tests[ab_one_wrong]']);
    for (const problem of problems) expect(problem.message).toMatch(new RegExp(`^test ${problem.field.slice(6, -1)}: `));
    for (const key of ['aa_two_wrong', 'ab_one_wrong'])
      await t.gqlOk('mutation($k: String!) { deleteRuleTest(key: $k) }', { k: key }, admin);
  });

  it('refuses facts nested 10,000 levels deep as input, not as an internal error (issue 12 #19)', async () => {
    /** Variables whose "DEEP" placeholder is replaced by the deep JSON text. */
    const send = async (query: string, variables: Record<string, unknown>) => {
      const body = JSON.stringify({ query, variables }).replace('"DEEP"', DEEP);
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body,
      });
      return (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
    };
    const asTest = await send(UPSERT_TEST, { i: { key: 'deep', facts: 'DEEP', expect: { valid: true } } });
    expect(asTest.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'JSON_TOO_DEEP', field: 'i.facts' });
    const asSample = await send(SIMULATE, { s: { facts: ['DEEP'] } });
    expect(asSample.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'JSON_TOO_DEEP', field: 's.facts[0]' });
    const asTable = await send('mutation($k: RuleSetKey!, $t: JSON!) { setRuleSet(key: $k, table: $t) { key } }', {
      k: 'severity',
      t: { rows: [{ key: 'x', when: 'DEEP', then: 'normal' }] },
    });
    expect(asTable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'JSON_TOO_DEEP', field: 't' });
    const document = JSON.parse((await t.gqlOk('{ exportPolicy(version: "draft") }', {}, admin)).exportPolicy);
    document.tests.push({ key: 'deep', facts: 'DEEP', expect: { valid: true } });
    const imported = await t.gql(
      'mutation($d: String!) { importPolicy(document: $d) { valid } }',
      { d: JSON.stringify(document).replace('"DEEP"', DEEP) },
      admin,
    );
    expect(imported.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'JSON_TOO_DEEP', field: 'document' });
    // Written inline in the query instead of as a variable.
    const literal = await t.gql(
      `mutation { simulatePolicy(sample: { facts: [${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}] }) { status } }`,
      {},
      admin,
    );
    expect(literal.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Nothing of it reached the draft; ordinary nesting still works.
    const draft = (await t.gqlOk('{ draftPolicy { tests { key } } }', {}, admin)).draftPolicy;
    expect(draft.tests.map((x: { key: string }) => x.key)).not.toContain('deep');
    const ok = (
      await t.gqlOk(
        SIMULATE,
        { s: { facts: [{ complaint: { type: 'billing', channel: 'email', text: '多收了钱', form: nested(20) } }] } },
        admin,
      )
    ).simulatePolicy;
    expect(ok).toMatchObject({ status: 'done', total: 1 });
  });

  it('keeps a "__proto__" key as data through import and export (issue 12 #22)', async () => {
    const document = JSON.parse((await t.gqlOk('{ exportPolicy(version: "draft") }', {}, admin)).exportPolicy);
    // JSON.parse makes "__proto__" an ordinary own member, as it is in the text.
    const facts = JSON.parse(
      '{"complaint": {"type": "billing", "channel": "email", "text": "多收了钱", "form": {"__proto__": {"polluted": true}, "amount": 5}}}',
    );
    document.tests.push({ key: 'proto_key', facts, expect: { department: 'finance' } });
    const text = JSON.stringify(document);
    expect(text).toContain('"__proto__":{"polluted":true}');
    await t.gqlOk('mutation($d: String!) { importPolicy(document: $d) { valid } }', { d: text }, admin);
    const exported = (await t.gqlOk('{ exportPolicy(version: "draft") }', {}, admin)).exportPolicy as string;
    expect(exported).toContain('"__proto__": {\n');
    const back = JSON.parse(exported);
    const test = back.tests.find((x: { key: string }) => x.key === 'proto_key');
    expect(Object.prototype.hasOwnProperty.call(test.facts.complaint.form, '__proto__')).toBe(true);
    expect(test.facts.complaint.form).toEqual(facts.complaint.form);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The same document exported twice is the same bytes (content hashes rely on it).
    expect((await t.gqlOk('{ exportPolicy(version: "draft") }', {}, admin)).exportPolicy).toBe(exported);
    await t.gqlOk('mutation($k: String!) { deleteRuleTest(key: $k) }', { k: 'proto_key' }, admin);
  });
});
