import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import { TYPES_CONFIG } from '../../codegen';

/** src/graphql/generated.ts is what graphql-codegen makes of apps/api/schema.graphql now (run `npm run codegen -w apps/admin`). */
describe('generated GraphQL types', () => {
  it('are current with the API schema', async () => {
    const admin = join(__dirname, '../..');
    const output = await codegen({
      filename: 'src/graphql/generated.ts',
      schema: parse(readFileSync(join(admin, '../api/schema.graphql'), 'utf8')),
      documents: [],
      plugins: [{ typescript: {} }],
      pluginMap: { typescript: typescriptPlugin },
      config: TYPES_CONFIG,
    });
    expect(readFileSync(join(__dirname, 'generated.ts'), 'utf8').trim()).toBe(output.trim());
  });
});
