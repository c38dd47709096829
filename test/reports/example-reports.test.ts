import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EditionContent, OrganizationBundle } from '../../src/domain/index.ts';
import {
  buildPdfModel,
  editionPdf,
  editionWorkbook,
  type PdfBlock,
  rollupRows,
  type TableModel,
} from '../../src/reports/index.ts';

// The PDF booklet and the edition workbook of the example cities: a 3-level plan with A–D, 改善度 and a rating
// rule (みなみかぜ市), and two plans on text levels, one with four levels and 継続案件 (こもれび町).
const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-examples-'));
const squeeze = (s: string) => s.replace(/\s+/g, '');
function edition(city: string, planSlug: string): EditionContent {
  const file = path.resolve(import.meta.dirname, `../../data/examples/${city}/bundle.json`);
  const bundle = OrganizationBundle.parse(JSON.parse(readFileSync(file, 'utf8')));
  const plan = bundle.plans.find((p) => p.slug === planSlug)!;
  return EditionContent.parse({ organization: bundle.organization, departments: bundle.departments, plan });
}
const sheet = (blocks: PdfBlock[], code: string) => {
  const b = blocks.find((x) => x.kind === 'sheet' && x.outline.startsWith(`${code} `));
  if (b?.kind !== 'sheet') throw new Error(`no sheet ${code}`);
  return b;
};
const texts = (t: TableModel, row: number) => t.rows[row]!.cells.map((c) => c.lines.join(' / '));
const rowsOf = (t: TableModel) => t.rows.map((r) => r.cells.map((c) => c.lines.join(' / ')));

