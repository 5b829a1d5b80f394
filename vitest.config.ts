import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default on 2 cores is one worker (cores - 1); the tests wait on helm and git much of the time, so a
    // second worker keeps both cores busy (the fresh-clone .ci/run used 60% of 2 cores with one)
    maxWorkers: 2,
    // temp-root first: the bundle is built into the run's temp folder
    globalSetup: ['test/support/temp-root.ts', 'test/support/cli-bundle-setup.ts'],
    // the libraries the pipeline loads on first need, loaded for tests that call their users directly
    setupFiles: ['test/support/libraries-setup.ts'],
  },
});
