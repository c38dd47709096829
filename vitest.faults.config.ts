import { defineConfig } from 'vitest/config';

// Crash loops (kill -9 during writes, PostgreSQL lost under saves): slow, so `npm test` starts them first beside
// the suite (vitest.all.config.ts) and `vitest run` leaves them out; `npm run test:faults` runs them alone.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/harness/global-setup.ts'],
    pool: 'forks',
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
