import { describe, expect, it } from 'vitest';
import { ogoriEdition } from '../../../test/harness/ogori-edition.ts';
import { threeLevelEdition } from '../../../test/harness/report-plans.ts';
import { buildPdfModel } from './build-pdf-model.ts';
import type { PdfBlock, TableModel } from './pdf-model.ts';

type Sheet = Extract<PdfBlock, { kind: 'sheet' }>;
const sheets = (blocks: PdfBlock[]) => blocks.filter((b): b is Sheet => b.kind === 'sheet');
const sheetOf = (blocks: PdfBlock[], code: string) =>
  sheets(blocks).find((s) => s.tables[0]!.rows[0]!.cells[1]!.lines[0] === code)!;
const texts = (table: TableModel, row: number) => table.rows[row]!.cells.map((c) => c.lines.join('|'));
const roles = (table: TableModel, row: number) => table.rows[row]!.cells.map((c) => c.role ?? 'value');

describe('buildPdfModel (Ogori)', () => {
  const model = buildPdfModel(ogoriEdition(), 'ja');

  it('has the document structure of the printed edition', () => {
    expect(model.blocks.map((b) => b.kind).filter((k, i, a) => a.indexOf(k) === i)).toEqual([
      'cover',
      'toc',
      'section',
      'divider',
      'sheet',
      'summary',
      'colophon',
    ]);
    expect(model.blocks.filter((b) => b.kind === 'divider')).toHaveLength(16);
    expect(sheets(model.blocks)).toHaveLength(40);
    expect(model.blocks[0]).toEqual({
      kind: 'cover',
      overline: '第2期アクションプラン',
      title: 'もっとつながるまち小郡アクションプラン',
      edition: '令和4年度実績反映版',
      organization: '小郡市',
    });
    expect(model.meta).toEqual({
      title: 'もっとつながるまち小郡アクションプラン 令和4年度実績反映版',
      author: '小郡市',
      subject: '令和4年度実績反映版',
      keywords: '小郡市, 第2期アクションプラン, 目標達成率',
      lang: 'ja',
    });
  });

  it('lists sections, goals, initiatives and the summary in the contents', () => {
    const toc = model.blocks[1] as Extract<PdfBlock, { kind: 'toc' }>;
    expect(toc.entries.slice(0, 8).map((e) => [e.label, e.depth])).toEqual([
      ['1 策定趣旨', 0],
      ['2 計画期間', 0],
      ['3 計画の体系', 0],
      ['4 SDGsへの取組について', 0],
      ['5 計画の推進方法', 0],
      ['— 40の具体的な取組 —', 0],
      ['1 市民対話・情報発信の強化', 0],
      ['1-1 車座トーク、出前トークの利用者アップ', 1],
    ]);
    expect(toc.entries.at(-1)).toEqual({ anchor: 'summary', label: '目標達成率一覧', depth: 0 });
  });

  it('prints an initiative sheet with its 工程表 rows labelled 実績 or 計画', () => {
    const [main, kpi, grid] = sheetOf(model.blocks, '1-1').tables;
    expect(texts(main!, 0)).toEqual(['No.', '1-1', '担当課', '経営戦略課']);
    expect(texts(main!, 2)[0]).toBe('現状（令和3年度時点）');
    expect(texts(main!, 3)[0]).toBe('課題（令和3年度時点）');
    expect(texts(main!, 4)).toEqual([
      '計画期間内の目標',
      '利用件数 R4～R6年度累計81件を目指す (R1年度→R6年度200%アップ)',
    ]);
    expect(main!.rows.slice(6).map((r) => r.cells[0]!.lines[0])).toEqual(['R3実績', 'R4実績', 'R5計画', 'R6計画']);
    expect(texts(main!, 7)[1]).toBe('Web会議システム導入方法の検討\n【R4年度 車座トーク0件、出前トーク6件】');
    expect(texts(kpi!, 1)).toEqual([
      '車座トーク、出前トーク利用件数',
      '令和元年度 15件（車座トーク1件、出前トーク14件）',
      '令和6年度 81件（R4～R6年度累計81件）|令和5年度 35件|令和6年度 40件',
      '令和2年度 26件（車座トーク1件、出前トーク25件）|令和4年度 6件（車座トーク0件、出前トーク6件）',
      '7.4%|累計 6 ÷ 目標 81 = 7.4%',
    ]);
    expect(texts(grid!, 0)).toEqual([
      '目標達成率',
      '10%',
      '20%',
      '30%',
      '40%',
      '50%',
      '60%',
      '70%',
      '80%',
      '90%',
      '100%',
      '評価',
    ]);
    expect(roles(grid!, 1).slice(1, 11)).toEqual(['rated', ...Array(9).fill('unrated')]);
    expect(texts(grid!, 1)[11]).toBe('10.0%');
    expect(roles(grid!, 2).slice(1, 11)).toEqual(Array(10).fill('unrated'));
  });

  it('fills the 目標達成率 row up to the rating', () => {
    const grid = sheetOf(model.blocks, '1-3').tables.at(-1)!;
    expect(roles(grid, 1).filter((r) => r === 'rated')).toHaveLength(8);
  });

  it('gives an initiative whose sheet is missing from the source a short, honest sheet', () => {
    const [main, grid] = sheetOf(model.blocks, '14-1').tables;
    expect(main!.rows.map((r) => r.cells[0]!.lines[0])).toEqual(['No.', '取組名', '注記']);
    expect(texts(main!, 2)[1]).toBe('原本のテキストに取組シートの内容がありません');
    expect(texts(grid!, 1)[11]).toBe('30.0%');
  });

  it('closes with the 目標達成率一覧 and its average per fiscal year', () => {
    const summary = model.blocks.find((b) => b.kind === 'summary') as Extract<PdfBlock, { kind: 'summary' }>;
    expect(texts(summary.table, 0)).toEqual(['No.', '取組名', '担当課', '令和4年度', '令和5年度', '令和6年度']);
    expect(texts(summary.table, 1)).toEqual(['目標達成率（全体平均）', '40.5%', '', '']);
    expect(texts(summary.table, 2)).toEqual([
      '1-1',
      '車座トーク、出前トークの利用者アップ',
      '経営戦略課',
      '10.0%',
      '',
      '',
    ]);
    expect(texts(summary.table, 17)).toEqual([
      '6-4',
      'コストコ小郡倉庫店等の誘致',
      '都市計画課、地域開発推進課',
      '20.0%',
      '',
      '',
    ]);
    expect(summary.table.rows).toHaveLength(42);
    expect(summary.notes).toEqual(['令和4年度：平均（40件の単純平均）。40件中40件評価済。']);
  });
});

