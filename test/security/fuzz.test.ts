import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../harness/test-database.ts';
import { buildPools } from './fuzz-pools.ts';
import { type FuzzPools, type FuzzRoute, fuzzSpecArbitrary, listRoutes } from './fuzz-requests.ts';
import { buildRequest, judge } from './fuzz-run.ts';
import { RAW_REQUESTS, rawRequest } from './raw-http.ts';
import { createSecurityFixture, type SecurityFixture } from './security-fixture.ts';

/**
 * Property-based requests against every route of the application (API, portal, assets, downloads, staff forms
 * and uploads) with random and hostile paths, query strings, headers, cookies, sessions of every role with
 * valid CSRF tokens, and bodies: wrong types, huge and unicode-edge strings, prototype-pollution keys,
 * repeated fields, JSON, truncated and zip-bomb workbooks, bodies over the size limits. Most go through
 * `app.request()` (the same Hono code path minus the socket), some hundreds over real HTTP, and a set of
 * malformed raw requests over a socket. Set FUZZ_SEED to explore other inputs; the default seed is fixed so a
 * failure reproduces.
 */
const IN_PROCESS_RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const HTTP_RUNS = 300;
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_124);

interface Tally {
  requests: number;
  byClass: Record<string, number>;
  byRoute: Map<string, number>;
  msByRoute: Map<string, number>;
  problems: string[];
}
const newTally = (): Tally => ({ requests: 0, byClass: {}, byRoute: new Map(), msByRoute: new Map(), problems: [] });
const grand = newTally();

function record(t: Tally, route: string, status: number, ms: number) {
  t.msByRoute.set(route, (t.msByRoute.get(route) ?? 0) + ms);
  for (const x of [t, grand]) {
    x.requests++;
    const cls = `${Math.floor(status / 100)}xx`;
    x.byClass[cls] = (x.byClass[cls] ?? 0) + 1;
    x.byRoute.set(route, (x.byRoute.get(route) ?? 0) + 1);
  }
}

const crashes: string[] = [];
const onCrash = (e: unknown) => crashes.push(String(e));

async function fuzz(f: SecurityFixture, routes: FuzzRoute[], pools: FuzzPools, runs: number, http: boolean) {
  const t = newTally();
  const bc = { origin: http ? f.server.url : 'http://localhost', session: f.session, pools, http };
  await fc.assert(
    fc.asyncProperty(fuzzSpecArbitrary(routes, pools), async (spec) => {
      const req = buildRequest(spec, bc);
      const started = performance.now();
      const where = `${spec.method} ${req.url.slice(0, 160)} as ${spec.who}`;
      try {
        const res = http ? await fetch(req.url, req.init) : await f.app.request(req.url, req.init);
        const problem = await judge(req, res);
        record(t, spec.route, res.status, performance.now() - started);
        if (problem) t.problems.push(`${where}: ${problem}`);
      } catch (e) {
        // A request the client could not complete (connection closed, no answer) is a failure too.
        record(t, spec.route, 0, performance.now() - started);
        t.problems.push(`${where}: no response (${String((e as Error).cause ?? e).slice(0, 200)})`);
      }
      if (spec.route === 'POST /staff/logout' && spec.who !== 'anonymous' && spec.who !== 'forged') {
        await f.relogin(spec.who);
      }
    }),
    { numRuns: runs, seed: SEED + (http ? 1 : 0), endOnFailure: true },
  );
  const slowest = [...t.msByRoute].sort((a, b) => b[1] - a[1]).slice(0, 5);
  console.log(
    'slowest routes (ms in all):',
    slowest.map(([r, ms]) => `${r} ${Math.round(ms)}`),
  );
  return t;
}

beforeAll(() => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
});
afterAll(() => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
});

for (const dialect of DIALECTS) {
  describe(`fuzzing every route on ${dialect}`, () => {
    let f: SecurityFixture;
    let routes: FuzzRoute[];
    let pools: FuzzPools;
    beforeAll(async () => {
      f = await createSecurityFixture(dialect);
      routes = listRoutes(f.app);
      pools = await buildPools(f, routes);
    }, 120_000);
    afterAll(() => f?.close());

    it(`${IN_PROCESS_RUNS} requests in process: none ≥ 500, every 4xx with a message, every route reached`, async () => {
      const t = await fuzz(f, routes, pools, IN_PROCESS_RUNS, false);
      console.log(`fuzz ${dialect} in process:`, t.requests, 'requests', t.byClass, `${routes.length} routes`);
      expect(t.problems.slice(0, 20)).toEqual([]);
      expect(t.requests).toBe(IN_PROCESS_RUNS);
      expect(t.byClass['5xx'] ?? 0).toBe(0);
      expect(routes.filter((r) => !t.byRoute.has(`${r.method} ${r.path}`))).toEqual([]);
    }, 240_000);

    it(`${HTTP_RUNS} requests over real HTTP: none ≥ 500, every 4xx with a message`, async () => {
      const t = await fuzz(f, routes, pools, HTTP_RUNS, true);
      console.log(`fuzz ${dialect} over HTTP:`, t.requests, 'requests', t.byClass);
      expect(t.problems.slice(0, 20)).toEqual([]);
      expect(t.requests).toBe(HTTP_RUNS);
      expect(t.byClass['5xx'] ?? 0).toBe(0);
    }, 120_000);

    it('malformed raw requests get 4xx or a closed connection, and the server keeps serving', async () => {
      const answers: string[] = [];
      for (const r of RAW_REQUESTS) {
        const line = await rawRequest(f.server.url, r.bytes, { closeAfterWrite: r.closeAfterWrite });
        answers.push(`${r.name}: ${line}`);
      }
      console.log(`raw HTTP on ${dialect}:\n  ${answers.join('\n  ')}`);
      expect(answers.filter((a) => / 5\d\d /.test(a) || a.endsWith('timeout'))).toEqual([]);
      const health = await fetch(`${f.server.url}/healthz`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      expect(crashes).toEqual([]);
    }, 60_000);
  });
}

describe('fuzzing in all', () => {
  it('sent at least 10,000 requests across SQLite and PostgreSQL, none answered ≥ 500, no crash', () => {
    console.log('fuzz total:', grand.requests, 'requests', grand.byClass);
    expect(grand.requests).toBe(2 * (IN_PROCESS_RUNS + HTTP_RUNS));
    expect(grand.requests).toBeGreaterThanOrEqual(10_000);
    expect(grand.byClass['5xx'] ?? 0).toBe(0);
    expect(crashes).toEqual([]);
  });
});
