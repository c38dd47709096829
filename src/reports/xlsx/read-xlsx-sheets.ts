// The one module, not the domain's index: this file runs in worker threads that should load nothing else.
import { controlCharacterAt } from '../../domain/control-characters.ts';
import { scanXml, XmlError, type XmlHandlers, type XmlTag } from './scan-xml.ts';
import { type CellValue, columnLetter } from './workbook-model.ts';
import { openZip, type ZIP_LIMITS, ZipError } from './zip-entries.ts';

export interface ReadSheet {
  name: string;
  /** Row 1 first; each row as long as the sheet's widest row. Empty cells are null. */
  rows: CellValue[][];
}

/**
 * How far a workbook's cells may reach. Every layout we read (照会, plan workbook) is a header row over one row
 * per initiative or indicator: tens of columns and a few thousand rows. Only cells that hold a value count, so a
 * sheet formatted to its last column (as Excel users do) is fine; a value far outside is refused, because the
 * rows handed to the parsers are dense (rows × widest row). A cell holds at most 32,767 characters, Excel's
 * own limit, so a longer one was not made by a spreadsheet program.
 */
export const SHEET_LIMITS = { maxRows: 20_000, maxColumns: 256, maxCells: 1_000_000, maxCellChars: 32_767 };

export interface ReadOptions {
  /** Read only the sheets of these names (the others are not even unpacked); every sheet when absent. */
  sheets?: string[];
  limits?: typeof SHEET_LIMITS;
  zipLimits?: typeof ZIP_LIMITS;
}

export type WorkbookProblem =
  | 'not-xlsx'
  | 'too-large-unpacked'
  | 'outside-range'
  | 'too-many-cells'
  | 'control-char'
  | 'cell-too-long'
  | 'too-complex';

/** Why a file cannot be read as a workbook, located when it is one cell. */
export class WorkbookReadError extends Error {
  constructor(
    readonly problem: WorkbookProblem,
    readonly at: { sheet: string; cell: string } = { sheet: '', cell: 'A1' },
  ) {
    super(`${problem} at ${at.sheet}!${at.cell}`);
  }
}

// Built-in number formats that are dates or times (ECMA-376 18.8.30, with the Japanese 27–36 and 50–58).
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47]);
for (let id = 50; id <= 58; id++) BUILTIN_DATES.add(id);

/** The date test exceljs applies to a format code (quoted text and [..] sections removed first). */
const isDateFormat = (code: string) => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Excel's `_xHHHH_` escapes for characters XML cannot hold. */
const unescapeExcel = (s: string) =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    : s;

type Handlers = XmlHandlers;

