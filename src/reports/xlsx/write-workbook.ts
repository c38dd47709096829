import type ExcelJS from 'exceljs';
import { fixZipDates } from './fixed-zip-dates.ts';
import { loadExcelJs } from './load-exceljs.ts';
import { rowHeight } from './row-height.ts';
import { columnLetter, type SheetModel, type Validation, type WorkbookModel } from './workbook-model.ts';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E6FF' } } as const;
// A clear yellow with a border, so an entry cell is told apart on screen and on a black-and-white print.
const ENTRY_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFBF9000' } } as const;
const ENTRY_BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;

async function addSheet(wb: ExcelJS.Workbook, sheet: SheetModel, lists: OptionLists): Promise<void> {
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.freezeHeader ? [{ state: 'frozen', ySplit: 1 }] : [],
    state: sheet.hidden ? 'hidden' : 'visible',
  });
  ws.columns = sheet.columns.map((c) => ({
    header: c.header,
    width: c.width,
    hidden: c.hidden ?? false,
    style: { alignment: { vertical: 'top', wrapText: c.wrap ?? false }, ...(c.numFmt && { numFmt: c.numFmt }) },
  }));
  // Values are always written as plain values: a text such as "=HYPERLINK(…)" stays text, never a formula.
  for (const row of sheet.rows) {
    const added = ws.addRow(row.map((v) => (v === null ? null : v)));
    if (sheet.print) added.height = rowHeight(row, sheet.columns);
  }
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  if (sheet.autoFilter && sheet.columns.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  sheet.columns.forEach((col, i) => {
    if (!col.entry && !col.validation) return;
    const letter = columnLetter(i);
    const validation = col.validation && validationOf(col.validation, lists);
    for (let r = 2; r <= sheet.rows.length + 1; r++) {
      const cell = ws.getCell(`${letter}${r}`);
      if (col.entry) {
        cell.protection = { locked: false };
        cell.fill = ENTRY_FILL;
        cell.border = ENTRY_BORDER;
      }
      if (validation) cell.dataValidation = validation;
    }
  });
  for (const address of sheet.entryCells ?? []) {
    ws.getCell(address).fill = ENTRY_FILL;
    ws.getCell(address).border = ENTRY_BORDER;
  }
  if (sheet.print) {
    header.height = rowHeight(
      sheet.columns.map((c) => c.header),
      sheet.columns.map((c) => ({ ...c, wrap: true })),
    );
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `1:${sheet.print.titleRows}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    };
  }
  if (sheet.protect) {
    // exceljs hashes a password synchronously-slowly; without one the lock still prevents accidental edits.
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
      sort: false,
    });
  }
}

/** A hidden sheet holding dropdown options, one column per list. */
interface OptionLists {
  sheet(): ExcelJS.Worksheet;
  next: number;
}

function validationOf(v: Validation, lists: OptionLists): ExcelJS.DataValidation {
  const error = `${v.message.ja}\n${v.message.en}`;
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '入力エラー',
    error,
  } as const;
  if (v.kind === 'decimal') {
    const min = v.min ?? -1e15;
    const max = v.max ?? 1e15;
    return { ...common, type: 'decimal', operator: 'between', formulae: [min, max] };
  }
  // Options live on a hidden sheet: an inline list is limited to 255 characters and breaks on commas.
  const ws = lists.sheet();
  const col = columnLetter(lists.next++);
  v.options.forEach((option, i) => {
    ws.getCell(`${col}${i + 1}`).value = option;
  });
  const range = `'${ws.name}'!$${col}$1:$${col}$${Math.max(1, v.options.length)}`;
  return { ...common, type: 'list', formulae: [range] };
}

/** Writes a workbook model as .xlsx bytes. */
export async function writeWorkbook(model: WorkbookModel): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = model.creator;
  wb.title = model.title;
  // A fixed date keeps the same content giving the same bytes.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  let listSheet: ExcelJS.Worksheet | undefined;
  const lists: OptionLists = {
    sheet: () => {
      listSheet ??= wb.addWorksheet('選択肢', { state: 'veryHidden' });
      return listSheet;
    },
    next: 0,
  };
  for (const sheet of model.sheets) await addSheet(wb, sheet, lists);
  return fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()));
}
