import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../test/harness/postgres-server.ts';
import type { Benchmark } from './run.ts';

// The compiled build, as installed deployments run it (bench builds it first).
const BIN = path.resolve(import.meta.dirname, '../dist/cli/main.js');

// Extra `node` flags for the measured processes (BENCH_NODE_FLAGS, as in the other app benchmarks), e.g.
// --max-semi-space-size=2 to see what a smaller young generation saves.
const NODE_FLAGS = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

async function untilUp(url: string, deadlineMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < deadlineMs) {
    try {
      const res = await fetch(url);
      if (res.ok) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no response from ${url} within ${deadlineMs} ms`);
}

/** Cold start (process spawn → first 200 of the plan home) and resident memory while serving Ogori. */
const bench: Benchmark = {
  name: 'memory-startup',
  async run() {
    execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../scripts/build.mjs')], { stdio: 'inherit' });
    const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-bench-'));
    const env = { ...process.env, DATABASE_URL: path.join(dir, 'bench.db'), LOG_LEVEL: 'warn' };
    try {
      // First run creates and seeds the database; it is not the cold start being measured.
      const port0 = await freePort();
      const seed = spawn(process.execPath, [BIN, 'serve', '--port', String(port0)], { env, stdio: 'ignore' });
      await untilUp(`http://127.0.0.1:${port0}/healthz`, 30_000);
      seed.kill('SIGTERM');
      await new Promise((r) => seed.on('exit', r));

      const starts: number[] = [];
      let rss = 0;
      for (let i = 0; i < 3; i++) {
        const port = await freePort();
        const child = spawn(process.execPath, [...NODE_FLAGS, BIN, 'serve', '--port', String(port)], {
          env,
          stdio: 'ignore',
        });
        const base = `http://127.0.0.1:${port}`;
        starts.push(await untilUp(`${base}/ogori/action-plan-2/`, 30_000));
        if (i === 2) {
          const pages = ['/', '/ogori/action-plan-2/', '/ogori/action-plan-2/list', '/ogori/action-plan-2/goals/1'];
          const leaves = Array.from({ length: 15 }, (_, g) => `/ogori/action-plan-2/initiatives/${g + 1}-1`);
          for (let round = 0; round < 20; round++) {
            for (const p of [...pages, ...leaves, `${pages[1]}?lang=en`]) await (await fetch(base + p)).arrayBuffer();
          }
          rss = rssMb(child.pid!);
        }
        child.kill('SIGTERM');
        await new Promise((r) => child.on('exit', r));
      }
      starts.sort((a, b) => a - b);
      const median = starts[1]!;
      return [
        {
          metric: 'cold start → first page (median of 3)',
          value: median,
          unit: 'ms',
          target: '< 2000 ms',
          pass: median < 2000,
        },
        {
          metric: `RSS serving Ogori after 400 page views${NODE_FLAGS.length > 0 ? ` (${NODE_FLAGS.join(' ')})` : ''}`,
          value: rss,
          unit: 'MB',
          target: '≤ 100 MB',
          pass: rss <= 100,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