describe('buildPdfModel (three levels, letter scale, English)', () => {
  const model = buildPdfModel(threeLevelEdition(), 'en');

  it('gives middle levels with content a sheet and heads sheets with their ancestors', () => {
    expect(model.blocks.filter((b) => b.kind === 'divider').map((b) => (b as { overline: string }).overline)).toEqual([
      'Policy P1',
      'Policy P2',
    ]);
    expect(sheets(model.blocks).map((s) => [s.outline, s.breadcrumb])).toEqual([
      ['P1.1 Disaster readiness', ['P1 Safe living']],
      ['P1.1.1 Drills', ['P1 Safe living', 'P1.1 Disaster readiness']],
      ['P1.1.2 備蓄品の更新', ['P1 Safe living', 'P1.1 Disaster readiness']],
      ['P2.1.1 =HYPERLINK("http://x","y")', ['P2 行財政運営', 'P2.1 財政の健全化']],
    ]);
  });

  it("marks the chosen level on the plan's own scale, and prints every scale the item was rated on", () => {
    const drills = sheetOf(model.blocks, 'P1.1.1');
    const [grade, progress] = drills.tables.slice(-2);
    expect(texts(grade!, 0)).toEqual(['Grade', 'A', 'B', 'C', 'D', 'Not assessable (excluded)', 'Rating']);
    expect(texts(grade!, 1)).toEqual(['FY2023', '', '●', '', '', '', 'B']);
    expect(texts(grade!, 6)).toEqual(['Comment (FY2023)', '概ね計画どおり']);
    expect(texts(progress!, 1)).toEqual(['FY2023', '', '●', '', '計画通り']);
  });

  it('states the roll-up method in the summary', () => {
    const summary = model.blocks.find((b) => b.kind === 'summary') as Extract<PdfBlock, { kind: 'summary' }>;
    expect(texts(summary.table, 1)).toEqual(['Grade (Share at or above "B")', '50.0%', '', '', '', '']);
    // The further scale 進捗: the mean of its scores, then its distribution.
    expect(texts(summary.table, 2)).toEqual(['進捗 (mean of all items)', '2.0', '', '', '', '']);
    expect(texts(summary.table, 3)).toEqual(['進捗 (distribution)', '計画通り: 1', '', '', '', '']);
    expect(texts(summary.table, 5)).toEqual([
      'P1.1.2',
      '備蓄品の更新',
      'Finance Division',
      'Not assessable',
      '',
      '',
      '',
      '',
    ]);
    expect(summary.notes).toEqual([
      'FY2023: Share at or above "B" (of 2 items); 3 of 3 assessed; 1 excluded from the figure; Excluded: P1.1.2 (Not assessable).',
      'FY2023 進捗: Mean of 1 items; 1 of 3 assessed; 2 missing.',
    ]);
  });
});
