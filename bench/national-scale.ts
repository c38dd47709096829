import { generateBundle } from '../scripts/generate-organizations.ts';
import { createAppContext, importBundle, systemActor } from '../src/app/index.ts';
import { migrateToLatest, openDatabase } from '../src/store/index.ts';
import { startThrowawayPostgres } from '../test/harness/postgres-server.ts';
import { type AppProcess, buildApp, startAppProcess } from './lib/app-process.ts';
import { measureLatency } from './lib/latency.ts';
import type { Benchmark } from './run.ts';

const ORGS = Number(process.env.BENCH_ORGS ?? 1741);
/**
 * App processes sharing the port (`serve --workers`), measured one count after the other against the one
 * PostgreSQL: 1 and 4 unless BENCH_WORKERS names one count. On a two-core machine that also runs PostgreSQL and
 * the load generator, more processes need not be faster; the 4-process run shows the scale-out path.
 */
const WORKER_COUNTS = process.env.BENCH_WORKERS ? [Number(process.env.BENCH_WORKERS)] : [1, 4];

type Figures = Awaited<ReturnType<Benchmark['run']>>;

const pages: Record<string, (org: string) => string> = {
  'plan home': (o) => `/${o}/plan/`,
  'goal page': (o) => `/${o}/plan/goals/3`,
  一覧: (o) => `/${o}/plan/list`,
  search: (o) => `/${o}/plan/search?q=${encodeURIComponent('子育て')}`,
};

/** p95 of each page over 400 random organizations (the same ones for every process count), after a warm-up. */
async function measurePages(base: string, workers: number): Promise<Figures> {
  let seed = 42;
  const randomOrg = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return `city-${String((seed % ORGS) + 1).padStart(4, '0')}`;
  };
  // A server that has just started compiles its code paths on the first requests; a portal in service is past
  // that. 25 requests per page, on other organizations than the measured ones, are not counted.
  const measured = Object.entries(pages).map(([label, path]) => ({
    label,
    urls: Array.from({ length: 400 }, () => base + path(randomOrg())),
  }));
  const warmOrgs = new Set(measured.flatMap((m) => m.urls.map((u) => new URL(u).pathname.split('/')[1])));
  const spare = Array.from({ length: ORGS }, (_, i) => `city-${String(i + 1).padStart(4, '0')}`).filter(
    (o) => !warmOrgs.has(o),
  );
  const warmUrls = Object.values(pages).flatMap((path) =>
    Array.from({ length: 25 }, (_, i) => base + path(spare[i % Math.max(1, spare.length)] ?? 'city-0001')),
  );
  await measureLatency(warmUrls, { count: warmUrls.length, concurrency: 10 });
  const figures: Figures = [];
  for (const { label, urls } of measured) {
    const r = await measureLatency(urls, { count: 400, concurrency: 10 });
    figures.push({
      metric: `${label} p95 (10 concurrent, socket, ${workers === 1 ? '1 app process' : `${workers} app processes`})`,
      value: r.p95,
      unit: 'ms',
      target: '< 50 ms',
      pass: r.p95 < 50 && r.errors === 0,
    });
    if (r.errors > 0) figures.push({ metric: `${label} errors (${workers})`, value: r.errors, unit: '', pass: false });
  }
  return figures;
}

/**
 * National scale on PostgreSQL: BENCH_ORGS organizations (default 1,741, every municipality) × 100 initiatives
 * × 3 fiscal years, then p95 of plan home, goal page, 一覧 and search over random organizations, served by the
 * compiled app in its own process (and in 4 processes sharing the port).
 */
const bench: Benchmark = {
  name: 'national-scale',
  async run() {
    buildApp();
    const pg = await startThrowawayPostgres();
    const store = openDatabase(pg.url, { poolSize: 8 });
    let app: AppProcess | undefined;
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

      const figures: Figures = [{ metric: `generated ${ORGS} organizations`, value: generateSeconds, unit: 's' }];
      for (const workers of WORKER_COUNTS) {
        app = await startAppProcess({ databaseUrl: pg.socketUrl, workers });
        figures.push(...(await measurePages(app.base, workers)));
        await app.stop();
        app = undefined;
      }
      return figures;
    } finally {
      await app?.stop();
      await pg.stop();
    }
  },
};
export default bench;