/** Scans a part's XML; a part that is no XML makes the file no workbook. */
function parseXml(bytes: Buffer, h: Handlers): void {
  try {
    scanXml(bytes, h);
  } catch (e) {
    if (e instanceof XmlError) throw new WorkbookReadError('not-xlsx');
    throw e;
  }
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const attr = (tag: XmlTag, name: string) => Object.entries(tag.attributes).find(([k]) => local(k) === name)?.[1];

/** Relationship id → part path, for the rels part of `base` (e.g. "xl/workbook.xml"). */
function relationships(zip: ReturnType<typeof openZip>, base: string) {
  const dir = base.slice(0, base.lastIndexOf('/') + 1);
  const rels = new Map<string, { type: string; target: string }>();
  const bytes = zip.read(`${dir}_rels/${base.slice(dir.length)}.rels`);
  if (!bytes) return rels;
  parseXml(bytes, {
    open(t) {
      if (local(t.name) !== 'Relationship') return;
      const target = attr(t, 'Target') ?? '';
      const path = target.startsWith('/') ? target.slice(1) : normalise(dir + target);
      rels.set(attr(t, 'Id') ?? '', { type: attr(t, 'Type') ?? '', target: path });
    },
    close() {},
    text() {},
  });
  return rels;
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}

/** Text of <t> elements inside `container`, leaving out phonetic guides (<rPh>: furigana Japanese Excel adds). */
function textCollector(container: string, done: (text: string) => void): Handlers {
  let inside = false;
  let inT = false;
  let phonetic = 0;
  let text = '';
  return {
    open(t) {
      const n = local(t.name);
      if (n === container) {
        inside = true;
        text = '';
        if (t.isSelfClosing) {
          inside = false;
          done('');
        }
      } else if (n === 'rPh') phonetic++;
      else if (n === 't' && inside && phonetic === 0) inT = !t.isSelfClosing;
    },
    close(name) {
      const n = local(name);
      if (n === container && inside) {
        inside = false;
        done(unescapeExcel(text));
      } else if (n === 'rPh') phonetic--;
      else if (n === 't') inT = false;
    },
    text(s) {
      if (inT) text += s;
    },
  };
}

function sharedStrings(zip: ReturnType<typeof openZip>, path: string | undefined): string[] {
  const strings: string[] = [];
  const bytes = path ? zip.read(path) : undefined;
  if (bytes)
    parseXml(
      bytes,
      textCollector('si', (s) => strings.push(s)),
    );
  return strings;
}

/** Indexes of the cell formats (the `s` of a cell) that show a number as a date. */
function dateStyles(zip: ReturnType<typeof openZip>, path: string | undefined): Set<number> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  const bytes = path ? zip.read(path) : undefined;
  if (bytes) {
    parseXml(bytes, {
      open(t) {
        const n = local(t.name);
        if (n === 'numFmt') custom.set(Number(attr(t, 'numFmtId')), attr(t, 'formatCode') ?? '');
        else if (n === 'cellXfs') inCellXfs = !t.isSelfClosing;
        else if (n === 'xf' && inCellXfs) xfs.push(Number(attr(t, 'numFmtId') ?? 0));
      },
      close(name) {
        if (local(name) === 'cellXfs') inCellXfs = false;
      },
      text() {},
    });
  }
  const dates = new Set<number>();
  xfs.forEach((id, i) => {
    const code = custom.get(id);
    if (code === undefined ? BUILTIN_DATES.has(id) : isDateFormat(code)) dates.add(i);
  });
  return dates;
}

const columnIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** A serial day number of the workbook's date system as an ISO day; the number itself when it is no date. */
function serialDay(serial: number, date1904: boolean): CellValue {
  const ms = Math.round(((date1904 ? serial + 1462 : serial) - 25569) * 86_400_000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? serial : d.toISOString().slice(0, 10);
}

interface Context {
  strings: string[];
  dates: Set<number>;
  date1904: boolean;
  limits: typeof SHEET_LIMITS;
  /** Cells (rows × widest row) of the sheets read so far. */
  area: number;
}

/**
 * One worksheet's cells. Only cells holding a value are kept, sparse, until the sheet is done; the
 * dimension the file declares is never trusted (the cells are counted instead).
 */
function readSheet(name: string, bytes: Buffer, ctx: Context): ReadSheet {
  const cells: { row: number; col: number; value: CellValue }[] = [];
  let height = 0;
  let width = 0;
  let row = 0;
  let col = -1;
  let cell: { type: string; style: number } | undefined;
  let inValue = false;
  let value = '';
  let inline: string | undefined;
  const inlineText = textCollector('is', (s) => {
    inline = s;
  });
  const place = (r: number, c: number, v: CellValue) => {
    const at = { sheet: name, cell: `${columnLetter(c)}${r}` };
    if (r > ctx.limits.maxRows || c >= ctx.limits.maxColumns) throw new WorkbookReadError('outside-range', at);
    if (typeof v === 'string' && controlCharacterAt(v) !== -1) throw new WorkbookReadError('control-char', at);
    if (typeof v === 'string' && v.length > ctx.limits.maxCellChars) throw new WorkbookReadError('cell-too-long', at);
    const h = Math.max(height, r);
    const w = Math.max(width, c + 1);
    if (ctx.area + h * w > ctx.limits.maxCells) throw new WorkbookReadError('too-many-cells', at);
    height = h;
    width = w;
    cells.push({ row: r, col: c, value: v });
  };
  const finish = () => {
    if (!cell) return;
    const raw = inline ?? unescapeExcel(value);
    let v: CellValue = null;
    if (cell.type === 's') v = ctx.strings[Number(raw)] ?? null;
    else if (cell.type === 'inlineStr' || cell.type === 'str' || cell.type === 'e') v = raw;
    else if (cell.type === 'b') v = raw === '' ? null : raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE';
    else if (cell.type === 'd') v = raw.slice(0, 10) || null;
    else if (raw.trim() !== '') {
      const n = Number(raw);
      if (!Number.isFinite(n))
        throw new WorkbookReadError('not-xlsx', { sheet: name, cell: `${columnLetter(col)}${row}` });
      v = ctx.dates.has(cell.style) ? serialDay(n, ctx.date1904) : n;
    }
    if (v !== null && v !== '') place(row, col, v);
    cell = undefined;
  };
  parseXml(bytes, {
    open(t) {
      const n = local(t.name);
      if (n === 'row') {
        const r = Number(attr(t, 'r'));
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        col = -1;
      } else if (n === 'c') {
        const ref = /^([A-Z]{1,3})(\d+)$/.exec(attr(t, 'r') ?? '');
        col = ref ? columnIndex(ref[1]!) : col + 1;
        if (ref) row = Number(ref[2]);
        cell = { type: attr(t, 't') ?? 'n', style: Number(attr(t, 's') ?? 0) };
        value = '';
        inline = undefined;
        if (t.isSelfClosing) cell = undefined;
      } else if (n === 'v' && cell) inValue = !t.isSelfClosing;
      else if (cell) inlineText.open(t);
    },
    close(tagName) {
      const n = local(tagName);
      if (n === 'v') inValue = false;
      else if (n === 'c') finish();
      else if (cell) inlineText.close(tagName);
    },
    text(s) {
      if (inValue) value += s;
      else if (cell) inlineText.text(s);
    },
  });
  ctx.area += height * width;
  const rows: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  for (const c of cells) rows[c.row - 1]![c.col] = c.value;
  return { name, rows };
}

/**
 * Reads the sheets of an .xlsx file as rows of plain values (rich text joined, formulas as their cached
 * result, dates as ISO days, booleans as TRUE/FALSE), bounded by ZIP_LIMITS and SHEET_LIMITS. Synchronous and
 * CPU-bound: the server calls it in a worker (see `readWorkbook`). Throws WorkbookReadError.
 */
export function readXlsxSheets(data: Uint8Array, options: ReadOptions = {}): ReadSheet[] {
  try {
    const zip = openZip(data, options.zipLimits);
    const root = relationships(zip, '.rels');
    const workbookPath =
      [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const workbook = zip.read(workbookPath);
    if (!workbook) throw new WorkbookReadError('not-xlsx');
    const rels = relationships(zip, workbookPath);
    const sheets: { name: string; rel: string }[] = [];
    let date1904 = false;
    parseXml(workbook, {
      open(t) {
        const n = local(t.name);
        if (n === 'sheet') sheets.push({ name: attr(t, 'name') ?? '', rel: attr(t, 'id') ?? '' });
        else if (n === 'workbookPr') date1904 = ['1', 'true'].includes(attr(t, 'date1904') ?? '');
      },
      close() {},
      text() {},
    });
    const part = (type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;
    const ctx: Context = {
      strings: sharedStrings(zip, part('sharedStrings')),
      dates: dateStyles(zip, part('styles')),
      date1904,
      limits: options.limits ?? SHEET_LIMITS,
      area: 0,
    };
    const wanted = options.sheets && new Set(options.sheets);
    return sheets.flatMap(({ name, rel }) => {
      if (wanted && !wanted.has(name)) return [];
      const target = rels.get(rel)?.target;
      const bytes = target === undefined ? undefined : zip.read(target);
      return bytes ? [readSheet(name, bytes, ctx)] : [];
    });
  } catch (e) {
    if (e instanceof ZipError) {
      throw new WorkbookReadError(e.problem === 'not-zip' ? 'not-xlsx' : 'too-large-unpacked');
    }
    throw e;
  }
}
