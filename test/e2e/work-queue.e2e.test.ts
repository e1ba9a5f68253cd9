import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { submit } from '../support/complaints';

process.env.REDRESS_WORKERS = '0';

const QUEUE = `query($f: ComplaintFilter) { complaints(filter: $f, orderBy: RESOLUTION_DUE_ASC, first: 10) {
  totalCount edges { node { id state department resolutionDueAt } } } }`;
const PAGE_ONLY = `query($f: ComplaintFilter) { complaints(filter: $f, orderBy: RESOLUTION_DUE_ASC, first: 2) {
  pageInfo { hasNextPage } edges { node { id } } } }`;

describe.each(testDatabases())('department work queue on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
    await t.seedDemo();
  });
  afterAll(() => t?.close());

  it('lists a department’s open complaints soonest deadline first, those without a deadline last, closed ones never', async () => {
    const agent = await t.login('agent@demo.local');
    const created = [];
    for (let i = 0; i < 4; i++)
      created.push(await submit(t, agent, { channel: 'phone', type: 'service.attitude', text: `排队第${i}次。` }));
    const department = created[0].department as string;
    expect(created.every((c) => c.department === department)).toBe(true);
    const [late, early, none, closed] = created.map((c) => c.id as string);
    const set = (id: string, due: string | null, state?: string) =>
      t.dataSource.query(
        `UPDATE complaint SET resolution_due_at = ${due === null ? 'NULL' : `'${due}'`}${state ? `, state = '${state}'` : ''} WHERE id = '${id}'`,
      );
    await set(late, db === 'postgres' ? '2030-01-02T00:00:00Z' : '2030-01-02 00:00:00.000');
    await set(early, db === 'postgres' ? '2030-01-01T00:00:00Z' : '2030-01-01 00:00:00.000');
    await set(none, null);
    await set(closed, db === 'postgres' ? '2029-01-01T00:00:00Z' : '2029-01-01 00:00:00.000', 'closed');
    const handler = await t.login('handler@demo.local');
    const { complaints } = await t.gqlOk(QUEUE, { f: { department, open: true } }, handler);
    expect(complaints.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([early, late, none]);
    expect(complaints.totalCount).toBe(3);
    // Without totalCount the total is not counted; paging still works.
    const page = await t.gqlOk(PAGE_ONLY, { f: { department, open: true } }, handler);
    expect(page.complaints.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([early, late]);
    expect(page.complaints.pageInfo.hasNextPage).toBe(true);
  });
});
