import type { UploadIssue } from '../../app/index.ts';
import type { PlanDocument, SheetFieldDefInput } from '../../domain/index.ts';
import { SHEETS } from './plan-workbook-layout.ts';
import type { ReadSheet } from './read-workbook.ts';
import { dataRows } from './sheet-reader.ts';
import type { SheetModel } from './workbook-model.ts';

/** Headers of the 項目の定義 sheet: the plan's own sheet fields, one a row. */
export const FIELD_DEF_HEADERS = {
  key: 'キー',
  label: '名称',
  labelEn: '名称（英語）',
  enteredBy: '入力する課',
  shape: '形（JSON）',
} as const;
const H = FIELD_DEF_HEADERS;

const ENTERED_BY = { department: '担当課', 'plan-office': '計画担当課' } as const;

/**
 * 項目の定義: the fields the plan declares itself, so a plan rebuilt from the workbook keeps them and their values
 * in 取組一覧. The shape is written as the bundle's JSON (one cell), so every limit and option comes back exactly.
 * Absent for a plan without fields of its own.
 */
export function fieldDefsSheet(plan: Pick<PlanDocument, 'sheetFields'>): SheetModel[] {
  const defs = plan.sheetFields ?? [];
  if (defs.length === 0) return [];
  return [
    {
      name: SHEETS.fields,
      columns: [
        { header: H.key, width: 16 },
        { header: H.label, width: 24, wrap: true },
        { header: H.labelEn, width: 24, wrap: true },
        { header: H.enteredBy, width: 12 },
        { header: H.shape, width: 60, wrap: true },
      ],
      rows: defs.map((d) => [d.key, d.label.ja, d.label.en ?? null, ENTERED_BY[d.enteredBy], JSON.stringify(d.shape)]),
      freezeHeader: true,
    },
  ];
}

/** The plan's own fields from 項目の定義, as bundle input (the bundle schema checks them); none without the sheet. */
export function parseFieldDefs(sheet: ReadSheet | undefined, issues: UploadIssue[]): SheetFieldDefInput[] | undefined {
  if (!sheet) return undefined;
  return dataRows(sheet, issues).flatMap((r) => {
    const text = r.text(H.shape) ?? '';
    let shape: unknown;
    try {
      shape = JSON.parse(text);
    } catch {
      r.fail(H.shape, `形「${text}」が JSON として読めません（例: {"kind":"text"}）`, `Shape "${text}" is not JSON`);
      return [];
    }
    const labelEn = r.text(H.labelEn);
    const enteredBy = r.choice(H.enteredBy, ENTERED_BY);
    return [
      {
        key: r.text(H.key) ?? '',
        label: { ja: r.text(H.label) ?? '', ...(labelEn && { en: labelEn }) },
        shape: shape as SheetFieldDefInput['shape'],
        ...(enteredBy && { enteredBy }),
      },
    ];
  });
}
