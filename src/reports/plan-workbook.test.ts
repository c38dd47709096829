import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { everyShapeEdition } from '../../test/harness/field-shapes-plan.ts';
import { ogoriEdition } from '../../test/harness/ogori-edition.ts';
import { threeLevelEdition } from '../../test/harness/report-plans.ts';
import { editionWorkbook } from './edition-workbook.ts';
import { importPlanWorkbook } from './xlsx/import-plan-workbook.ts';

async function edit(buffer: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('plan import from a workbook in the edition layout', () => {
  it('edition export → import gives the same plan, departments and organization (Ogori)', async () => {
    const content = ogoriEdition();
    const result = await importPlanWorkbook(await editionWorkbook(content));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bundle.plans).toEqual([content.plan]);
    expect(result.bundle.departments).toEqual(content.departments);
    expect(result.bundle.organization).toEqual({ slug: 'ogori', name: '小郡市', nameEn: 'Ogori City' });
  });

  it('round-trips a three-level plan with a letter scale, a second scale and English names', async () => {
    const content = threeLevelEdition();
    const result = await importPlanWorkbook(await editionWorkbook(content));
    expect(result.ok && result.bundle.plans[0]).toEqual(content.plan);
  });

  it('keeps an indicator’s declared decimal places (小数桁数) through the workbook', async () => {
    const content = ogoriEdition();
    const walk = (nodes: typeof content.plan.nodes): typeof content.plan.nodes =>
      nodes.flatMap((n) => [n, ...walk(n.children ?? [])]);
    const kpi = walk(content.plan.nodes).find((n) => n.indicators.length > 0)!.indicators[0]!;
    kpi.decimals = 3;
    const result = await importPlanWorkbook(await editionWorkbook(content));
    expect(result.ok && result.bundle.plans[0]).toEqual(content.plan);
  });

  it('names the sheet and cell of every problem', async () => {
    const broken = await edit(await editionWorkbook(ogoriEdition()), (wb) => {
      wb.getWorksheet('取組一覧')!.getCell('C4').value = '99';
      wb.getWorksheet('取組一覧')!.getCell('O5').value = '来年度';
      wb.getWorksheet('指標')!.getCell('M2').value = 'たくさん';
    });
    const result = await importPlanWorkbook(broken);
    expect(result.ok ? [] : result.issues.map((i) => [i.sheet, i.cell, i.messageJa])).toEqual([
      ['取組一覧', 'O5', '「来年度」は年度として読めません（例: 令和4年度、2022）'],
      ['取組一覧', 'C4', '上位番号「99」の行がありません'],
      ['指標', 'M2', '「たくさん」は数値ではありません'],
    ]);
  });

  it('reports schema errors at the cell they come from', async () => {
    const broken = await edit(await editionWorkbook(ogoriEdition()), (wb) => {
      wb.getWorksheet('取組一覧')!.getCell('G3').value = 'no-such-ka';
      wb.getWorksheet('令和4年度 評価')!.getCell('D3').value = '75%';
    });
    const result = await importPlanWorkbook(broken);
    expect(result.ok ? [] : result.issues.map((i) => [i.sheet, i.cell, i.messageEn])).toEqual([
      [
        '令和4年度 評価',
        'A3',
        'plans.0.nodes.0.children.1.assessments.0.level: "75%" is not a level of scale "achievement" (levels: 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100)',
      ],
      [
        '取組一覧',
        'G3',
        'plans.0.nodes.0.children.0.departments.0: unknown department "no-such-ka" (departments: keiei-senryaku, somu-koho, kenko, bosai-anzen, sports-shinko, community-suishin, toshi-keikaku, shoko-kanko, toshi-seibi, chiiki-kaihatsu-suishin, nogyo-shinko, choju-shien, gakko-kyoiku, shogai-gakushu, kodomo-ikusei, kosodate-shien, hoikusho-yochien, jinken-dowa-taisaku, kyoiku-somu, zaisei, jinji-hosei)',
      ],
    ]);
  });
});

describe('plan-defined fields in the edition workbook', () => {
  it('writes every shape in 取組一覧 and the definitions in 項目の定義, and reads the same plan back', async () => {
    const content = everyShapeEdition();
    const buffer = await editionWorkbook(content);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('取組一覧')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = (sheet.getRow(4).values as unknown[]).slice(1);
    const start = header.indexOf('根拠法令');
    expect(header.slice(start, start + 13)).toEqual([
      '根拠法令',
      '令和5年度 事業費（決算額）（千円）',
      '令和6年度 事業費（決算額）（千円）',
      '令和7年度 事業費（決算額）（千円）',
      '令和8年度 事業費（決算額）（千円）',
      '令和9年度 事業費（決算額）（千円）',
      '実施方法',
      '従事人員（人）',
      '予算事業名',
      '活動内容',
      '事業開始日',
      '事業のページ',
      '令和5年度 計画',
    ]);
    expect(row.slice(start, start + 12)).toEqual([
      '災害対策基本法\n見本市地域防災計画',
      1200,
      1350.5,
      undefined,
      undefined,
      undefined,
      '委託',
      1.5,
      '防災対策事業',
      '訓練の企画\n備蓄品の点検',
      '2019-04-01',
      'https://example.jp/bosai',
    ]);
    expect((wb.getWorksheet('項目の定義')!.getRow(2).values as unknown[]).slice(1)).toEqual([
      'settledCost',
      '事業費（決算額）',
      'Cost (settled)',
      '担当課',
      '{"kind":"money-per-year","unit":"千円","decimals":1}',
    ]);
    const result = await importPlanWorkbook(buffer);
    expect(result.ok && result.bundle.plans[0]).toEqual(content.plan);
  });

  it('refuses a value its field cannot take at its sheet and cell, in Japanese and English', async () => {
    const broken = await edit(await editionWorkbook(everyShapeEdition()), (wb) => {
      const sheet = wb.getWorksheet('取組一覧')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      sheet.getRow(4).getCell(header.indexOf('令和6年度 事業費（決算額）（千円）') + 1).value = '約1500';
      sheet.getRow(4).getCell(header.indexOf('実施方法') + 1).value = '外注';
      sheet.getRow(4).getCell(header.indexOf('従事人員（人）') + 1).value = 1.25;
    });
    const result = await importPlanWorkbook(broken);
    expect(result.ok ? [] : result.issues.map((i) => [i.sheet, i.cell, i.messageJa, i.messageEn])).toEqual([
      ['取組一覧', 'Y4', '「約1500」は数値ではありません', '"約1500" is not a number'],
      [
        '取組一覧',
        'AC4',
        '「外注」は選択肢にありません（直営、委託、指定管理、補助）',
        '"外注" is not one of: In-house, Contracted, Designated manager, Grant',
      ],
      ['取組一覧', 'AD4', '値が正しくありません（at most 1 decimals）', 'invalid value (at most 1 decimals)'],
    ]);
  });
});