describe('PDF model of みなみかぜ市 (3 levels, A–D with a rule, 改善度, distribution)', () => {
  const model = buildPdfModel(edition('minamikaze', 'sogo-keikaku-6-zenki'));

  it('prints the self-rating grid, the rule’s rating with its formula, the disagreement and 改善度', () => {
    const s = sheet(model.blocks, '1-1-1');
    expect(s.breadcrumb).toEqual(['1 子どもがすこやかに育ち、学ぶまち', '1-1 保育・子育て環境の充実']);
    const [achievement, improvement] = s.tables.slice(-2);
    expect(texts(achievement!, 0)).toEqual(['達成度', 'A', 'B', 'C', 'D', '評価']);
    expect(texts(achievement!, 2)).toEqual(['令和6年度', '', '●', '', '', 'B']);
    expect(rowsOf(achievement!).slice(-2)).toEqual([
      ['評価基準（R5）', 'D（(25 − 14) ÷ (25 − 0) = 44.0%） / 自己評価（C）と評価基準による判定（D）が異なります。'],
      ['評価基準（R6）', 'C（(25 − 6) ÷ (25 − 0) = 76.0%） / 自己評価（B）と評価基準による判定（C）が異なります。'],
    ]);
    expect(texts(improvement!, 0)).toEqual(['改善度', '○', '△', '×', '評価']);
    expect(texts(improvement!, 2)).toEqual(['令和6年度', '●', '', '', '○']);
    const kpi = s.tables[1]!;
    expect(texts(kpi, 2)).toEqual([
      '成果指標による進捗状況（R6）',
      '順調 ↑ 前年度より改善　76.0% ← 44.0%　目安 40.0%　計画期間の経過に応じた目安以上は「順調」、目安から10ポイント下までは「やや遅れ」、それより下は「遅れ」',
    ]);
  });

  it('prints quarterly values with the year-to-date figure, 年 for calendar years, and 速報値', () => {
    const grants = sheet(model.blocks, '1-1-2').tables[1]!;
    expect(grants.rows[1]!.cells[3]!.lines).toEqual([
      '令和5年度 11件',
      '令和6年度 第1四半期（4～6月） 3件',
      '令和6年度 第2四半期（7～9月） 4件（年度初めから 7件）',
      '令和6年度 第3四半期（10～12月） 2件（年度初めから 9件）',
      '令和6年度 第4四半期（1～3月） 5件（年度初めから 14件）',
      '令和6年度 14件',
      '令和7年度 第1四半期（4～6月） 2件',
    ]);
    expect(sheet(model.blocks, '3-1-1').tables[1]!.rows[1]!.cells[3]!.lines).toEqual([
      '2023年 935,400人',
      '2024年 1,021,800人',
    ]);
    expect(sheet(model.blocks, '1-2-3').tables[1]!.rows[1]!.cells[3]!.lines).toEqual([
      '令和5年度 41人',
      '令和6年度 47人（速報値（令和7年5月集計））（速報値）',
    ]);
  });

  it('prints the 施策 sheet with its own rating and the distribution one level per line in the 一覧, the missing item named', () => {
    expect(texts(sheet(model.blocks, '1-1').tables.at(-1)!, 2)).toEqual(['令和6年度', '', '●', '', '', 'B']);
    const summary = model.blocks.find((b) => b.kind === 'summary');
    if (summary?.kind !== 'summary') throw new Error('no summary');
    expect(summary.heading).toBe('達成度一覧');
    expect(texts(summary.table, 1)).toEqual([
      '達成度（分布）',
      'B: 4 / C: 12 / D: 1',
      'A: 2 / B: 8 / C: 6',
      '',
      '',
      '',
    ]);
    // The further dimension 改善度: its mean (its levels are numbers) and its distribution, a row each.
    expect([texts(summary.table, 2), texts(summary.table, 3)]).toEqual([
      ['改善度（全体平均）', '', '2.7', '', '', ''],
      ['改善度（分布）', '', '○: 4 / △: 2', '', '', ''],
    ]);
    expect(summary.notes).toEqual([
      '令和5年度：分布（17件）。17件中17件評価済。',
      '令和6年度：分布（16件）。17件中16件評価済、未評価1件。未評価：3-2-2。',
      '公表値（令和6年度）：「B」以上の割合 62.6%。評価から計算すると 62.5%（10件 ÷ 16件）。',
      '令和6年度 改善度：平均（6件の単純平均）。17件中6件評価済、未評価11件。',
    ]);
  });

  it('prints every dimension in the roll-up CSV: 達成度 as the plan declares, 改善度 by its mean and distribution', () => {
    const rows = rollupRows(edition('minamikaze', 'sogo-keikaku-6-zenki'), { name: '版', fy: 2024, publishedAt: '' });
    const source = '令和6年度行政評価結果報告書 3ページ「達成度B以上の事務事業の割合」';
    expect(rows.map((r) => r.slice(4))).toEqual([
      ['名称', '年度', '年度（和暦）', '評価尺度', '集計方法', '値', '表示', '対象件数', '評価済件数'],
      ['達成度（計画全体）', '2023', '令和5年度', '達成度', '分布（17件）', '', 'B: 4, C: 12, D: 1', '17', '17'],
      ['達成度（計画全体）', '2024', '令和6年度', '達成度', '分布（16件）', '', 'A: 2, B: 8, C: 6', '17', '16'],
      ['改善度（全体平均）', '2024', '令和6年度', '改善度', '平均（6件の単純平均）', String(16 / 6), '2.7', '17', '6'],
      ['改善度（分布）', '2024', '令和6年度', '改善度', '分布（6件）', '', '○: 4, △: 2', '17', '6'],
      // The published 「B以上の割合」, then what the ratings give.
      ['「B」以上の割合（公表値）', '2024', '令和6年度', '達成度', source, '62.6', '62.6%', '', ''],
      ['「B」以上の割合（評価から計算）', '2024', '令和6年度', '達成度', '10件 ÷ 16件', '62.5', '62.5%', '', ''],
    ]);
  });
});

