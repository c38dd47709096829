import { defineConfig } from 'vitest/config';

/**
 * `npm test`: the suite and the crash loops in one run, so they share the workers. The crash loops sort first
 * (project "faults" before "suite") and run beside the other files instead of after them, when one long file
 * would keep one core busy and leave the other idle.
 */
export default defineConfig({
  test: {
    projects: [
      { extends: './vitest.faults.config.ts', test: { name: 'faults' } },
      { extends: './vitest.config.ts', test: { name: 'suite' } },
    ],
  },
});
