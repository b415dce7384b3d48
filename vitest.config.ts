import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The totals reporter prints the plain "N passed, M failed" line CI reads.
    reporters: ['default', './test/support/totals-reporter.ts'],
  },
});
