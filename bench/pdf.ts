import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { EditionContent, OrganizationBundle } from '../src/domain/index.ts';
import { buildPdfModel, editionPdf } from '../src/reports/index.ts';
import { modelDocx } from './lib/model-docx.ts';
import type { BenchFigure, Benchmark } from './run.ts';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function ogori(): EditionContent {
  const file = path.resolve(import.meta.dirname, '../data/ogori/bundle.json');
  const bundle = OrganizationBundle.parse(JSON.parse(readFileSync(file, 'utf8')));
  return EditionContent.parse({
    organization: bundle.organization,
    departments: bundle.departments,
    plan: bundle.plans[0],
  });
}

const pages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

/** LibreOffice (OS package) converting the same content as .docx → PDF; wall time per conversion. */
function libreOffice(docx: string, dir: string): number[] | string {
  const profile = path.join(dir, 'lo-profile');
  const convert = () => {
    const t0 = performance.now();
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        docx,
      ],
      { encoding: 'utf8', timeout: 300_000 },
    );
    if (r.error || r.status !== 0) throw new Error(r.error?.message ?? r.stderr);
    return performance.now() - t0;
  };
  try {
    convert(); // the first run creates the profile; not what is compared
    return Array.from({ length: RUNS }, convert);
  } catch (e) {
    return `skipped: soffice failed or is not installed (${(e as Error).message.split('\n')[0]})`;
  }
}

/**
 * The whole Ogori edition as PDF in-process (median of 5 after one warm-up, as a server serves repeated
 * requests), against LibreOffice converting an equivalent .docx of the same content.
 */
const bench: Benchmark = {
  name: 'pdf',
  async run() {
    const content = ogori();
    const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-bench-pdf-'));
    try {
      const c0 = performance.now();
      const first = await editionPdf(content);
      const cold = performance.now() - c0;
      const times: number[] = [];
      const cpu: number[] = [];
      const load = loadavg()[0]!;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const u0 = process.cpuUsage();
        await editionPdf(content);
        const u = process.cpuUsage(u0);
        times.push(performance.now() - t0);
        cpu.push((u.user + u.system) / 1000);
      }
      const ours = median(times);
      writeFileSync(path.join(dir, 'ogori.pdf'), first);
      const figures: BenchFigure[] = [
        {
          metric: `Ogori edition PDF, median of ${RUNS}`,
          value: ours,
          unit: 'ms',
          target: '< 1500 ms',
          pass: ours < 1500,
        },
        // Wall time suffers when other work shares the cores; CPU time shows the cost of the PDF itself.
        { metric: `CPU time per PDF, median of ${RUNS}`, value: median(cpu), unit: 'ms' },
        { metric: 'first PDF in a fresh process (font load, JIT)', value: cold, unit: 'ms' },
        { metric: 'load average (1 min) when measured', value: load, unit: `on ${cpus().length} cores` },
        {
          metric: 'PDF pages / size',
          value: `${pages(path.join(dir, 'ogori.pdf'))} pages`,
          unit: `${Math.round(first.length / 1024)} KB`,
        },
      ];
      const docx = await modelDocx(buildPdfModel(content));
      if (!docx) {
        figures.push({ metric: 'LibreOffice .docx → PDF', value: 'skipped: jszip not installed', unit: '' });
        return figures;
      }
      const docxFile = path.join(dir, 'ogori.docx');
      writeFileSync(docxFile, docx);
      const lo = libreOffice(docxFile, dir);
      if (typeof lo === 'string') {
        figures.push({ metric: 'LibreOffice .docx → PDF', value: lo, unit: '' });
        return figures;
      }
      const theirs = median(lo);
      const ratio = theirs / ours;
      figures.push(
        { metric: `LibreOffice .docx → PDF, median of ${RUNS}`, value: theirs, unit: 'ms' },
        { metric: 'LibreOffice pages', value: pages(path.join(dir, 'ogori.pdf')), unit: 'pages' },
        { metric: 'speed-up over LibreOffice', value: ratio, unit: '×', target: '≥ 5×', pass: ratio >= 5 },
      );
      return figures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
