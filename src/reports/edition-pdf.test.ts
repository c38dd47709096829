import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ogoriEdition } from '../../test/harness/ogori-edition.ts';
import { sourceList, sourceSections, sourceSheets } from '../../test/harness/ogori-source.ts';
import {
  pdfOutline,
  pdfStructure,
  type StructNode,
  structNodes,
  structText,
} from '../../test/harness/pdf-structure.ts';
import { threeLevelEdition } from '../../test/harness/report-plans.ts';
import { leafNodes } from '../domain/index.ts';
import { editionPdf } from './edition-pdf.ts';
import { loadPhrases, type Segmenter } from './phrases.ts';
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

/**
 * Places where a PDF line ends inside a phrase of one of `targets`: consecutive lines A and B where A ends
 * with the first k characters of a target and B starts with the rest, and k is no phrase boundary.
 */
function midPhraseBreaks(lines: string[], targets: string[], segment: Segmenter): string[] {
  const found: string[] = [];
  const squeezed = lines.map(squeeze);
  for (const target of new Set(targets.map(squeeze))) {
    const boundaries = new Set<number>();
    let at = 0;
    for (const phrase of segment(target)) {
      at += phrase.length;
      boundaries.add(at);
    }
    for (let i = 0; i + 1 < squeezed.length; i++) {
      const [a, b] = [squeezed[i]!, squeezed[i + 1]!];
      for (let k = 1; k < target.length; k++) {
        if (!boundaries.has(k) && a.endsWith(target.slice(0, k)) && b.startsWith(target.slice(k))) {
          found.push(`${target.slice(0, k)}/${target.slice(k)}`);
        }
      }
    }
  }
  return found;
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

  it('has the original text: each bulleted point on its own (a 【…】 note on its point), the 一覧 titles, the front matter', () => {
    // Compared with the original (data/ogori/source), not with the bundle; spacing aside. Where the original has
    // no bullets, the cell's text is there in order (our bullets between its points aside). Page numbers
    // (「- 1 -」) are left out, since text runs on across a page break.
    const text = squeeze(
      pdftotext(file)
        .split('\n')
        .filter((l) => !/^-\s*\d+\s*-$/.test(l.trim()))
        .join('\n'),
    );
    const noBullets = text.replace(/・/g, '');
    const missing: string[] = [];
    for (const sheet of sourceSheets()) {
      const cells = [sheet.situation, sheet.challenges, ...sheet.roadmap.map((r) => r.cell)];
      for (const cell of cells) {
        if (cell.bullets) {
          for (const point of cell.bullets)
            if (!text.includes(`・${squeeze(point)}`)) missing.push(`${sheet.code}: ${point}`);
        } else if (!noBullets.includes(squeeze(cell.text).replace(/・/g, '')))
          missing.push(`${sheet.code}: ${cell.text}`);
      }
      if (!text.includes(squeeze(sheet.goal.text))) missing.push(`${sheet.code} 目標: ${sheet.goal.text}`);
    }
    for (const row of sourceList().rows)
      if (!text.includes(squeeze(row.title))) missing.push(`一覧 ${row.code}: ${row.title}`);
    for (const s of sourceSections()) {
      for (const p of [s.title, ...s.body]) if (!text.includes(squeeze(p))) missing.push(`${s.number}: ${p}`);
    }
    expect(missing).toEqual([]);
    expect(text).not.toContain(squeeze('・【R4年度 車座トーク0件'));
    expect(text).not.toContain(squeeze('・【区域指定完了地区累計21地区】'));
    expect(text.split('原本のテキストに取組シートの内容がありません')).toHaveLength(2);
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

  describe('as a tagged PDF', () => {
    let tree: StructNode;
    const all = (type: string, node: StructNode = tree) => [...structNodes(node)].filter((n) => n.type === type);
    beforeAll(() => {
      tree = pdfStructure(file);
    });

    it('is marked tagged, in Japanese, and shows its title rather than its file name', () => {
      expect(run('pdfinfo', [file])).toMatch(/^Tagged:\s+yes$/m);
      const raw = readFileSync(file).toString('latin1');
      expect(raw).toContain('/Lang (ja-JP)');
      expect(raw).toMatch(/\/DisplayDocTitle true/);
      expect(tree.type).toBe('Document');
    });

    it('has the title, contents, sections, 基本目標 and the 一覧 as H1 and each initiative as H2 in its goal', () => {
      expect(all('H1').map(structText)).toEqual([
        'もっとつながるまち小郡アクションプラン',
        '目次',
        '1 策定趣旨',
        '2 計画期間',
        '3 計画の体系',
        '4 SDGsへの取組について',
        '5 計画の推進方法',
        // The 継続案件 are a group of their own: headed by the title alone, not 「基本目標 継」.
        ...content.plan.nodes.map((g) => (g.separateGroup ? g.title : `基本目標 ${g.code}${g.title}`)),
        '目標達成率一覧',
      ]);
      expect(all('H1').map(structText).at(-2)).toBe('第1期アクションプランからの継続案件');
      // Each goal's Sect holds its H1 and the sheets of its initiatives, whose names are H2.
      const goals = tree.children.filter((s) => s.type === 'Sect' && s.children[0]?.type === 'H1').slice(6, -1);
      expect(goals.map((g) => all('H2', g).map(structText))).toEqual(
        content.plan.nodes.map((g) => g.children.map((n) => n.title)),
      );
      expect(all('H2')).toHaveLength(40);
    });

    it('tags sheet tables with row headers, spans and lists of separate points', () => {
      const sheet = all('Table').find((t) =>
        all('H2', t).some((h) => structText(h) === '車座トーク、出前トークの利用者アップ'),
      )!;
      const rows = sheet.children.filter((r) => r.type === 'TR');
      expect(rows[0]!.children.map((c) => [c.type, c.attributes.Scope ?? '', structText(c)])).toEqual([
        ['TH', 'Row', 'No.'],
        ['TD', '', '1-1'],
        ['TH', 'Row', '担当課'],
        ['TD', '', '経営戦略課'],
      ]);
      const situation = rows.find((r) => structText(r.children[0]!) === '現状（令和3年度時点）')!;
      expect(situation.children[1]!.attributes.ColSpan).toBe('3');
      const items = all('LI', situation.children[1]);
      expect(items.map((li) => [structText(all('Lbl', li)[0]!), squeeze(structText(all('LBody', li)[0]!))])).toEqual(
        content.plan.nodes[0]!.children[0]!.situation!.items.map((item) => ['・', squeeze(item)]),
      );
    });

    it('tags the 一覧 with column headers and one row per initiative, and leaves page numbers out', () => {
      const summary = tree.children.find((s) => s.type === 'Sect' && structText(s.children[0]!) === '目標達成率一覧')!;
      const table = all('Table', summary)[0]!;
      const [head, average, ...rows] = table.children;
      expect(head!.children.map((c) => [c.type, c.attributes.Scope, structText(c)])).toEqual([
        ['TH', 'Column', 'No.'],
        ['TH', 'Column', '取組名'],
        ['TH', 'Column', '担当課'],
        ['TH', 'Column', '令和4年度'],
        ['TH', 'Column', '令和5年度'],
        ['TH', 'Column', '令和6年度'],
      ]);
      expect(average!.children.map(structText)).toEqual(['目標達成率（全体平均）', '40.5%', '', '']);
      expect(rows).toHaveLength(40);
      // The 一覧 keeps its own wording; the sheets keep theirs.
      expect(structText(rows[1]!.children[1]!)).toBe('市長発信SNS開設');
      expect(structText(rows[34]!.children[1]!)).toBe('どこからでも簡単に手続ができる市役所の実現');
      expect(all('H2').map(structText)).toContain('市長発信用SNS開設');
      expect(rows[0]!.children.map(structText)).toEqual([
        '1-1',
        '車座トーク、出前トークの利用者アップ',
        '経営戦略課',
        '10.0%',
        '',
        '',
      ]);
      // Page numbers and repeated header rows are artifacts: the text of the tree has none.
      const texts = [...structNodes(tree)].flatMap((n) => n.text);
      expect(texts.filter((x) => /^- \d+ -$/.test(x))).toEqual([]);
      expect(all('TH', table).filter((c) => structText(c) === 'No.')).toHaveLength(1);
    });

    it('has a bookmark per section and goal with its initiatives below', () => {
      const outline = pdfOutline(readFileSync(file));
      expect(outline.map((o) => o.title)).toEqual([
        '1 策定趣旨',
        '2 計画期間',
        '3 計画の体系',
        '4 SDGsへの取組について',
        '5 計画の推進方法',
        ...content.plan.nodes.map((g) => (g.separateGroup ? g.title : `基本目標 ${g.code} ${g.title}`)),
        '目標達成率一覧',
      ]);
      expect(outline[5]!.children.map((o) => o.title)).toEqual([
        '1-1 車座トーク、出前トークの利用者アップ',
        '1-2 市長発信用SNS開設',
        '1-3 市SNSの情報発信力強化',
      ]);
      expect(outline.flatMap((o) => o.children)).toHaveLength(40);
    });
  });

  it('breaks headings, initiative names and 課 names only between phrases', async () => {
    const segment = await loadPhrases();
    const lines = pdftotext(file).split('\n');
    const nodes = [...content.plan.nodes, ...content.plan.nodes.flatMap((g) => g.children)];
    const departments = new Map(content.departments.map((d) => [d.code, d.name]));
    const targets = [
      ...nodes.flatMap((n) => [n.title, `${n.code} ${n.title}`]),
      ...nodes.map((n) => n.departments.map((d) => departments.get(d) ?? d).join('、')),
      ...content.plan.sections.map((s) => `${s.number} ${s.title}`),
    ];
    // The heading that broke as 「速や/かな実施」 now breaks between phrases.
    expect(lines).toContain('新型コロナウイルス感染症ワクチン接種の');
    expect(lines).toContain('速やかな実施');
    expect(midPhraseBreaks(lines, targets, segment)).toEqual([]);
  });

  it('ends with a back page: the colophon as printed (発行・福岡県小郡市, 編集) and no page number', () => {
    const back = pdftotext(file, '-layout', '-f', '63', '-l', '63')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(back).toEqual([
      'もっとつながるまち小郡アクションプラン',
      '令和4年度実績反映版',
      '令和4年2月策定',
      '発行・福岡県小郡市',
      '編集・経営政策部経営戦略課',
    ]);
    expect(pdftotext(file, '-layout', '-f', '62', '-l', '62').trim().split('\n').at(-1)!.trim()).toBe('- 59 -');
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
