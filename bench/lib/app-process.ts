import { execFileSync, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../test/harness/postgres-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'dist/cli/main.js');

/** Compiles src/ to dist/ so that benchmarks measure the code `npm start` runs, not tsx. */
export function buildApp(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
}

export interface AppProcess {
  base: string;
  stop(): Promise<void>;
}

/**
 * `shinchoku serve` from dist/ in its own process on a free port, ready when this resolves. BENCH_PROFILE_DIR
 * makes it write a CPU profile (node --cpu-prof) there when it stops, to see where the time went.
 */
export async function startAppProcess(options: {
  databaseUrl: string;
  workers?: number;
  env?: Record<string, string>;
}): Promise<AppProcess> {
  const port = await freePort();
  const profile = process.env.BENCH_PROFILE_DIR;
  const args = [
    ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
    ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
    MAIN,
    'serve',
    '--port',
    String(port),
    '--workers',
    String(options.workers ?? Number(process.env.BENCH_WORKERS ?? 1)),
  ];
  // BENCH_APP_LOG: the app's request log (with each request's duration as the server saw it) goes to that file.
  const logFile = process.env.BENCH_APP_LOG;
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: options.databaseUrl, LOG_LEVEL: logFile ? 'info' : 'warn', ...options.env },
    stdio: ['ignore', logFile ? openSync(logFile, 'a') : 'ignore', 'ignore'],
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 400; i++) {
    const up = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { base, stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`the app did not start on ${base} (exit code ${child.exitCode})`);
}
