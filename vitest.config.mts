import { defineConfig, type UserWorkspaceConfig } from 'vitest/config';
import swc from 'unplugin-swc';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// One graphql copy: Nest loads graphql's CommonJS build; without the alias vitest would
// load the ESM build too and schema objects would fail instanceof checks.
const alias = [
  { find: /^graphql$/, replacement: resolve(root, 'node_modules/graphql/index.js') },
  { find: '@redress/rules', replacement: resolve(root, 'libs/rules/src/index.ts') },
  { find: '@redress/sdk/testing', replacement: resolve(root, 'libs/sdk/src/testing/index.ts') },
  { find: '@redress/sdk', replacement: resolve(root, 'libs/sdk/src/index.ts') },
  { find: /^@redress\/plugin-(.*)$/, replacement: resolve(root, 'libs/plugins/$1/src/index.ts') },
];

// Nest needs decorator metadata, which esbuild does not emit; swc does.
const swcPlugin = () =>
  swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
  });

function project(name: string, include: string[], extra: Partial<UserWorkspaceConfig['test']> = {}): UserWorkspaceConfig {
  return {
    plugins: [swcPlugin()],
    resolve: { alias },
    test: { name, include, globals: true, environment: 'node', testTimeout: 60_000, hookTimeout: 120_000, ...extra },
  };
}

export default defineConfig({
  test: {
    projects: [
      project('rules', ['libs/rules/src/**/*.test.ts']),
      project('sdk', ['libs/sdk/src/**/*.test.ts']),
      project('plugins', ['libs/plugins/*/src/**/*.test.ts']),
      project('api', ['apps/api/src/**/*.test.ts']),
      project('admin', ['apps/admin/src/**/*.test.{ts,tsx}']),
      project('e2e', ['test/**/*.test.ts'], { globalSetup: ['test/support/global-setup.ts'] }),
    ],
  },
});
