import { defineConfig } from 'vitest/config';

// Crash loops (kill -9 during writes): slow, so they run as their own step of `npm test` and as `npm run test:faults`.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/harness/global-setup.ts'],
    pool: 'forks',
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
