import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { complainant } from '../support/complaints';
import { Complaint } from '../../apps/api/src/modules/complaint/complaint.entity';
import { Customer } from '../../apps/api/src/modules/customer/customer.entity';

process.env.REDRESS_WORKERS = '0';

const SUBMIT = 'mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id number } }';

/**
 * Intakes arriving together share one transaction (GroupCommit), each in its own savepoint: a complaint refused
 * inside the transaction (here: attachment ids nobody uploaded, found only when the files are claimed, after the
 * customer and complaint rows are written) is rolled back alone; its neighbours are stored, answered, and numbered
 * without a gap.
 */
describe.each(testDatabases())('group commit on %s', (db) => {
  let t: TestApp;
  let agent: string;

  beforeAll(async () => {
    t = await createTestApp({ db });
    await t.seedDemo();
    agent = await t.login('agent@demo.local');
  });
  afterAll(() => t?.close());

  it('a complaint refused inside the shared transaction takes nothing with it, and numbers stay gap-free', async () => {
    const inputs = Array.from({ length: 48 }, (_, i) => ({
      channel: 'phone',
      type: 'service.efficiency',
      text: `并发投诉 ${i}：营业厅排队时间过长。`,
      idempotencyKey: `group-${db}-${i}`,
      complainant: complainant(`客户${i}`),
      form: { order_no: `SO-${i}` },
      // Every fourth names a file nobody uploaded: refused when the files are claimed, inside the transaction.
      ...(i % 4 === 3 ? { attachments: ['00000000-0000-4000-8000-00000000000' + (i % 10)] } : {}),
    }));
    const results = await Promise.all(inputs.map((input) => t.gql(SUBMIT, { input }, agent)));
    const refused = results.filter((r) => r.errors?.length);
    const stored = results.filter((r) => r.data?.submitComplaint).map((r) => r.data!.submitComplaint as { id: string; number: string });
    expect(refused).toHaveLength(12);
    for (const r of refused) expect(r.errors![0].extensions).toMatchObject({ reason: 'UNKNOWN', field: 'input.attachments' });
    expect(stored).toHaveLength(36);

    // Exactly the answered complaints are stored, and only their complainants: the refused ones left no row behind.
    const rows = await t.dataSource.getRepository(Complaint).find({ select: { id: true, number: true } });
    expect(rows.map((r) => r.id).sort()).toEqual(stored.map((s) => s.id).sort());
    expect(await t.dataSource.getRepository(Customer).count()).toBe(36);
    // Serials 1..36, each once: a savepoint rolled back gave its counter increment back.
    const serials = rows.map((r) => Number(r.number.split('-').pop())).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    const answered = new Map(stored.map((s) => [s.id, s.number]));
    for (const row of rows) expect(answered.get(row.id)).toBe(row.number);

    // A retry of an answered intake returns it; a retry of a refused one (files fixed: none) is taken now.
    const retried = await t.gql(SUBMIT, { input: inputs[0] }, agent);
    expect(retried.data?.submitComplaint).toEqual(stored.find((s) => s.id === retried.data?.submitComplaint.id));
    const { attachments: _none, ...fixed } = inputs[3] as (typeof inputs)[3] & { attachments?: string[] };
    const fixedResult = await t.gql(SUBMIT, { input: fixed }, agent);
    expect(fixedResult.errors).toBeUndefined();
    expect(Number(fixedResult.data.submitComplaint.number.split('-').pop())).toBe(37);
  });
});
