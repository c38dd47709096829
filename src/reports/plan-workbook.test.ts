import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
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

  it('names the sheet and cell of every problem', async () => {
    const broken = await edit(await editionWorkbook(ogoriEdition()), (wb) => {
      wb.getWorksheet('取組一覧')!.getCell('C4').value = '99';
      wb.getWorksheet('取組一覧')!.getCell('O5').value = '来年度';
      wb.getWorksheet('指標')!.getCell('L2').value = 'たくさん';
    });
    const result = await importPlanWorkbook(broken);
    expect(result.ok ? [] : result.issues.map((i) => [i.sheet, i.cell, i.messageJa])).toEqual([
      ['取組一覧', 'O5', '「来年度」は年度として読めません（例: 令和4年度、2022）'],
      ['取組一覧', 'C4', '上位番号「99」の行がありません'],
      ['指標', 'L2', '「たくさん」は数値ではありません'],
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
