import { type CellRef, type DepartmentUpload, type UploadIssue, uploadIssue } from '../../app/index.ts';
import { parseFiscalYear, parseQuantity } from '../../domain/index.ts';
import { checkSheetHeaders } from './check-sheet-headers.ts';
import {
  actualHeader,
  DEPT_FORMAT,
  DEPT_SHEETS,
  ITEM_HEADERS as H,
  KPI_HEADERS as K,
  kpiActualHeader,
  kpiNoteHeader,
  META_KEYS,
  planReferenceHeader,
} from './department-workbook-layout.ts';
import { cellText } from './field-sheet-columns.ts';
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

/** Year columns such as "令和4年度 実績" / "令和5年度 計画" (not the reference column "…計画（参考）"). */
function roadmapColumns(header: string[]) {
  return header.flatMap((h, col) => {
    const m = /^(\S+)\s+(実績|計画)$/.exec(h);
    const fy = m ? parseFiscalYear(m[1]!) : undefined;
    return fy?.ok ? [{ col, fy: fy.value, kind: m![2] === '実績' ? ('actual' as const) : ('plan' as const) }] : [];
  });
}

type Columns = ReturnType<typeof checkSheetHeaders>;

/** The sheet-field columns the file was made with (照会情報): header → the form input it fills, or null (reference). */
type FieldColumns = ReadonlyMap<string, string | null>;

function fieldColumnsOf(meta: ReadSheet): FieldColumns {
  return new Map(
    meta.rows.flatMap((r) =>
      r[0] === META_KEYS.fieldColumn && typeof r[1] === 'string' ? [[r[1], text(r[2] ?? null)] as const] : [],
    ),
  );
}

const itemColumnsOf = (sheet: ReadSheet, fy: number, fields: FieldColumns, issues: UploadIssue[]) => {
  const fixed = new Set<string>([...Object.values(H), planReferenceHeader(fy), ...fields.keys()]);
  const known = (h: string) => fixed.has(h) || /^自己評価（.+）$/.test(h) || roadmapColumns([h]).length === 1;
  return checkSheetHeaders(sheet, issues, {
    required: [H.rowId, H.version, H.code, actualHeader(fy), H.comment],
    known,
  });
};

const kpiColumnsOf = (sheet: ReadSheet, fy: number, issues: UploadIssue[]) => {
  const all = new Set<string>([...Object.values(K), kpiActualHeader(fy), kpiNoteHeader(fy)]);
  return checkSheetHeaders(sheet, issues, {
    required: [K.rowId, K.version, K.key, kpiActualHeader(fy), kpiNoteHeader(fy)],
    known: (h) => all.has(h),
  });
};

function identify(sheet: ReadSheet, row: CellValue[], r: number, cols: Columns, issues: UploadIssue[]) {
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
}

const blankRow = (row: CellValue[]) => row.every(isBlank);

function readItemRows(
  sheet: ReadSheet,
  cols: Columns,
  fieldCols: FieldColumns,
  issues: UploadIssue[],
): DepartmentUpload['rows'] {
  const rows: DepartmentUpload['rows'] = [];
  // Entry columns of sheet fields present in the file (a reference column is not read back).
  const entries = [...fieldCols].flatMap(([header, input]) => {
    const col = cols.index.get(header);
    return input !== null && col !== undefined ? [{ input, col }] : [];
  });
  const yearCols = roadmapColumns(cols.header);
  const ratingCol = cols.header.findIndex((h) => h.startsWith('自己評価'));
  const comment = cols.index.get(H.comment)!;
  sheet.rows.slice(1).forEach((row, i) => {
    const r = i + 2;
    if (blankRow(row)) return;
    const id = identify(sheet, row, r, cols, issues);
    if (!id) return;
    rows.push({
      ...id,
      roadmap: yearCols.map((c) => ({
        fy: c.fy,
        kind: c.kind,
        items: splitLines(text(row[c.col] ?? null) ?? ''),
        at: at(sheet.name, c.col, r),
      })),
      rating: {
        value: isBlank(row[ratingCol] ?? null) ? null : (row[ratingCol] as string | number),
        at: at(sheet.name, ratingCol, r),
      },
      comment: { value: text(row[comment] ?? null), at: at(sheet.name, comment, r) },
      fields: entries.map((e) => ({ input: e.input, text: cellText(row[e.col]), at: at(sheet.name, e.col, r) })),
    });
  });
  return rows;
}

function readIndicatorRows(
  sheet: ReadSheet,
  cols: Columns,
  fy: number,
  issues: UploadIssue[],
): DepartmentUpload['indicators'] {
  const indicators: DepartmentUpload['indicators'] = [];
  const kpiActual = cols.index.get(kpiActualHeader(fy))!;
  const kpiNote = cols.index.get(kpiNoteHeader(fy))!;
  sheet.rows.slice(1).forEach((row, i) => {
    const r = i + 2;
    if (blankRow(row)) return;
    const id = identify(sheet, row, r, cols, issues);
    if (!id) return;
    const key = text(row[cols.index.get(K.key)!] ?? null);
    const unitCol = cols.index.get(K.unit);
    const actual = numberOf(row[kpiActual] ?? null, unitCol === undefined ? '' : (text(row[unitCol] ?? null) ?? ''));
    const actualAt = at(sheet.name, kpiActual, r);
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
      issues.push(uploadIssue(at(sheet.name, cols.index.get(K.key)!, r), '指標キーが空です', 'Indicator key is empty'));
      return;
    }
    indicators.push({
      ...id,
      key,
      actual: { value: actual ?? null, at: actualAt },
      note: { value: text(row[kpiNote] ?? null), at: at(sheet.name, kpiNote, r) },
    });
  });
  return indicators;
}

