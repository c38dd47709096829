import { defineConfig } from 'vitest/config';
import { TEST_WORKERS } from './test/harness/test-workers.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/faults/**', '**/node_modules/**'],
    globalSetup: ['test/harness/global-setup.ts'],
    // Ends the server processes a file left running when one of its tests or hooks timed out or failed.
    setupFiles: ['test/harness/kill-server-processes.ts'],
    pool: 'forks',
    // Vitest's default is one worker fewer than the CPUs: on the 2-core CI machine that ran every file one after
    // another. Most files spend their time waiting on servers, PostgreSQL and Chromium in other processes, so two
    // files at once keep both cores busy. Both projects of `npm test` must use the same count.
    maxWorkers: TEST_WORKERS,
    // A worker keeps the modules it has loaded from one file to the next: with a new process per file, loading
    // the app again took longer than many files' tests. Files share no state through modules (each opens its
    // own database and server), and nothing here mocks modules or globals.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
