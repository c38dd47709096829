import { afterAll } from 'vitest';
import { stopAllServerProcesses } from './server-process.ts';

// A setup file: registered before each test file's own hooks, so (hooks run as a stack) this runs after them,
// when the file is done. It ends the `shinchoku serve` processes the file left running because a test or hook
// timed out or failed before its stop().
afterAll(async () => {
  await stopAllServerProcesses();
});
