import { type CellRef, type DepartmentUpload, type UploadIssue, uploadIssue } from '../../app/index.ts';
import { parseFiscalYear, parseQuantity } from '../../domain/index.ts';
import {
  DEPT_FORMAT,
  DEPT_SHEETS,
  ITEM_HEADERS as H,
  KPI_HEADERS as K,
  META_KEYS,
} from './department-workbook-layout.ts';
import { splitLines } from './plan-workbook-layout.ts';
import type { ReadSheet } from './read-workbook.ts';
import { type CellValue, columnLetter } from './workbook-model.ts';

const at = (sheet: string, col: number, row: number): CellRef => ({ sheet, cell: `${columnLetter(col)}${row}` });
const isBlank = (v: CellValue) => v === null || (typeof v === 'string' && v.trim() === '');
const text = (v: CellValue) => (isBlank(v) ? null : String(v).trim());

/** A number as people type it (the same reading as the entry form's, see parseQuantity); words are not. */
function numberOf(v: CellValue, unit = ''): number | null | undefined {
  if (isBlank(v)) return null;
  const r = parseQuantity(typeof v === 'number' ? v : String(v), unit);
  return r.ok ? r.value : undefined;
}

function headerIndex(sheet: ReadSheet, issues: UploadIssue[], required: string[]) {
  const header = (sheet.rows[0] ?? []).map((h) => (h === null ? '' : String(h).trim()));
  const index = new Map(header.map((h, i) => [h, i]));
  for (const name of required) {
    if (!index.has(name)) {
      issues.push(uploadIssue(at(sheet.name, 0, 1), `列「${name}」が見つかりません`, `Column "${name}" is missing`));
    }
  }
  return { header, index };
}

/** Year columns such as "令和4年度 実績" / "令和5年度 計画" (not the reference column "…計画（参考）"). */
function roadmapColumns(header: string[]) {
  return header.flatMap((h, col) => {
    const m = /^(\S+)\s+(実績|計画)$/.exec(h);
    const fy = m ? parseFiscalYear(m[1]!) : undefined;
    return fy?.ok ? [{ col, fy: fy.value, kind: m![2] === '実績' ? ('actual' as const) : ('plan' as const) }] : [];
  });
}

/**
 * Reads an uploaded 課 workbook into a DepartmentUpload. Checks what needs no plan: sheets and columns exist, each
 * row has its hidden id and version, numbers are numbers. Returns the issues found with the upload (cells with
 * problems read as empty), so the app can add its own checks and report everything at once.
 */
