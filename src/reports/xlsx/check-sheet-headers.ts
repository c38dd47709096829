import { type CellRef, type UploadIssue, uploadIssue } from '../../app/index.ts';
import type { ReadSheet } from './read-workbook.ts';
import { type CellValue, columnLetter } from './workbook-model.ts';

const at = (sheet: string, col: number): CellRef => ({ sheet, cell: `${columnLetter(col)}1` });
const blank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * The header row of an entry sheet, checked so that no column is silently skipped: a header this layout does
 * not know (renamed or added), one that appears twice, an empty header above data, and a required header that is
 * missing are each an issue at the header cell (a missing one at A1, having no cell of its own).
 * `known(h)` says whether a header belongs to the layout.
 */
export function checkSheetHeaders(
  sheet: ReadSheet,
  issues: UploadIssue[],
  expected: { required: string[]; known: (header: string) => boolean },
) {
  const header = (sheet.rows[0] ?? []).map((h) => (h === null ? '' : String(h).trim()));
  const index = new Map<string, number>();
  header.forEach((h, col) => {
    if (h === '') {
      if (sheet.rows.slice(1).some((row) => !blank(row[col]))) {
        issues.push(
          uploadIssue(
            at(sheet.name, col),
            '列の見出しが空です（見出しを消さないでください）',
            'A column header is empty (do not clear headers)',
          ),
        );
      }
      return;
    }
    if (index.has(h)) {
      issues.push(
        uploadIssue(
          at(sheet.name, col),
          `列「${h}」が重複しています（列をコピーしないでください）`,
          `Column "${h}" appears twice (do not copy columns)`,
        ),
      );
      return;
    }
    index.set(h, col);
    if (!expected.known(h)) {
      issues.push(
        uploadIssue(
          at(sheet.name, col),
          `列「${h}」はこの様式にない列です（列名を変更したり列を追加したりしないでください）`,
          `Column "${h}" is not part of this form (do not rename or add columns)`,
        ),
      );
    }
  });
  for (const name of expected.required) {
    if (!index.has(name)) {
      issues.push(uploadIssue(at(sheet.name, 0), `列「${name}」が見つかりません`, `Column "${name}" is missing`));
    }
  }
  return { header, index };
}
