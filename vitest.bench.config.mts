import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

/**
 * `npm run bench`: benchmark files run one at a time (they measure, so they must not share the two cores)
 * and print their figures; they assert correctness only, never timings.
 */
const project = (base.test!.projects as any[]).find((p) => p.test.name === 'e2e');
export default defineConfig({
  plugins: project.plugins,
  resolve: project.resolve,
  test: {
    include: ['test/bench/**/*.bench.ts'],
    // A plain script (tsx), run by `npm run bench` after the vitest benches.
    exclude: ['test/bench/classifier.bench.ts'],
    globals: true,
    environment: 'node',
    fileParallelism: false,
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['verbose'],
  },
});
