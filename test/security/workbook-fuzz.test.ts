import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, ensureSeeded } from '../../src/app/index.ts';
import { migrateToLatest, openDatabase, type Store } from '../../src/store/index.ts';
import { readOgoriBundle } from '../harness/app-fixture.ts';
import { type ServerProcess, startServerProcess } from '../harness/server-process.ts';
import { buildStaff, openOgoriRound, signInStaff } from '../harness/staff-factory.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';
import { xlsxEntries, zipBomb, zipFile } from './zip-file.ts';

/**
 * Property-based uploads of hostile workbooks to the 課 workbook route over real HTTP: random sheets (the
 * layout's names and others), cells anywhere up to XFD1048576, lying dimensions, huge and empty cells, shared
 * strings (also indexes that do not exist), control characters, zip bombs, corrupted and cut zips and bytes in
 * front. Every answer must be 2xx/4xx within 2 s while /healthz keeps answering (90 % of probes within 200 ms,
 * none over 2 s), the process stays under 300 MB, and nothing is written. Set FUZZ_SEED to explore other inputs.
 *
 * Why a share of probes and not the slowest one: the suite runs two files at once on two cores, and a probe
 * waits whenever the other file's processes have the CPU. A reader that blocks the event loop (the defect this
 * guards against stalled /healthz for 120 s) fails both bounds; a moment of CPU taken by a neighbour does not.
 */
const RUNS = Number(process.env.WORKBOOK_FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_206);
const ROUND = '/staff/plans/action-plan-2/rounds/2023';
const LAYOUT_SHEETS = ['照会情報', '取組', '指標', '記入方法'];

