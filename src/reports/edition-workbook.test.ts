import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ogoriEdition } from '../../test/harness/ogori-edition.ts';
import { threeLevelEdition } from '../../test/harness/report-plans.ts';
import { editionWorkbook } from './edition-workbook.ts';
import { buildEditionWorkbook } from './xlsx/build-edition-workbook.ts';
import { safeSheetName } from './xlsx/workbook-model.ts';

async function load(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe('edition workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(await editionWorkbook(ogoriEdition()));
  });

  it('has the filterable sheets, then the plan settings, with valid sheet names', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '取組一覧',
      '指標',
      '令和4年度 評価',
      '令和5年度 評価',
      '令和6年度 評価',
      '集計',
      '計画',
      '計画の章',
      '評価尺度',
      '担当課',
    ]);
    for (const ws of wb.worksheets) expect(ws.name).toMatch(/^[^*?:\\/[\]]{1,31}$/);
  });

  it('freezes the header row, filters and sizes columns', () => {
    const ws = wb.getWorksheet('取組一覧')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:AD1');
    expect(ws.getColumn(4).width).toBe(40);
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '番号',
      '階層',
      '上位番号',
      '名称',
      '名称（英語）',
      '担当課',
      '担当課コード',
      '現状の時点',
      '現状',
      '課題の時点',
      '課題',
      '計画期間内の目標',
      'SDGs',
      '状態',
      '状態の開始年度',
      '統合・分割先',
      '状態の注記',
      '重み',
      '旧番号',
      '名称の異表記',
      '出典の注記',
      '別枠のグループ',
      '令和3年度 計画',
      '令和3年度 実績',
      '令和4年度 計画',
      '令和4年度 実績',
      '令和5年度 計画',
      '令和5年度 実績',
      '令和6年度 計画',
      '令和6年度 実績',
    ]);
    expect(ws.rowCount).toBe(1 + 16 + 40);
  });

  it('puts one initiative per row with all its fields', () => {
    const ws = wb.getWorksheet('取組一覧')!;
    const rowOf = (code: string) => {
      for (let r = 2; r <= ws.rowCount; r++)
        if (ws.getCell(`A${r}`).value === code) return ws.getRow(r).values as unknown[];
      throw new Error(code);
    };
    const row = rowOf('1-3');
    expect(row.slice(1, 8)).toEqual([
      '1-3',
      '具体的な取組',
      '1',
      '市SNSの情報発信力強化',
      undefined,
      '総務広報課',
      'somu-koho',
    ]);
    expect(row[26]).toBe('各種SNSの効果的な運用方法を研究・実行\nフォロワー数累計8,104を達成');
    const multi = rowOf('6-4');
    expect(multi.slice(1, 2).concat(multi.slice(6, 8))).toEqual([
      '6-4',
      '都市計画課、地域開発推進課',
      'toshi-keikaku、chiiki-kaihatsu-suishin',
    ]);
  });

  it('lists indicators with yearly values and computed progress', () => {
    const ws = wb.getWorksheet('指標')!;
    const headers = (ws.getRow(1).values as string[]).slice(1);
    const row = (ws.getRow(4).values as unknown[]).slice(1);
    const get = (h: string) => row[headers.indexOf(h)];
    expect([get('取組番号'), get('指標名'), get('種類'), get('基準値'), get('目標値')]).toEqual([
      '1-3',
      'フォロワー数',
      '到達水準',
      2500,
      10000,
    ]);
    expect([get('令和4年度 実績値'), get('令和5年度 目標'), get('達成度（令和4年度時点）')]).toEqual([
      8104, 9000, 81.04,
    ]);
  });

  it('has a ratings sheet per fiscal year and the roll-up', () => {
    const r4 = wb.getWorksheet('令和4年度 評価')!;
    expect((r4.getRow(2).values as unknown[]).slice(1)).toEqual([
      '1-1',
      '車座トーク、出前トークの利用者アップ',
      '経営戦略課',
      '10%',
      10,
    ]);
    const scores = r4.getColumn(5).values.slice(2) as number[];
    expect(scores).toHaveLength(40);
    expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBe(40.5);
    const summary = wb.getWorksheet('集計')!;
    expect((summary.getRow(2).values as unknown[]).slice(1, 8)).toEqual([
      '令和4年度',
      '目標達成率',
      '平均（40件の単純平均）',
      40.5,
      '40.5%',
      40,
      40,
    ]);
  });

  it('writes a formula-looking title as text, never as a formula', async () => {
    const three = await load(await editionWorkbook(threeLevelEdition()));
    const ws = three.getWorksheet('取組一覧')!;
    const cell = ws.getCell('D8');
    expect(ws.getCell('A8').value).toBe('P2.1.1');
    expect(cell.value).toBe('=HYPERLINK("http://x","y")');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  });
});

describe('safeSheetName', () => {
  it('replaces characters Excel forbids and keeps 31 characters', () => {
    expect(safeSheetName('評価: 令和4年度/当初[案]*?\\')).toBe('評価： 令和4年度／当初［案］＊？＼');
    expect([...safeSheetName('あ'.repeat(40))]).toHaveLength(31);
  });

  it('gives every sheet of a three-level plan a valid name', () => {
    const names = buildEditionWorkbook(threeLevelEdition()).sheets.map((s) => s.name);
    expect(names.every((n) => n === safeSheetName(n))).toBe(true);
    expect(names.filter((n) => n.endsWith('評価'))).toEqual([
      '令和5年度 評価',
      '令和6年度 評価',
      '令和7年度 評価',
      '令和8年度 評価',
      '令和9年度 評価',
    ]);
  });
});
