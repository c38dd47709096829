import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateBundle } from '../scripts/generate-organizations.ts';
import {
  createAppContext,
  createUser,
  importBundle,
  login,
  openReportingRound,
  systemActor,
} from '../src/app/index.ts';
import { migrateToLatest, openDatabase } from '../src/store/index.ts';
import { startThrowawayPostgres } from '../test/harness/postgres-server.ts';
import { buildApp, startAppProcess } from './lib/app-process.ts';
import { request } from './lib/light-http.ts';
import type { BenchFigure, Benchmark } from './run.ts';

const EDITORS = 100;
const DURATION_MS = Number(process.env.BENCH_SAVE_SECONDS ?? 15) * 1000;
const WARMUP_MS = Number(process.env.BENCH_SAVE_WARMUP_SECONDS ?? 3) * 1000;
const DIALECTS = (process.env.BENCH_SAVE_DATABASES ?? 'sqlite,postgres').split(',');

async function prepare(url: string) {
  const store = openDatabase(url);
  await migrateToLatest(store.db);
  const ctx = createAppContext(store);
  const bundle = generateBundle(1, { initiatives: EDITORS });
  await importBundle({ ctx, actor: systemActor('bench'), input: bundle, publishDeclaredEditions: true });
  await openReportingRound({
    ctx,
    actor: systemActor('bench'),
    organizationSlug: 'city-0001',
    planSlug: 'plan',
    fy: 2024,
    dueDate: '2025-05-31',
    confirmPastDue: true,
  });
  const nodes = bundle.plans![0]!.nodes.flatMap((g) => g.children ?? []);
  const editors = [];
  for (const [i, node] of nodes.entries()) {
    const email = `editor${i}@bench.example`;
    await createUser({
      ctx,
      actor: systemActor('bench'),
      organizationSlug: 'city-0001',
      input: {
        email,
        displayName: `編集者${i}`,
        role: 'department-editor',
        departmentCode: node.departments![0]!,
        password: 'bench-password-123',
      },
    });
    const session = await login({ ctx, identifier: email, password: 'bench-password-123', ip: `10.0.${i}.1` });
    editors.push({ code: node.code, cookie: `shinchoku_session=${session.token}` });
  }
  await store.close();
  return editors;
}

const field = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

async function measure(dialect: 'sqlite' | 'postgres', url: string): Promise<BenchFigure[]> {
  // PostgreSQL on the same machine, reached through its Unix socket as a single-host install would be.
  const label = dialect === 'postgres' ? 'postgres (socket)' : dialect;
  const editors = await prepare(url);
  const app = await startAppProcess({ databaseUrl: url, env: { DATABASE_POOL_SIZE: '20' } });
  const base = app.base;
  try {
    const latencies: number[] = [];
    let errors = 0;
    const pageOf = (e: (typeof editors)[number]) =>
      `${base}/staff/plans/plan/rounds/2024/tasks/${encodeURIComponent(e.code)}`;
    /** The editor opens the form (not timed) and fills it in. */
    const openForm = async (e: (typeof editors)[number], n: number) => {
      const { text: html } = await request(pageOf(e), { headers: { cookie: e.cookie } });
      return new URLSearchParams({
        _csrf: field(html, '_csrf'),
        version: field(html, 'version'),
        intent: 'save',
        actual: `実績 第${n}回保存`,
        rating: '50',
        comment: `保存${n}`,
      }).toString();
    };
    /** The editor presses 保存 (timed). */
    const press = async (e: (typeof editors)[number], body: string) => {
      const t0 = performance.now();
      const res = await request(pageOf(e), {
        method: 'POST',
        headers: { cookie: e.cookie, 'content-type': 'application/x-www-form-urlencoded', origin: base },
        body,
      });
      const ms = performance.now() - t0;
      if (res.status !== 303) errors++;
      return ms;
    };
    const save = async (e: (typeof editors)[number], n: number) => press(e, await openForm(e, n));
    // Working day: each of the 100 editors saves about once a second (think time 0.5–1.5 s). The first
    // WARMUP_MS are not counted: a server that has just started opens its pool connections, compiles its code
    // paths and moves every task from 未着手 to 作業中 on its first save; a working day is past all that.
    const started = performance.now();
    const until = started + WARMUP_MS + DURATION_MS;
    let seed = 7;
    const think = () => {
      seed = (seed * 16807) % 2147483647;
      return 500 + (seed % 1000);
    };
    await Promise.all(
      editors.map(async (e, i) => {
        await new Promise((r) => setTimeout(r, (i * 10) % 1000));
        for (let n = 1; performance.now() < until; n++) {
          const warm = performance.now() - started >= WARMUP_MS;
          const ms = await save(e, n);
          if (warm) latencies.push(ms);
          await new Promise((r) => setTimeout(r, think()));
        }
      }),
    );
    // Worst case: all 100 press 保存 in the same instant.
    const forms = await Promise.all(editors.map((e) => openForm(e, 999)));
    const burst = (await Promise.all(editors.map((e, i) => press(e, forms[i]!)))).sort((a, b) => a - b);
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    return [
      {
        metric: `${label}: ${latencies.length} saves by ${EDITORS} editors at work (after ${WARMUP_MS / 1000} s warm-up), p50`,
        value: at(0.5),
        unit: 'ms',
      },
      { metric: `${label}: p99`, value: at(0.99), unit: 'ms', target: '< 20 ms', pass: at(0.99) < 20 },
      { metric: `${label}: all ${EDITORS} in one instant, slowest`, value: burst.at(-1)!, unit: 'ms' },
      { metric: `${label}: errors`, value: errors, unit: '', target: '0', pass: errors === 0 },
    ];
  } finally {
    await app.stop();
  }
}

/** 100 department editors saving drafts of different initiatives at the same moment, on SQLite and PostgreSQL. */
const bench: Benchmark = {
  name: 'staff-saves',
  async run() {
    buildApp();
    const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-saves-'));
    const pg = await startThrowawayPostgres();
    try {
      return [
        ...(DIALECTS.includes('sqlite') ? await measure('sqlite', path.join(dir, 'saves.db')) : []),
        ...(DIALECTS.includes('postgres') ? await measure('postgres', pg.socketUrl) : []),
      ];
    } finally {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
