import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createTestApp, type TestApp } from '../support/test-app';

const SCHEMA_FILE = resolve(__dirname, '../../apps/api/schema.graphql');
const HEADER = '# The Redress GraphQL API, generated from the code-first resolvers. Do not edit:\n# regenerate with `npm run schema`.\n\n';

/** The committed schema is what API clients and reviewers read: it must match the code. */
describe('apps/api/schema.graphql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db: 'sqlite' });
  });
  afterAll(() => t?.close());

  it('is current', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const printed = HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === '1' || !existsSync(SCHEMA_FILE)) writeFileSync(SCHEMA_FILE, printed);
    expect(readFileSync(SCHEMA_FILE, 'utf8'), 'schema.graphql is stale: regenerate it (see its header)').toBe(printed);
  });
});