const WATCHER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  for (;;) {
    const started = performance.now();
    await (await fetch(workerData.url)).arrayBuffer();
    parentPort.postMessage(performance.now() - started);
    await new Promise((r) => setTimeout(r, 25));
  }
})();
`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const letters = (col: number) => {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

const cellArb = fc.record({
  col: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 16_383 })),
  row: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 1_048_576 })),
  kind: fc.constantFrom('number', 'shared', 'inline', 'empty', 'huge', 'control', 'bool', 'formula'),
  text: fc.string({ maxLength: 30, unit: 'grapheme' }),
  number: fc.double({ noNaN: true }),
  // Around Excel's 32,767 characters a cell: longer ones are refused.
  hugeLength: fc.integer({ min: 20_000, max: 120_000 }),
});
type Cell = typeof cellArb extends fc.Arbitrary<infer T> ? T : never;

function cellXml(c: Cell, strings: number): string {
  const r = `${letters(c.col)}${c.row}`;
  switch (c.kind) {
    case 'number':
      return `<c r="${r}"><v>${c.number}</v></c>`;
    case 'shared':
      return `<c r="${r}" t="s"><v>${c.number > 0 ? strings + 3 : Math.min(strings, c.row % 7)}</v></c>`;
    case 'inline':
      return `<c r="${r}" t="inlineStr"><is><t>${esc(c.text)}</t></is></c>`;
    case 'empty':
      return `<c r="${r}" s="1"/>`;
    case 'huge':
      return `<c r="${r}" t="inlineStr"><is><t>${'長'.repeat(c.hugeLength)}</t></is></c>`;
    case 'control':
      return `<c r="${r}" t="inlineStr"><is><t>a_x0000_b_x001B_</t></is></c>`;
    case 'bool':
      return `<c r="${r}" t="b"><v>1</v></c>`;
    case 'formula':
      return `<c r="${r}" t="str"><f>HYPERLINK("x")</f><v>${esc(c.text)}</v></c>`;
  }
}

const sheetArb = fc.record({
  name: fc.oneof(fc.constantFrom(...LAYOUT_SHEETS), fc.string({ minLength: 1, maxLength: 31 })),
  dimension: fc.tuple(fc.integer({ min: 0, max: 16_383 }), fc.integer({ min: 1, max: 1_048_576 })),
  cells: fc.array(cellArb, { maxLength: 25 }),
});

const damageArb = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('prepend' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('bomb' as const), which: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('garbage' as const), bytes: fc.uint8Array({ maxLength: 4096 }) }),
);

const workbookArb = fc.record({
  base: fc.constantFrom('generated', 'real'),
  sheets: fc.array(sheetArb, { maxLength: 4 }),
  strings: fc.option(fc.array(fc.string({ maxLength: 40 }), { maxLength: 20 }), { nil: undefined }),
  damage: damageArb,
});
type Workbook = typeof workbookArb extends fc.Arbitrary<infer T> ? T : never;

function build(w: Workbook, real: Buffer, bombs: Buffer[]): Buffer {
  const file =
    w.base === 'real'
      ? real
      : zipFile(
          xlsxEntries(
            w.sheets.map((s) => ({
              name: s.name,
              xml:
                `<worksheet><dimension ref="A1:${letters(s.dimension[0])}${s.dimension[1]}"/><sheetData>` +
                s.cells.map((c) => `<row r="${c.row}">${cellXml(c, w.strings?.length ?? 0)}</row>`).join('') +
                '</sheetData></worksheet>',
            })),
            w.strings,
          ),
        );
  const d = w.damage;
  switch (d.kind) {
    case 'none':
      return file;
    case 'prepend':
      return Buffer.concat([d.bytes, file]);
    case 'cut':
      return file.subarray(0, Math.floor(file.length * d.at));
    case 'flip': {
      const out = Buffer.from(file);
      for (const at of d.at) {
        const i = Math.min(out.length - 1, Math.floor(out.length * at));
        out[i] = out[i]! ^ 0xff;
      }
      return out;
    }
    case 'bomb':
      return bombs[d.which]!;
    case 'garbage':
      return Buffer.from(d.bytes);
  }
}

describe('workbook upload fuzz: hostile files never stall, crash or write', () => {
  let database: TestDatabase;
  let store: Store;
  let server: ServerProcess;
  let real: Buffer;
  let bombs: Buffer[];
  const editors: { cookie: string; csrf: string }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    store = openDatabase(database.url);
    await migrateToLatest(store.db);
    const ctx = createAppContext(store);
    await ensureSeeded(ctx, () => [readOgoriBundle()]);
    await openOgoriRound(ctx);
    // Uploads are throttled per user (20 in 10 minutes): enough editors for every run and the checks around.
    for (let i = 0; i < Math.ceil((RUNS + 3) / 18); i++) {
      const editor = await buildStaff(ctx, { role: 'department-editor', department: 'keiei-senryaku' });
      editors.push(await signInStaff(ctx, editor.email, `fuzz-${i}`));
    }
    // The server runs as its own process, so its memory and event loop are measured apart from the test's.
    server = await startServerProcess({ DATABASE_URL: database.url });
    const download = await fetch(`${server.url}${ROUND}/workbook?department=keiei-senryaku`, {
      headers: { cookie: editors[0]!.cookie },
    });
    expect(download.status).toBe(200);
    real = Buffer.from(await download.arrayBuffer());
    const junk = Buffer.from('sixteen junk b..');
    const lying = zipBomb(40, true, '取組');
    bombs = [zipBomb(40), lying, Buffer.concat([junk, lying])];
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await store?.close();
    await database?.drop();
  });

  const written = async () => {
    const row = await store.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  let uploads = 0;
  const upload = async (bytes: Uint8Array) => {
    const s = editors[Math.floor(uploads++ / 18)]!;
    const form = new FormData();
    form.set('_csrf', s.csrf);
    form.set('file', new Blob([new Uint8Array(bytes)]), 'keiei.xlsx');
    const res = await fetch(`${server.url}${ROUND}/workbook`, {
      method: 'POST',
      body: form,
      headers: { cookie: s.cookie },
      redirect: 'manual',
    });
    return { status: res.status, text: await res.text() };
  };

  it(`${RUNS} hostile uploads: 2xx/4xx within 2 s, /healthz answering, under 300 MB, nothing written`, async () => {
    // The first upload starts the reader workers (from the TypeScript sources: seconds); time the rest.
    expect((await upload(real)).status).toBe(200);
    const before = await written();
    let slowestHealth = 0;
    let slowestDuring = '';
    let current = '';
    let peakRss = 0;
    // Probes the server all along, as another user would, from a thread of its own: building the next hostile
    // file blocks this thread, and that must not count as the server being slow.
    const watcher = new Worker(WATCHER, { eval: true, workerData: { url: `${server.url}/healthz` } });
    let probes = 0;
    let slowProbes = 0;
    watcher.on('message', (ms: number) => {
      probes++;
      if (ms >= 200) slowProbes++;
      if (ms > slowestHealth) slowestDuring = current;
      slowestHealth = Math.max(slowestHealth, ms);
    });
    const rss = setInterval(() => {
      peakRss = Math.max(peakRss, server.rssBytes());
    }, 25);
    const answers: Record<number, number> = {};
    try {
      await fc.assert(
        fc.asyncProperty(workbookArb, async (w) => {
          const file = build(w, real, bombs);
          current = `${w.base} ${w.damage.kind} ${file.length} B`;
          const started = performance.now();
          const res = await upload(file);
          const ms = performance.now() - started;
          answers[res.status] = (answers[res.status] ?? 0) + 1;
          expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(200);
          expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
          expect(ms).toBeLessThan(2000);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    } finally {
      clearInterval(rss);
      await watcher.terminate();
    }
    console.log(
      `[workbook-fuzz] ${RUNS} uploads, answers ${JSON.stringify(answers)}, /healthz ${probes} probes, ${slowProbes} of them ≥ 200 ms, slowest ${Math.round(slowestHealth)} ms (during ${slowestDuring}), peak RSS ${Math.round(peakRss / 2 ** 20)} MB`,
    );
    // How many probes fit in the run depends on the machine; that some did, and how they answered, does not.
    expect(probes).toBeGreaterThan(0);
    expect(slowProbes / probes).toBeLessThanOrEqual(0.1);
    expect(slowestHealth).toBeLessThan(2000);
    expect(peakRss).toBeLessThan(300 * 2 ** 20);
    expect(await written()).toBe(before);
    // The same count does move for a valid, filled-in workbook: the check above can fail.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(real).buffer);
    const items = wb.getWorksheet('取組')!;
    const headers = (items.getRow(1).values as string[]).slice(1);
    // 実績, not a comment: a comment needs a rating, and this round has none yet.
    items.getRow(2).getCell(headers.indexOf('令和5年度 実績') + 1).value = 'ファズの後も保存できる';
    const res = await upload(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(res.status, res.text.replace(/<[^>]+>/g, ' ').slice(0, 600)).toBe(200);
    expect(await written()).toBeGreaterThan(before);
    expect(server.alive()).toBe(true);
  }, 300_000);
});