describe('PDF model of こもれび町 (text levels, 評価不能 excluded, revised target, lifecycle, 4 levels)', () => {
  const k2 = buildPdfModel(edition('komorebi', 'jikko-keikaku-2'));
  const k3 = buildPdfModel(edition('komorebi', 'jikko-keikaku-3'));

  it('shows 評価不能 as excluded, not as a step, and the mean 1.88 with what it left out', () => {
    const grid = sheet(k2.blocks, '3-4').tables.at(-1)!;
    expect(texts(grid, 0)).toEqual(['進捗状況', '計画以上', '計画通り', '計画未満', '評価不能（集計対象外）', '評価']);
    expect(texts(grid, 4)).toEqual(['令和5年度', '', '', '', '●', '評価不能']);
    const summary = k2.blocks.find((b) => b.kind === 'summary');
    if (summary?.kind !== 'summary') throw new Error('no summary');
    expect(texts(summary.table, 1)).toEqual(['進捗状況（全体平均）', '', '1.70', '1.67', '1.88']);
    expect(summary.notes.at(-1)).toBe(
      '令和5年度：平均（8件の単純平均）。9件中9件評価済、集計対象外の評価1件。集計対象外：3-4（評価不能）。計画から外れた取組：2-3、3-2。',
    );
    // Before it was added an item is not in the plan; after it left, its status says why.
    expect(texts(summary.table, 8)).toEqual([
      '2-5',
      'デマンド交通の導入',
      '企画課',
      '対象外',
      '対象外',
      '計画未満',
      '計画未満',
    ]);
    expect(texts(summary.table, 7).slice(-2)).toEqual(['統合', '統合']);
  });

  it('prints the target in force with the year it applies from and the earlier target', () => {
    const kpi = sheet(k2.blocks, '1-1').tables[1]!;
    expect(kpi.rows[1]!.cells[2]!.lines).toEqual([
      '令和5年度 400人（令和4年度から適用）（新型コロナウイルス感染症の影響を踏まえ、令和4年度の見直しで600人から400人に変更）',
      '見直し前：600人（令和2年度から）（当初目標（令和2年度～令和5年度の累計））',
    ]);
    expect(kpi.rows[1]!.cells[4]!.lines).toEqual(['89.75%', '累計 359 ÷ 目標 400 = 89.75%']);
  });

  it('prints lifecycle: merged into, added, renumbered, a milestone as 達成, the plan a 継続案件 came from', () => {
    const status = (blocks: PdfBlock[], code: string, name: string) =>
      rowsOf(sheet(blocks, code).tables[0]!).find((r) => r[0] === name);
    expect(status(k2.blocks, '2-3', '状態')).toEqual([
      '状態',
      '統合（令和4年度から） → 2-5 / 令和4年度の見直しで「デマンド交通の導入」（2-5）に統合',
    ]);
    expect(status(k2.blocks, '2-5', '状態')).toEqual([
      '状態',
      '実施中（令和4年度に追加） / 令和4年度の見直しで追加（2-3を統合）',
    ]);
    expect(status(k2.blocks, '1-3', '以前の番号')).toEqual(['以前の番号', '2-4']);
    expect(sheet(k2.blocks, '1-2').tables[1]!.rows[1]!.cells[3]!.lines).toEqual([
      '令和3年度 未達成',
      '令和4年度 達成（令和5年1月16日公開）',
      '令和5年度 達成',
    ]);
    expect(status(k3.blocks, '継1', '引継ぎ元')).toEqual(['引継ぎ元', '第2期こもれび町まちづくり実行計画 3-3']);
    expect(sheet(k3.blocks, '継1').breadcrumb).toEqual(['継 第2期実行計画からの継続案件']);
    expect(sheet(k3.blocks, '1-1-1-1').breadcrumb).toEqual([
      '1 つながり、支え合うまち',
      '1-1 住民協働の推進',
      '1-1-1 協働のまちづくり',
    ]);
  });
});

