import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // temp-root first: the bundle is built into the run's temp folder
    globalSetup: ['test/support/temp-root.ts', 'test/support/cli-bundle-setup.ts'],
  },
});
