import { defineConfig } from 'vitest/config';
import { TEST_WORKERS } from './test/harness/test-workers.ts';

// Crash loops (kill -9 during writes, PostgreSQL lost under saves): slow, so `npm test` starts them first beside
// the suite (vitest.all.config.ts) and `vitest run` leaves them out; `npm run test:faults` runs them alone.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/harness/global-setup.ts'],
    // Ends the server processes a file left running when one of its tests or hooks timed out or failed.
    setupFiles: ['test/harness/kill-server-processes.ts'],
    pool: 'forks',
    maxWorkers: TEST_WORKERS,
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