describe('rendered files of the example plans', () => {
  const files: Record<string, string> = {};

  beforeAll(async () => {
    for (const [city, plan] of [
      ['minamikaze', 'sogo-keikaku-6-zenki'],
      ['komorebi', 'jikko-keikaku-2'],
      ['komorebi', 'jikko-keikaku-3'],
    ] as const) {
      const content = edition(city, plan);
      files[`${plan}.pdf`] = path.join(dir, `${plan}.pdf`);
      writeFileSync(files[`${plan}.pdf`]!, await editionPdf(content));
      files[`${plan}.xlsx`] = path.join(dir, `${plan}.xlsx`);
      writeFileSync(files[`${plan}.xlsx`]!, await editionWorkbook(content));
    }
  }, 60_000);

  it('PDFs have every sheet and the 一覧 with the figures, as text a reader can copy', () => {
    const pages = (f: string) => execFileSync('pdfinfo', [f], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)$/m)?.[1];
    // Each ends with the back page (colophon alone, no page number), as the printed plans do.
    expect([
      pages(files['sogo-keikaku-6-zenki.pdf']!),
      pages(files['jikko-keikaku-2.pdf']!),
      pages(files['jikko-keikaku-3.pdf']!),
    ]).toEqual(['33', '19', '16']);
    const text = squeeze(execFileSync('pdftotext', [files['sogo-keikaku-6-zenki.pdf']!, '-'], { encoding: 'utf8' }));
    expect(text).toContain(squeeze('令和6年度：分布（16件）。17件中16件評価済、未評価1件。未評価：3-2-2。'));
    expect(text).toContain(squeeze('自己評価（B）と評価基準による判定（C）が異なります。'));
    const k2 = squeeze(execFileSync('pdftotext', [files['jikko-keikaku-2.pdf']!, '-'], { encoding: 'utf8' }));
    expect(k2).toContain(squeeze('集計対象外：3-4（評価不能）'));
    expect(k2).toContain(squeeze('見直し前：600人（令和2年度から）'));
  });

  it('workbooks carry every dimension, the rule’s rating beside the self-rating, and what the roll-up left out', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files['sogo-keikaku-6-zenki.xlsx']!);
    const ratings = wb.getWorksheet('令和6年度 評価')!;
    const header = (ratings.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '番号',
      '名称',
      '担当課',
      '達成度',
      '達成度（数値）',
      '達成度のコメント',
      '改善度',
      '改善度（数値）',
      '改善度のコメント',
      '評価基準による達成度',
      '達成度の根拠（KPI達成率%）',
      '達成度の計算式',
      '達成度：自己評価と異なる',
      '令和6年度 成果指標による進捗状況',
      '令和6年度 成果指標による進捗状況（判定した値）',
      '令和6年度 成果指標による進捗状況（前年度比）',
      '令和6年度 成果指標による進捗状況（計算式）',
    ]);
    const row = (ws: ExcelJS.Worksheet, code: string) => {
      let found: unknown[] = [];
      ws.eachRow((r) => {
        if (r.getCell(1).value === code) found = (r.values as unknown[]).slice(1);
      });
      return found;
    };
    expect(row(ratings, '1-1-1').slice(3)).toEqual([
      'B',
      3,
      '年度目標（15人）を大きく下回る6人となり、概ね達成と評価した。',
      '○',
      3,
      undefined,
      'C',
      76,
      '(25 − 6) ÷ (25 − 0) = 76.0%',
      'はい',
      '順調',
      36,
      '↑',
      '(25 − 6) ÷ (25 − 0) = 76.0%',
    ]);
    const summary = wb.getWorksheet('集計')!;
    expect((summary.getRow(3).values as unknown[]).slice(1)).toEqual([
      '令和6年度',
      '達成度',
      '分布（16件）',
      undefined,
      'A: 2, B: 8, C: 6',
      17,
      16,
      '3-2-2',
    ]);
    // 改善度 below 達成度's years: its mean, then its distribution, one row per plan year.
    expect((summary.getRow(8).values as unknown[]).slice(1, 8)).toEqual([
      '令和6年度',
      '改善度',
      '平均（6件の単純平均）',
      16 / 6,
      '2.7',
      17,
      6,
    ]);
    expect((summary.getRow(13).values as unknown[]).slice(1, 8)).toEqual([
      '令和6年度',
      '改善度',
      '分布（6件）',
      undefined,
      '○: 4, △: 2',
      17,
      6,
    ]);
    const k2 = new ExcelJS.Workbook();
    await k2.xlsx.readFile(files['jikko-keikaku-2.xlsx']!);
    expect((k2.getWorksheet('集計')!.getRow(5).values as unknown[]).slice(1)).toEqual([
      '令和5年度',
      '進捗状況',
      '平均（8件の単純平均）',
      1.875,
      '1.88',
      9,
      9,
      undefined,
      '3-4',
      '2-3、3-2',
    ]);
    const k3 = new ExcelJS.Workbook();
    await k3.xlsx.readFile(files['jikko-keikaku-3.xlsx']!);
    expect(k3.worksheets.map((w) => w.name)).toEqual([
      '取組一覧',
      '指標',
      '令和6年度 評価',
      '令和7年度 評価',
      '令和8年度 評価',
      '令和9年度 評価',
      '集計',
      '計画',
      '計画の章',
      '評価尺度',
      '担当課',
    ]);
  });
});
