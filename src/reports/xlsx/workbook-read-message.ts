import { SHEET_LIMITS, type WorkbookReadError } from './read-xlsx-sheets.ts';

/** What to tell the person who uploaded a file that could not be read (日本語/English), by problem. */
export function workbookReadMessage(e: WorkbookReadError, limits = SHEET_LIMITS): { ja: string; en: string } {
  switch (e.problem) {
    case 'not-xlsx':
      return { ja: 'Excelファイル（.xlsx）として読めません', en: 'The file is not an .xlsx workbook' };
    case 'too-large-unpacked':
      return {
        ja: 'ファイルを展開すると大きすぎます（Excelファイルとして扱えません）',
        en: 'The file unpacks to far more than any workbook (not accepted)',
      };
    case 'outside-range':
      return {
        ja: `セル ${e.at.cell} は読み取る範囲（${limits.maxColumns}列・${limits.maxRows}行まで）の外にあります。不要な値を消してください`,
        en: `Cell ${e.at.cell} lies outside the range that is read (up to ${limits.maxColumns} columns and ${limits.maxRows} rows); delete the stray value`,
      };
    case 'too-many-cells':
      return {
        ja: `シートの範囲が大きすぎます（行数×列数は全シートで${limits.maxCells}セルまで）`,
        en: `The sheets span too many cells (rows × columns, at most ${limits.maxCells} in all)`,
      };
    case 'control-char':
      return {
        ja: `セル ${e.at.cell} に制御文字（NUL、ESC など）が含まれています。取り除いてください`,
        en: `Cell ${e.at.cell} contains a control character (NUL, ESC, …); please remove it`,
      };
    case 'cell-too-long':
      return {
        ja: `セル ${e.at.cell} の文字数が多すぎます（Excelの上限 ${limits.maxCellChars} 文字まで）`,
        en: `Cell ${e.at.cell} holds more text than Excel allows (${limits.maxCellChars} characters)`,
      };
    case 'too-complex':
      return {
        ja: 'ファイルの読み取りに時間がかかりすぎるため中止しました',
        en: 'Reading the file took too long and was stopped',
      };
  }
}
