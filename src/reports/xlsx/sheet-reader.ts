import { type UploadIssue, uploadIssue } from '../../app/index.ts';
import { keyOfValueLabel, parseFiscalYear, type ValueLabel } from '../../domain/index.ts';
import { keyOfLabel, splitLines } from './plan-workbook-layout.ts';
import type { ReadSheet } from './read-workbook.ts';
import { type CellValue, columnLetter } from './workbook-model.ts';

/**
 * Reads one data row of a sheet by column header, converting cells and recording a located issue (sheet, A1
 * cell, Japanese and English reason) for every value it cannot read, instead of stopping at the first.
 */
export class RowReader {
  constructor(
    private readonly sheet: ReadSheet,
    private readonly columns: Map<string, number>,
    /** 1-based row number as the spreadsheet shows it. */
    readonly row: number,
    private readonly issues: UploadIssue[],
  ) {}

  private raw(header: string): CellValue {
    const col = this.columns.get(header);
    return col === undefined ? null : (this.sheet.rows[this.row - 1]?.[col] ?? null);
  }

  /** A1 address of a column in this row (A1 of the row when the column is absent). */
  cell(header: string): { sheet: string; cell: string } {
    return { sheet: this.sheet.name, cell: `${columnLetter(this.columns.get(header) ?? 0)}${this.row}` };
  }

  fail(header: string, ja: string, en: string): undefined {
    this.issues.push(uploadIssue(this.cell(header), ja, en));
    return undefined;
  }

  text(header: string): string | undefined {
    const v = this.raw(header);
    if (v === null) return undefined;
    const s = String(v).trim();
    return s === '' ? undefined : s;
  }

  lines(header: string): string[] {
    return splitLines(this.text(header) ?? '');
  }

  /** Items separated by "、", ";" or line breaks (codes, SDG numbers). */
  list(header: string): string[] {
    return (this.text(header) ?? '')
      .split(/[、,;；\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  }

  number(header: string): number | undefined {
    const v = this.raw(header);
    if (v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
    if (typeof v === 'number') return v;
    const s = v.normalize('NFKC').replace(/,/g, '').trim();
    if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
    return this.fail(header, `「${v}」は数値ではありません`, `"${v}" is not a number`);
  }

  fy(header: string): number | undefined {
    const v = this.text(header);
    if (v === undefined) return undefined;
    const r = parseFiscalYear(v);
    if (r.ok) return r.value;
    return this.fail(
      header,
      `「${v}」は年度として読めません（例: 令和4年度、2022）`,
      `"${v}" is not a fiscal year (${r.error.messageEn})`,
    );
  }

  choice<K extends string>(header: string, labels: Record<K, string>): K | undefined {
    const v = this.text(header);
    if (v === undefined) return undefined;
    const key = keyOfLabel(labels, v);
    if (key !== undefined) return key;
    const options = Object.values<string>(labels).join('、');
    return this.fail(header, `「${v}」は選べる値ではありません（${options}）`, `"${v}" is not one of: ${options}`);
  }

  /** A value of a domain value set, by its label (Japanese, English, or one earlier releases wrote) or key. */
  value<K extends string>(header: string, set: Record<K, ValueLabel>): K | undefined {
    const v = this.text(header);
    if (v === undefined) return undefined;
    const key = keyOfValueLabel(set, v) ?? (Object.hasOwn(set, v) ? (v as K) : undefined);
    if (key !== undefined) return key;
    const options = Object.values<ValueLabel>(set)
      .map((l) => l.ja)
      .join('、');
    return this.fail(header, `「${v}」は選べる値ではありません（${options}）`, `"${v}" is not one of: ${options}`);
  }
}

/** Header name → column index of a sheet's first row. */
export function headerColumns(sheet: ReadSheet): Map<string, number> {
  const header = sheet.rows[0] ?? [];
  return new Map(header.flatMap((h, i) => (h === null ? [] : [[String(h).trim(), i] as const])));
}

/** Data rows (2…) that are not entirely empty, as RowReaders. */
export function dataRows(sheet: ReadSheet, issues: UploadIssue[]): RowReader[] {
  const columns = headerColumns(sheet);
  return sheet.rows.flatMap((row, i) =>
    i === 0 || row.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))
      ? []
      : [new RowReader(sheet, columns, i + 1, issues)],
  );
}
