import { ESLint } from 'eslint';
import { resolve } from 'node:path';

/**
 * The module-boundaries rule as configured in eslint.config.mjs (docs/architecture.md, "Module boundaries"): the real
 * config is loaded and sources are linted as if they lived at the given paths, importing the real entity files.
 */
const root = `${resolve(__dirname, '../..')}/`;
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('module boundaries lint rule', () => {
  it("refuses a value import of another module's entity, naming what to do instead", async () => {
    const errors = await boundaryErrors(
      'apps/api/src/modules/analytics/probe.ts',
      "import { Complaint } from '../complaint/complaint.entity';\nexport const table = Complaint;\n",
    );
    expect(errors).toEqual([
      "Module 'analytics' may not import an entity of module 'complaint' (its tables are its own): use the complaint module's service or react to its events.",
    ]);
  });

  it('sees relative imports at any depth, re-exports and dynamic imports', async () => {
    expect(
      await boundaryErrors(
        'apps/api/src/modules/ops/retention/probe.ts',
        "import { Customer } from '../../customer/customer.entity';\nexport const table = Customer;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors('apps/api/src/modules/portal/probe.ts', "export { Customer } from '../customer/customer.entity';\n"),
    ).toHaveLength(1);
    expect(
      await boundaryErrors('apps/api/src/modules/portal/probe.ts', "export const load = () => import('../customer/customer.entity');\n"),
    ).toHaveLength(1);
  });

  const allowed: [string, string, string][] = [
    ["a module's own entity", 'apps/api/src/modules/complaint/probe.ts', "import { Complaint } from './complaint.entity';"],
    ['a type-only import', 'apps/api/src/modules/incident/probe.ts', "import type { Complaint } from '../complaint/complaint.entity';"],
    ['the database registry', 'apps/api/src/database/probe.ts', "import { Complaint } from '../modules/complaint/complaint.entity';"],
    ["a module's test", 'apps/api/src/modules/analytics/probe.test.ts', "import { Complaint } from '../complaint/complaint.entity';"],
    ['an end-to-end test', 'test/e2e/probe.test.ts', "import { Complaint } from '../../apps/api/src/modules/complaint/complaint.entity';"],
    [
      "another module's service",
      'apps/api/src/modules/portal/probe.ts',
      "import { CustomerService as Complaint } from '../customer/customer.service';",
    ],
  ];
  it.each(allowed)('allows %s', async (_what, filePath, importLine) => {
    expect(await boundaryErrors(filePath, `${importLine}\nexport type Row = Complaint;\n`)).toEqual([]);
  });
});