export function parseDepartmentWorkbook(sheets: ReadSheet[]): { upload?: DepartmentUpload; issues: UploadIssue[] } {
  const issues: UploadIssue[] = [];
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const missing = (name: string) =>
    issues.push(
      uploadIssue({ sheet: name, cell: 'A1' }, `シート「${name}」がありません`, `Sheet "${name}" is missing`),
    );
  const meta = byName.get(DEPT_SHEETS.meta);
  const items = byName.get(DEPT_SHEETS.items);
  const kpis = byName.get(DEPT_SHEETS.indicators);
  if (!meta) missing(DEPT_SHEETS.meta);
  if (!items) missing(DEPT_SHEETS.items);
  if (!kpis) missing(DEPT_SHEETS.indicators);
  if (!meta || !items || !kpis) return { issues };
  const metaValue = (key: string) => meta.rows.find((r) => r[0] === key)?.[1] ?? null;
  const fy = numberOf(metaValue(META_KEYS.fy));
  if (metaValue(META_KEYS.format) !== DEPT_FORMAT || typeof fy !== 'number') {
    issues.push(
      uploadIssue(
        at(DEPT_SHEETS.meta, 1, 2),
        'この様式の照会ファイルではありません',
        'Not a department workbook of this format',
      ),
    );
    return { issues };
  }

  const itemCols = headerIndex(items, issues, [H.rowId, H.version, H.code, H.comment]);
  const ratingCol = itemCols.header.findIndex((h) => h.startsWith('自己評価'));
  if (ratingCol < 0)
    issues.push(uploadIssue(at(items.name, 0, 1), '列「自己評価」が見つかりません', 'Column "自己評価" is missing'));
  const kpiCols = headerIndex(kpis, issues, [K.rowId, K.version, K.key]);
  const kpiActual = kpiCols.header.findIndex((h) => /実績値$/.test(h));
  const kpiNote = kpiCols.header.findIndex((h) => /実績の注記$/.test(h));
  if (kpiActual < 0 || kpiNote < 0) {
    issues.push(
      uploadIssue(
        at(kpis.name, 0, 1),
        '列「実績値」「実績の注記」が見つかりません',
        'Actual value columns are missing',
      ),
    );
  }
  if (issues.length > 0) return { issues };

  const identify = (sheet: ReadSheet, row: CellValue[], r: number, cols: typeof itemCols) => {
    const id = text(row[cols.index.get(H.rowId)!] ?? null);
    const version = numberOf(row[cols.index.get(H.version)!] ?? null);
    const idAt = at(sheet.name, cols.index.get(H.rowId)!, r);
    if (!id) {
      issues.push(
        uploadIssue(
          idAt,
          '行IDが空です（行を追加・コピーせず、出力されたファイルに入力してください）',
          'Row id is empty (do not add or copy rows)',
        ),
      );
      return undefined;
    }
    if (typeof version !== 'number' || !Number.isInteger(version)) {
      issues.push(
        uploadIssue(
          at(sheet.name, cols.index.get(H.version)!, r),
          '版が読めません（非表示の列を変更しないでください）',
          'Version is unreadable (do not edit hidden columns)',
        ),
      );
      return undefined;
    }
    return { code: id, version, at: at(sheet.name, cols.index.get(H.code) ?? 0, r) };
  };
  const blankRow = (row: CellValue[]) => row.every(isBlank);

  const rows: DepartmentUpload['rows'] = [];
  const yearCols = roadmapColumns(itemCols.header);
  items.rows.slice(1).forEach((row, i) => {
    const r = i + 2;
    if (blankRow(row)) return;
    const id = identify(items, row, r, itemCols);
    if (!id) return;
    const comment = itemCols.index.get(H.comment)!;
    rows.push({
      ...id,
      roadmap: yearCols.map((c) => ({
        fy: c.fy,
        kind: c.kind,
        items: splitLines(text(row[c.col] ?? null) ?? ''),
        at: at(items.name, c.col, r),
      })),
      rating: {
        value: isBlank(row[ratingCol] ?? null) ? null : (row[ratingCol] as string | number),
        at: at(items.name, ratingCol, r),
      },
      comment: { value: text(row[comment] ?? null), at: at(items.name, comment, r) },
    });
  });

  const indicators: DepartmentUpload['indicators'] = [];
  kpis.rows.slice(1).forEach((row, i) => {
    const r = i + 2;
    if (blankRow(row)) return;
    const id = identify(kpis, row, r, kpiCols);
    if (!id) return;
    const key = text(row[kpiCols.index.get(K.key)!] ?? null);
    const unitCol = kpiCols.index.get(K.unit);
    const actual = numberOf(row[kpiActual] ?? null, unitCol === undefined ? '' : (text(row[unitCol] ?? null) ?? ''));
    const actualAt = at(kpis.name, kpiActual, r);
    if (actual === undefined) {
      issues.push(
        uploadIssue(
          actualAt,
          `「${row[kpiActual]}」は数値ではありません。数値だけを入力し、補足は注記の列に書いてください`,
          `"${row[kpiActual]}" is not a number; put words in the note column`,
        ),
      );
    }
    if (!key) {
      issues.push(
        uploadIssue(at(kpis.name, kpiCols.index.get(K.key)!, r), '指標キーが空です', 'Indicator key is empty'),
      );
      return;
    }
    indicators.push({
      ...id,
      key,
      actual: { value: actual ?? null, at: actualAt },
      note: { value: text(row[kpiNote] ?? null), at: at(kpis.name, kpiNote, r) },
    });
  });

  const str = (k: string) => String(metaValue(k) ?? '');
  return {
    upload: {
      organization: str(META_KEYS.organization),
      plan: str(META_KEYS.plan),
      department: str(META_KEYS.department),
      fy,
      rows,
      indicators,
    },
    issues,
  };
}
