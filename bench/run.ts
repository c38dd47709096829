/**
 * `npm run bench [-- NAME…]`: runs every benchmark module in bench/ (each default-exports a Benchmark), prints
 * one table of figures next to their targets, and writes bench/results/<name>.json per module plus summary.json.
 * Benchmarks never fail the build; they report.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchFigure {
  metric: string;
  value: number | string;
  unit: string;
  /** Human-readable target, e.g. "< 1.5 s" or "≥ 0.5×". */
  target?: string;
  pass?: boolean;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchFigure[]>;
}

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .sort();

mkdirSync(path.join(dir, 'results'), { recursive: true });
const summary: Record<string, BenchFigure[] | { error: string }> = {};
const started = Date.now();
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: Benchmark };
  const bench = mod.default;
  if (!bench?.run || (only.length > 0 && !only.includes(bench.name))) continue;
  process.stdout.write(`\n▶ ${bench.name}\n`);
  const t0 = Date.now();
  try {
    const figures = await bench.run();
    summary[bench.name] = figures;
    const record = { name: bench.name, at: new Date().toISOString(), seconds: (Date.now() - t0) / 1000, figures };
    writeFileSync(path.join(dir, 'results', `${bench.name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  } catch (e) {
    summary[bench.name] = { error: (e as Error).message };
    process.stdout.write(`  failed: ${(e as Error).stack ?? e}\n`);
  }
}

const rows: string[][] = [['benchmark', 'metric', 'value', 'target', '']];
for (const [name, figures] of Object.entries(summary)) {
  if (!Array.isArray(figures)) {
    rows.push([name, 'error', figures.error.slice(0, 60), '', '✗']);
    continue;
  }
  for (const f of figures) {
    const value = typeof f.value === 'number' ? `${Number(f.value.toFixed(2))} ${f.unit}` : `${f.value} ${f.unit}`;
    rows.push([name, f.metric, value.trim(), f.target ?? '', f.pass === undefined ? '' : f.pass ? '✓' : '✗']);
  }
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
process.stdout.write('\n');
for (const r of rows) process.stdout.write(`${r.map((c, i) => c.padEnd(widths[i]!)).join('  ')}\n`);
process.stdout.write(`\n(${Math.round((Date.now() - started) / 1000)} s)\n`);
writeFileSync(
  path.join(dir, 'results', 'summary.json'),
  `${JSON.stringify({ at: new Date().toISOString(), summary }, null, 2)}\n`,
);
