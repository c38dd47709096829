import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ogoriEdition } from '../../test/harness/ogori-edition.ts';
import { threeLevelEdition } from '../../test/harness/report-plans.ts';
import { leafNodes } from '../domain/index.ts';
import { editionPdf } from './edition-pdf.ts';
import { roadmapRows } from './roadmap-rows.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-pdf-'));
/** pdftotext may break lines anywhere, so text is compared with all whitespace removed. */
const squeeze = (s: string) => s.replace(/\s+/g, '');
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const pdftotext = (file: string, ...opts: string[]) => run('pdftotext', [...opts, file, '-']);

/** Non-white pixels of one page rendered as an 8-bit greyscale PGM (P5) by pdftoppm. */
function inkedPixels(file: string, page: number): { inked: number; total: number } {
  const out = path.join(dir, `page-${page}`);
  execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', String(page), '-l', String(page), '-singlefile', file, out]);
  const pgm = readFileSync(`${out}.pgm`);
  const header = pgm.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a binary PGM');
  const pixels = pgm.subarray(header[0].length);
  let inked = 0;
  for (const v of pixels) if (v < 250) inked++;
  return { inked, total: Number(header[1]) * Number(header[2]) };
}

describe('editionPdf (Ogori)', () => {
  const content = ogoriEdition();
  const file = path.join(dir, 'ogori.pdf');
  let text = '';

  beforeAll(async () => {
    writeFileSync(file, await editionPdf(content));
    text = squeeze(pdftotext(file));
  });

  it('is an A4 PDF with title metadata and its Japanese font embedded as subsets', () => {
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/^Title:\s+もっとつながるまち小郡アクションプラン 令和4年度実績反映版$/m);
    expect(info).toMatch(/^Author:\s+小郡市$/m);
    expect(info).toMatch(/^Pages:\s+63$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    expect(
      fonts.map((l) =>
        l
          .split(/\s+/)
          .slice(0, 1)[0]!
          .replace(/^[A-Z]{6}\+/, ''),
      ),
    ).toEqual(['NotoSansJP-Regular', 'NotoSansJP-Bold']);
    expect(fonts.every((l) => / yes yes yes /.test(l))).toBe(true);
  });

  it('contains every initiative code and title, and the R4 average', () => {
    const leaves = leafNodes(content.plan);
    expect(leaves).toHaveLength(40);
    const missing = leaves.filter((n) => !text.includes(squeeze(n.code)) || !text.includes(squeeze(n.title)));
    expect(missing.map((n) => n.code)).toEqual([]);
    expect(text).toContain('40.5%');
  });

  it('contains every printed 工程表 item', () => {
    const items = leafNodes(content.plan).flatMap((n) => roadmapRows(n).flatMap((r) => r.items));
    expect(items.length).toBeGreaterThan(100);
    expect(items.filter((item) => !text.includes(squeeze(item)))).toEqual([]);
  });

  it('gives the contents real page numbers', () => {
    const contents = pdftotext(file, '-layout', '-f', '2', '-l', '4');
    expect(contents).toMatch(/1 市民対話・情報発信の強化\s+3\n/);
    expect(contents).toMatch(/14-1 適切な財政対策の推進\s+53\n/);
    expect(contents).toMatch(/目標達成率一覧\s+59\n/);
    // Body page 59 is physical page 62 (after the cover and three pages of contents).
    const page = pdftotext(file, '-layout', '-f', '62', '-l', '62').trim().split('\n');
    expect(page[0]).toBe('目標達成率一覧');
    expect(page[2]).toMatch(/^目標達成率（全体平均）\s+40\.5%$/);
    expect(page.at(-1)!.trim()).toBe('- 59 -');
  });

  it('draws a non-blank cover page', () => {
    const { inked, total } = inkedPixels(file, 1);
    expect(total).toBe(414 * 585);
    expect(inked).toBeGreaterThan(1500);
  });
});

describe('editionPdf (other plan shapes)', () => {
  it('breaks a long cell across pages without losing a line, in both languages', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const file = path.join(dir, `three-${lang}.pdf`);
      writeFileSync(file, await editionPdf(threeLevelEdition(), lang));
      const text = squeeze(pdftotext(file));
      const items = threeLevelEdition().plan.nodes[0]!.children[0]!.children[0]!.situation!.items;
      expect(items.filter((item) => !text.includes(squeeze(item)))).toEqual([]);
      expect(text).toContain(lang === 'ja' ? '現状（令和4年度時点）（続き）' : squeeze('(as of FY2022) (continued)'));
      expect(text).toContain(lang === 'ja' ? '「B」以上の割合' : squeeze('Share at or above "B"'));
    }
  });
});
