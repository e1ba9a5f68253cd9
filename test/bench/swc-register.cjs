// CommonJS TypeScript loader for the benchmark's child processes (an API instance, the load generator):
// `node -r <repo>/test/bench/swc-register.cjs entry.ts`. Nest needs decorator metadata, which tsx/esbuild do not emit;
// swc does — the same transform vitest applies (vitest.config.mts), compiled to CommonJS like the production build.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const root = join(__dirname, '../..');
// The tsconfig paths (and vitest aliases): the workspace libraries from their sources, not their (unbuilt) dist.
const aliases = [
  [/^@redress\/rules$/, 'libs/rules/src/index.ts'],
  [/^@redress\/sdk\/testing$/, 'libs/sdk/src/testing/index.ts'],
  [/^@redress\/sdk$/, 'libs/sdk/src/index.ts'],
  [/^@redress\/plugin-(.*)$/, 'libs/plugins/$1/src/index.ts'],
];
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const [pattern, target] of aliases) if (pattern.test(request)) return join(root, request.replace(pattern, target));
  return resolveFilename.call(this, request, ...rest);
};

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    swcrc: false,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
