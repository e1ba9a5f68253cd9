import { createTestApp, testDatabases, type TestApp } from '../support/test-app';

const SET_RULE_SET = 'mutation($k: RuleSetKey!, $t: JSON!) { setRuleSet(key: $k, table: $t) { key } }';
const SEVERITY = '{ draftPolicy { rules { severity { key hitPolicy default rows { key when then priority description } } } } }';
/** Polynomial backtracking on RegExp: a probe with this rule stalled the server for 16 s. */
const POLYNOMIAL = '[a-z]{1,100}[a-z]{1,100}x';

describe.each(testDatabases())('linear-time regular expressions on %s', (db) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ db });
    await t.seedDemo();
    admin = await t.login('admin@demo.local');
  });
  afterAll(() => t?.close());

  it('simulates a rule with a polynomially backtracking pattern over long texts quickly, and still matches', async () => {
    const severity = (await t.gqlOk(SEVERITY, {}, admin)).draftPolicy.rules.severity;
    severity.rows.unshift({
      key: 'sev-pattern',
      priority: 100,
      when: { matches: [{ var: 'complaint.text' }, POLYNOMIAL] },
      then: 'major',
      description: 'RE2 probe',
    });
    await t.gqlOk(SET_RULE_SET, { k: 'severity', t: severity }, admin);
    // 200 texts that never match (2,000 letters, no x: the worst case for a backtracking engine) and one that does.
    const facts = Array.from({ length: 200 }, () => ({
      complaint: { type: 'consultation', channel: 'phone', text: 'a'.repeat(5000) },
      customer: { complaintsLast30Days: 0 },
    }));
    facts.push({ complaint: { type: 'consultation', channel: 'phone', text: 'abcx' }, customer: { complaintsLast30Days: 0 } });
    const started = performance.now();
    const job = (
      await t.gqlOk(
        `mutation($s: SimulationSampleInput!) { simulatePolicy(sample: $s) { status total result { total severityChanged elapsedMs } } }`,
        { s: { facts } },
        admin,
      )
    ).simulatePolicy;
    const elapsed = Math.round(performance.now() - started);
    console.log(
      `[regex ${db}] ${POLYNOMIAL} over 200 × 2,000-letter texts: ${job.result.elapsedMs} ms in the engine, ${elapsed} ms over HTTP`,
    );
    expect(job).toMatchObject({ status: 'done', total: 201 });
    expect(job.result.severityChanged).toBe(1);
    // Generous bound: RegExp needs ~0.7 s for ONE 300-letter text with this pattern; 200 texts of 2,000 would take minutes.
    expect(job.result.elapsedMs).toBeLessThan(15_000);
  });

  it('refuses at save and publish what RE2 cannot express, naming the construct', async () => {
    const severity = (await t.gqlOk(SEVERITY, {}, admin)).draftPolicy.rules.severity;
    severity.rows.unshift({
      key: 'sev-lookahead',
      priority: 101,
      when: { matches: [{ var: 'complaint.text' }, '^(?=.*退款)(?=.*曝光)'] },
      then: 'major',
    });
    const refused = await t.gql(SET_RULE_SET, { k: 'severity', t: severity }, admin);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RULE_SET_INVALID' });
    expect(refused.errors?.[0].extensions?.problems[0]).toMatchObject({
      code: 'UNSAFE_REGEX',
      message: expect.stringMatching(/lookahead/),
    });

    await t.gqlOk(
      'mutation($i: FieldDefinitionInput!) { upsertField(input: $i) { key } }',
      {
        i: { key: 'twice', label: { zh: '重复字符' }, type: 'text', validation: { pattern: '^(\\w)\\1$' } },
      },
      admin,
    );
    const check = await t.gqlOk('{ validatePolicyDraft { valid problems { path code message } } }', {}, admin);
    expect(check.validatePolicyDraft.valid).toBe(false);
    expect(check.validatePolicyDraft.problems).toContainEqual({
      path: 'fields[twice].validation.pattern',
      code: 'INVALID_PATTERN',
      message: expect.stringMatching(/back-references/),
    });
    const publish = await t.gql('mutation { publishPolicy(note: "bad pattern") { version } }', {}, admin);
    expect(publish.errors?.[0].extensions).toMatchObject({ reason: 'POLICY_INVALID' });
    expect(publish.errors?.[0].extensions?.problems.map((p: { path: string }) => p.path)).toContain('fields[twice].validation.pattern');
  });
});
