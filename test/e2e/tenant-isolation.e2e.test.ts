import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { TenantService } from '../../apps/api/src/modules/tenant/tenant.service';
import { AuthService } from '../../apps/api/src/modules/auth/auth.service';
import { DemoService } from '../../apps/api/src/modules/demo/demo.service';
import { Role } from '../../apps/api/src/common/auth/roles';
import { submit } from '../support/complaints';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface FieldInfo {
  name: string;
  args: { name: string; type: TypeRef }[];
  type: TypeRef;
}
interface TypeInfo {
  kind: string;
  name: string;
  fields: FieldInfo[] | null;
  inputFields: { name: string; type: TypeRef }[] | null;
  enumValues: { name: string }[] | null;
}

const INTROSPECTION = `{ __schema { queryType { name } types { kind name
  fields { name args { name type { ...T } } type { ...T } }
  inputFields { name type { ...T } } enumValues { name } } } }
  fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

const unwrap = (t: TypeRef): TypeRef => (t.ofType ? unwrap(t.ofType) : t);
const required = (t: TypeRef) => t.kind === 'NON_NULL';

/**
 * Walks EVERY query field of the schema as a user of tenant B, feeding it tenant A's identifiers, and checks that
 * nothing of tenant A comes back. New queries are covered automatically.
 */
describe.each(testDatabases())('tenant isolation on %s', (db) => {
  let t: TestApp;
  const markers: string[] = [];
  const ids: string[] = [];
  let tokenB: string;
  let tokenA: string;

  beforeAll(async () => {
    t = await createTestApp({ db });
    const tenantA = await t.app.get(DemoService).seed();
    const adminA = await t.login('admin@demo.local');
    tokenA = adminA;
    const agentA = await t.login('agent@demo.local');
    const complaint = await submit(t, agentA, {
      channel: 'phone',
      type: 'service.attitude',
      text: '甲公司的秘密投诉内容 ALPHA-SECRET',
      form: {},
    });
    const token = await t.gqlOk<any>('mutation { createApiToken(name: "ALPHA-TOKEN", role: analyst) { token { id } } }', {}, adminA);
    markers.push('演示公司', 'admin@demo.local', 'ALPHA-SECRET', 'ALPHA-TOKEN', complaint.number, complaint.id, tenantA);
    ids.push(complaint.id, complaint.number, token.createApiToken.token.id, tenantA, '1');
    const tenantB = await t.app.get(TenantService).create({ slug: 'beta', name: '乙公司' });
    await t.app
      .get(AuthService)
      .createUser({ tenantId: tenantB.id, email: 'admin@beta.local', password: 'beta-pass-1', displayName: '乙管理员', role: Role.admin });
    tokenB = await t.login('admin@beta.local', 'beta-pass-1');
  });
  afterAll(() => t?.close());

  it('shows tenant B nothing of tenant A through any query field', async () => {
    const { leaks, walked } = await walk(tokenB);
    expect(leaks).toEqual([]);
    expect(walked).toBeGreaterThan(10);
  });

  it('the same walk as tenant A does find tenant A’s data (so the walk can see a leak)', async () => {
    const { leaks } = await walk(tokenA);
    const fields = new Set(leaks.map((l) => l.split('(')[0]));
    expect(fields.has('complaint')).toBe(true);
    expect(fields.has('complaints')).toBe(true);
    expect(fields.has('currentTenant')).toBe(true);
  });

  async function walk(token: string): Promise<{ leaks: string[]; walked: number }> {
    const leaks: string[] = [];
    const schema = (await t.gqlOk<any>(INTROSPECTION, {}, token)).__schema;
    const types = new Map<string, TypeInfo>(schema.types.map((x: TypeInfo) => [x.name, x]));
    const query = types.get(schema.queryType.name)!;

    const selection = (typeName: string, depth: number): string => {
      const type = types.get(typeName)!;
      if (!type.fields) return '';
      const parts = type.fields
        .filter((f) => !f.args.some((a) => required(a.type)))
        .flatMap((f) => {
          const inner = unwrap(f.type);
          if (inner.kind === 'SCALAR' || inner.kind === 'ENUM') return [f.name];
          if (depth >= 3 || inner.kind !== 'OBJECT') return [];
          const sub = selection(inner.name!, depth + 1);
          return sub ? [`${f.name} { ${sub} }`] : [];
        });
      return parts.join(' ');
    };
    const argValue = (type: TypeRef, candidate: string): unknown => {
      const inner = unwrap(type);
      if (inner.name === 'ID' || inner.name === 'String') return candidate;
      if (inner.name === 'Int' || inner.name === 'Float') return 1;
      if (inner.name === 'Boolean') return true;
      if (inner.kind === 'ENUM') return types.get(inner.name!)!.enumValues![0].name;
      if (inner.kind === 'INPUT_OBJECT') {
        const fields = types.get(inner.name!)!.inputFields ?? [];
        return Object.fromEntries(fields.filter((f) => required(f.type)).map((f) => [f.name, argValue(f.type, candidate)]));
      }
      return null;
    };

    let walked = 0;
    for (const field of query.fields!) {
      if (field.name.startsWith('__')) continue;
      const inner = unwrap(field.type);
      const sel = inner.kind === 'OBJECT' ? `{ ${selection(inner.name!, 1) || '__typename'} }` : '';
      const requiredArgs = field.args.filter((a) => required(a.type));
      const candidates = requiredArgs.length ? ids : [''];
      for (const candidate of candidates) {
        const variables = Object.fromEntries(requiredArgs.map((a) => [a.name, argValue(a.type, candidate)]));
        const decl = requiredArgs.length ? `(${requiredArgs.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ')})` : '';
        const call = requiredArgs.length ? `(${requiredArgs.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
        const response = await t.gql(`query${decl} { ${field.name}${call} ${sel} }`, variables, token);
        const text = JSON.stringify(response.data ?? null);
        for (const marker of markers) {
          if (text.includes(marker)) leaks.push(`${field.name}(${JSON.stringify(variables)}) shows "${marker}"`);
        }
        walked += 1;
      }
    }
    return { leaks, walked };
  }
});

function typeString(t: TypeRef): string {
  if (t.kind === 'NON_NULL') return `${typeString(t.ofType!)}!`;
  if (t.kind === 'LIST') return `[${typeString(t.ofType!)}]`;
  return t.name!;
}
