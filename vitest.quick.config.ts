import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * `npm run test:quick`, the edit–test loop: domain and app unit tests, the store on both databases, and the
 * HTTP suites of portal, API, staff and security in-process. Left to `npm test`: real Chromium (test/browser,
 * the static site in a browser), suites that spawn CLI or server processes (test/cli, test/ops, report-cli),
 * the PDF-heavy report suites and the fault loops.
 */
// Spread, not mergeConfig: mergeConfig appends arrays, so the base config's include (every test) came back in.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'src/**/*.test.ts',
      'test/store/**/*.test.ts',
      'test/app/**/*.test.ts',
      'test/portal/**/*.test.ts',
      'test/staff/**/*.test.ts',
      'test/security/**/*.test.ts',
      'test/*.test.ts',
    ],
    // The workbook fuzzing and the dependency audit run long or spawn processes: npm test has them.
    exclude: [
      'test/faults/**',
      'test/browser/**',
      '**/*browser*.test.ts',
      'test/security/workbook-fuzz.test.ts',
      'test/security/audit-script.test.ts',
      '**/node_modules/**',
    ],
  },
});
