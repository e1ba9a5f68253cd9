// TypeScript loader for benchmarks: `node --import <repo>/test/bench/register.mjs some.bench.ts`.
// Uses tsx (root devDependency): its ESM hooks for the entry point and its CommonJS hooks for the
// .ts files the entry requires (the repo compiles TypeScript to CommonJS).
import { register as registerEsm } from 'tsx/esm/api';
import { register as registerCjs } from 'tsx/cjs/api';

registerCjs();
registerEsm();
