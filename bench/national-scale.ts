import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { generateBundle } from '../scripts/generate-organizations.ts';
import { createAppContext, importBundle, systemActor } from '../src/app/index.ts';
import { migrateToLatest, openDatabase } from '../src/store/index.ts';
import { freePort, startThrowawayPostgres } from '../test/harness/postgres-server.ts';
import { measureLatency } from './lib/latency.ts';
import type { Benchmark } from './run.ts';

const ORGS = Number(process.env.BENCH_ORGS ?? 1741);
const MAIN = path.resolve(import.meta.dirname, '../dist/cli/main.js');

/**
 * National scale on PostgreSQL: BENCH_ORGS organizations (default 1,741, every municipality) × 100 initiatives
 * × 3 fiscal years, then p95 of plan home, goal page, 一覧 and search over random organizations, served by the
 * compiled app in its own process.
 */
const bench: Benchmark = {
  name: 'national-scale',
  async run() {
    execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../scripts/build.mjs')], { stdio: 'inherit' });
    const pg = await startThrowawayPostgres();
    const store = openDatabase(pg.url, { poolSize: 8 });
    let child: ReturnType<typeof spawn> | undefined;
    try {
      await migrateToLatest(store.db);
      const ctx = createAppContext(store);
      const t0 = performance.now();
      for (let i = 1; i <= ORGS; i++) {
        await importBundle({
          ctx,
          actor: systemActor('bench'),
          input: generateBundle(i),
          publishDeclaredEditions: true,
        });
        if (i % 250 === 0) process.stdout.write(`  ${i} organizations\n`);
      }
      const generateSeconds = (performance.now() - t0) / 1000;
      await store.close();

      const port = await freePort();
      child = spawn(process.execPath, [MAIN, 'serve', '--port', String(port)], {
        env: { ...process.env, DATABASE_URL: pg.url, LOG_LEVEL: 'warn' },
        stdio: 'ignore',
      });
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 200; i++) {
        try {
          if ((await fetch(`${base}/readyz`)).ok) break;
        } catch {
          // starting
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      let seed = 42;
      const randomOrg = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return `city-${String((seed % ORGS) + 1).padStart(4, '0')}`;
      };
      const pages: Record<string, (org: string) => string> = {
        'plan home': (o) => `/${o}/plan/`,
        'goal page': (o) => `/${o}/plan/goals/3`,
        一覧: (o) => `/${o}/plan/list`,
        search: (o) => `/${o}/plan/search?q=${encodeURIComponent('子育て')}`,
      };
      const figures = [{ metric: `generated ${ORGS} organizations`, value: generateSeconds, unit: 's' }] as Awaited<
        ReturnType<Benchmark['run']>
      >;
      for (const [label, path] of Object.entries(pages)) {
        const urls = Array.from({ length: 400 }, () => base + path(randomOrg()));
        const r = await measureLatency(urls, { count: 400, concurrency: 10 });
        figures.push({
          metric: `${label} p95 (10 concurrent)`,
          value: r.p95,
          unit: 'ms',
          target: '< 100 ms',
          pass: r.p95 < 100 && r.errors === 0,
        });
        if (r.errors > 0) figures.push({ metric: `${label} errors`, value: r.errors, unit: '', pass: false });
      }
      return figures;
    } finally {
      child?.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      await pg.stop();
    }
  },
};
export default bench;
