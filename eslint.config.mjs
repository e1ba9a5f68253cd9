// ESLint flat config for the whole monorepo. Run with `npm run lint` (eslint + prettier --check), part of `npm test`.
//
// Not type-aware on purpose: typed linting builds a TypeScript program per project and takes minutes on the 2-core CI
// machine; the syntactic `recommended` set finds the bugs we care about in seconds. Type errors are `npm run typecheck`'s job.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Module boundaries: each module under apps/api/src/modules owns its tables (docs/architecture.md, "Module boundaries"). */
const moduleBoundaries = {
  files: ['apps/api/src/modules/**/*.ts'],
  // Tests may set up and inspect any module's rows directly; they are not part of a module's surface.
  ignores: ['**/*.test.ts'],
  plugins: { boundaries },
  settings: {
    // Relative imports are resolved to files so that `../../complaint/complaint.entity` is recognised at any depth.
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    'boundaries/include': ['apps/api/src/modules/**/*.ts'],
    // Re-exports and dynamic imports count as imports too.
    'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    'boundaries/elements': [{ type: 'module', pattern: 'apps/api/src/modules/*', capture: ['name'] }],
    'boundaries/files': [{ category: 'entity', pattern: '**/*.entity.ts' }],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'allow',
        // A module's own entities are internal dependencies, which the rule does not check: only another module's are seen.
        policies: [
          {
            from: { element: { type: 'module' } },
            disallow: {
              to: { element: { type: 'module' }, file: { categories: 'entity' } },
              // A type-only import compiles away and can open no repository or query builder; the value import is what
              // lets a module read or write another module's table (@InjectRepository, getRepository, createQueryBuilder).
              dependency: { kind: 'value' },
            },
            message:
              "Module '{{ from.element.captured.name }}' may not import an entity of module '{{ to.element.captured.name }}' (its tables are its own): use the {{ to.element.captured.name }} module's service or react to its events.",
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/test-results/**',
      '**/.nx/**',
      'apps/admin/src/graphql/generated.ts',
      // Plain-JS build and tooling scripts are small and not part of the TypeScript surface this config covers.
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `any` is the house choice at the edges where the data is untyped by nature (JSON-logic values, GraphQL
      // variables, TypeORM raw rows, policy documents); `tsc --strict` still checks everything else. 410 sites today.
      '@typescript-eslint/no-explicit-any': 'off',
      // TypeORM's own API types entity and migration classes as `Function` (DataSourceOptions.entities,
      // migrations); the registries that feed it keep that type.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // A leading underscore marks a deliberately unused binding (an omitted destructured field, an interface
      // parameter); rest siblings drop fields from an object (`const { secret, ...rest } = row`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `==` only where it is meant (JSON-logic's loose equality), with a comment; `== null` stays allowed.
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['apps/admin/src/**/*.{ts,tsx}', 'apps/portal/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/admin/src/**/*.{ts,tsx}', 'apps/portal/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules find real bugs (a hook called conditionally, an effect reading a stale value). The
    // React Compiler rules of the plugin's v7 `recommended` set are left out: the console is not compiled with it, and
    // they flag the house fetch-on-mount pattern (setLoading in an effect) rather than bugs.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  moduleBoundaries,
);