/**
 * The hidden copies of the entry sheets (as the file was made) attached to the rows they describe, when the copy
 * is there, readable and of the row's version; a row without one is merged as if every field might have changed
 * (see mergeStaleRow), so a damaged copy can only cause conflicts, never an overwrite.
 */
function attachBases(
  byName: Map<string, ReadSheet>,
  fy: number,
  fieldCols: FieldColumns,
  rows: DepartmentUpload['rows'],
  indicators: DepartmentUpload['indicators'],
): void {
  const itemsBase = byName.get(DEPT_SHEETS.itemsBase);
  const kpisBase = byName.get(DEPT_SHEETS.indicatorsBase);
  const scratch: UploadIssue[] = [];
  if (itemsBase) {
    const cols = itemColumnsOf(itemsBase, fy, fieldCols, scratch);
    const base = scratch.length === 0 ? readItemRows(itemsBase, cols, fieldCols, scratch) : [];
    for (const row of rows) {
      const b = base.find((x) => x.code === row.code && x.version === row.version);
      if (!b) continue;
      const fields = Object.fromEntries((b.fields ?? []).map((f) => [f.input, f.text]));
      row.base = { roadmap: b.roadmap, rating: b.rating.value, comment: b.comment.value, fields };
    }
  }
  scratch.length = 0;
  if (kpisBase) {
    const cols = kpiColumnsOf(kpisBase, fy, scratch);
    const base = scratch.length === 0 ? readIndicatorRows(kpisBase, cols, fy, scratch) : [];
    for (const ind of indicators) {
      const b = base.find((x) => x.code === ind.code && x.key === ind.key && x.version === ind.version);
      if (b) ind.base = { actual: b.actual.value, note: b.note.value };
    }
  }
}

/** Where a file that is not a 課 workbook of this format is refused: the first visible sheet's title. */
const NOT_THIS_FORMAT = { sheet: DEPT_SHEETS.guide, cell: 'A1' };

/**
 * Reads an uploaded 課 workbook into a DepartmentUpload. Checks what needs no plan: sheets and columns exist (a
 * renamed, added, duplicated or missing header is an issue at its cell, never a skipped column), each row has its
 * hidden id and version, numbers are numbers. Returns the issues found with the upload (cells with problems read
 * as empty), so the app can add its own checks and report everything at once. `round` is the year the channel
 * uploads to.
 */
export function parseDepartmentWorkbook(
  sheets: ReadSheet[],
  round?: { fy: number },
): { upload?: DepartmentUpload; issues: UploadIssue[] } {
  const issues: UploadIssue[] = [];
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const meta = byName.get(DEPT_SHEETS.meta);
  const items = byName.get(DEPT_SHEETS.items);
  const kpis = byName.get(DEPT_SHEETS.indicators);
  const metaValue = (key: string) => meta?.rows.find((r) => r[0] === key)?.[1] ?? null;
  const fy = numberOf(metaValue(META_KEYS.fy));
  if (!meta || metaValue(META_KEYS.format) !== DEPT_FORMAT || typeof fy !== 'number') {
    issues.push(
      uploadIssue(
        NOT_THIS_FORMAT,
        'この様式の照会ファイルではありません（照会の画面からダウンロードしたファイルに入力してください）',
        'Not a department workbook of this format (fill in a file downloaded from the round page)',
      ),
    );
    return { issues };
  }
  for (const [name, sheet] of [
    [DEPT_SHEETS.items, items],
    [DEPT_SHEETS.indicators, kpis],
  ] as const) {
    if (!sheet) {
      issues.push(
        uploadIssue({ sheet: name, cell: 'A1' }, `シート「${name}」がありません`, `Sheet "${name}" is missing`),
      );
    }
  }
  if (!items || !kpis) return { issues };
  const str = (k: string) => String(metaValue(k) ?? '');
  const target = {
    organization: str(META_KEYS.organization),
    plan: str(META_KEYS.plan),
    department: str(META_KEYS.department),
    fy,
  };
  // A file of another year has that year's columns: it is refused for its year (naming the year cell), not for
  // columns this round does not have.
  if (round && round.fy !== fy) return { upload: { ...target, rows: [], indicators: [] }, issues };
  const fieldCols = fieldColumnsOf(meta);
  const itemCols = itemColumnsOf(items, fy, fieldCols, issues);
  if (!itemCols.header.some((h) => h.startsWith('自己評価'))) {
    issues.push(uploadIssue(at(items.name, 0, 1), '列「自己評価」が見つかりません', 'Column "自己評価" is missing'));
  }
  const kpiCols = kpiColumnsOf(kpis, fy, issues);
  if (issues.length > 0) return { issues };
  const rows = readItemRows(items, itemCols, fieldCols, issues);
  const indicators = readIndicatorRows(kpis, kpiCols, fy, issues);
  attachBases(byName, fy, fieldCols, rows, indicators);
  return { upload: { ...target, rows, indicators }, issues };
}
