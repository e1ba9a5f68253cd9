import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations of the console from the API's schema (issue 20): `npm run codegen -w apps/admin` rewrites
 * src/graphql/generated.ts; src/graphql/generated.test.ts fails when it is stale.
 */
export const TYPES_CONFIG = {
  enumsAsTypes: true,
  maybeValue: 'T | null',
  scalars: { DateTime: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
};

const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  generates: { 'src/graphql/generated.ts': { plugins: ['typescript'], config: TYPES_CONFIG } },
};
export default config;
