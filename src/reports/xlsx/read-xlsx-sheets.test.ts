import { describe, expect, it } from 'vitest';
import { xlsxEntries, zipBomb, zipFile } from '../../../test/security/zip-file.ts';
import { loadExcelJs } from './load-exceljs.ts';
import { createWorkbookReader, READER_LIMITS, readWorkbook } from './read-workbook.ts';
import { readXlsxSheets, SHEET_LIMITS, WorkbookReadError } from './read-xlsx-sheets.ts';
import { writeWorkbook } from './write-workbook.ts';

const sheet = (cells: string) => `<worksheet><sheetData>${cells}</sheetData></worksheet>`;
const xlsx = (sheets: { name: string; xml: string }[], strings?: string[]) => zipFile(xlsxEntries(sheets, strings));
const failure = (f: () => unknown) => {
  try {
    f();
    return undefined;
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    return { problem: e.problem, ...e.at };
  }
};

describe('readXlsxSheets', () => {
  it('reads what exceljs writes: shared strings, numbers, dense rows as wide as the widest', async () => {
    const data = await writeWorkbook({
      title: 't',
      creator: 'c',
      sheets: [
        {
          name: '取組',
          columns: [
            { header: '番号', width: 5 },
            { header: '実績', width: 5, numFmt: '0.0' },
            { header: 'メモ', width: 5 },
          ],
          rows: [
            ['1-1', 12.5, '改行\n二行目'],
            ['1-2', null, null],
            [null, 3],
          ],
        },
      ],
    });
    expect(readXlsxSheets(data)).toEqual([
      {
        name: '取組',
        rows: [
          ['番号', '実績', 'メモ'],
          ['1-1', 12.5, '改行\n二行目'],
          ['1-2', null, null],
          [null, 3, null],
        ],
      },
    ]);
  });

  it('gives dates as ISO days, booleans, formulas by their result, rich text joined, and no furigana', async () => {
    const wb = new (await loadExcelJs()).Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2023, 3, 1));
    ws.getCell('B1').value = true;
    ws.getCell('C1').value = { formula: 'A2*2', result: 14 };
    ws.getCell('D1').value = { richText: [{ text: '太' }, { text: '字' }] };
    ws.getCell('A2').value = 7;
    const fromExcel = readXlsxSheets(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(fromExcel[0]!.rows).toEqual([
      ['2023-04-01', 'TRUE', 14, '太字'],
      [7, null, null, null],
    ]);
    const entries = xlsxEntries(
      [
        {
          name: 'S',
          xml: sheet(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>a_x000D_b</t></is></c></row>',
          ),
        },
      ],
      [],
    ).map((e) =>
      e.name === 'xl/sharedStrings.xml'
        ? {
            ...e,
            data: Buffer.from(
              '<sst><si><r><t>小郡</t></r><r><t>市</t></r><rPh sb="0" eb="2"><t>オゴオリ</t></rPh></si></sst>',
            ),
          }
        : e,
    );
    const withRuby = zipFile(entries);
    expect(readXlsxSheets(withRuby)[0]!.rows).toEqual([['小郡市', 'a\rb']]);
  });

  it('bounds the work by the cells that exist: XFD1 and A2000 are refused at once, formatting alone is ignored', () => {
    // The file that froze the server: two cells that made a dense reader visit 32.8 million.
    const bomb = xlsx([
      {
        name: 'S',
        xml: sheet('<row r="1"><c r="XFD1"><v>1</v></c></row><row r="2000"><c r="A2000"><v>1</v></c></row>'),
      },
    ]);
    expect(failure(() => readXlsxSheets(bomb))).toEqual({ problem: 'outside-range', sheet: 'S', cell: 'XFD1' });
    const deep = xlsx([
      { name: 'S', xml: sheet('<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>') },
    ]);
    expect(failure(() => readXlsxSheets(deep))).toEqual({ problem: 'outside-range', sheet: 'S', cell: 'A1048576' });
    // Empty formatted cells and a dimension claiming the whole sheet: nothing to read beyond A1.
    const formatted = xlsx([
      {
        name: 'S',
        xml: '<worksheet><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>5</v></c><c r="XFD1" s="1"/></row><row r="1048576"><c r="A1048576" s="1"/></row></sheetData></worksheet>',
      },
    ]);
    expect(readXlsxSheets(formatted)).toEqual([{ name: 'S', rows: [[5]] }]);
  });

  it('refuses sheets whose rows × widest row exceed the cell budget, counted over all sheets', () => {
    const limits = { ...SHEET_LIMITS, maxCells: 100 };
    const square = (n: number) => sheet(`<row r="${n}"><c r="${'ABCDEFGHIJ'[n - 1]}${n}"><v>1</v></c></row>`);
    const two = xlsx([
      { name: 'A', xml: square(7) },
      { name: 'B', xml: square(8) },
    ]);
    expect(failure(() => readXlsxSheets(two, { limits }))).toEqual({
      problem: 'too-many-cells',
      sheet: 'B',
      cell: 'H8',
    });
    expect(readXlsxSheets(two, { limits, sheets: ['B'] })[0]!.rows).toHaveLength(8);
  });

  it('refuses control characters that no form accepts (_x0000_, _x001B_), naming the cell', () => {
    for (const text of ['a_x0000_b', 'esc_x001B_[31m']) {
      const file = xlsx([{ name: 'S', xml: sheet(`<row r="3"><c r="B3" t="s"><v>0</v></c></row>`) }], [text]);
      expect(failure(() => readXlsxSheets(file))).toEqual({ problem: 'control-char', sheet: 'S', cell: 'B3' });
    }
  });

  it('unpacks only the sheets asked for, and stops a bomb among them while inflating, also with bytes in front', () => {
    expect(readXlsxSheets(zipBomb(40, true, 'other'), { sheets: ['照会情報'] })).toEqual([]);
    for (const bomb of [zipBomb(40, true), Buffer.concat([Buffer.alloc(16, 0x41), zipBomb(40)])]) {
      expect(failure(() => readXlsxSheets(bomb))).toEqual({ problem: 'too-large-unpacked', sheet: '', cell: 'A1' });
    }
  });

  it('answers not-xlsx for anything else: no zip, no workbook part, broken XML, entity tricks', () => {
    const billion =
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>';
    for (const file of [
      Buffer.from('PK not really'),
      zipFile([{ name: 'a.xml', data: Buffer.from('<a/>') }]),
      xlsx([{ name: 'S', xml: '<worksheet><sheetData><row><c' }]),
      xlsx([{ name: 'S', xml: billion }]),
      xlsx([{ name: 'S', xml: sheet('<row><c><v>12abc</v></c></row>') }]),
    ]) {
      expect(failure(() => readXlsxSheets(file))?.problem).toBe('not-xlsx');
    }
  });
});

describe('readWorkbook (worker)', () => {
  it('reads in a worker with the same result, and reports the problem of a hostile file', async () => {
    const file = xlsx([{ name: 'S', xml: sheet('<row r="2"><c r="B2"><v>4</v></c></row>') }]);
    expect(await readWorkbook(file)).toEqual([
      {
        name: 'S',
        rows: [
          [null, null],
          [null, 4],
        ],
      },
    ]);
    const bomb = xlsx([{ name: 'S', xml: sheet('<row r="1"><c r="XFD1"><v>1</v></c></row>') }]);
    await expect(readWorkbook(bomb)).rejects.toMatchObject({
      problem: 'outside-range',
      at: { sheet: 'S', cell: 'XFD1' },
    });
    expect(await readWorkbook(file)).toHaveLength(1);
  });

  it('stops a worker past its time limit or heap, and the next file is read by a fresh one', async () => {
    const file = xlsx([{ name: 'S', xml: sheet('<row r="1"><c r="A1"><v>1</v></c></row>') }]);
    const slow = createWorkbookReader({ ...READER_LIMITS, workers: 1, timeoutMs: 1 });
    await expect(slow.read(file)).rejects.toMatchObject({ problem: 'too-complex' });
    const tiny = createWorkbookReader({ ...READER_LIMITS, workers: 1, maxOldGenerationSizeMb: 4, timeoutMs: 30_000 });
    const big = xlsx([
      {
        name: 'S',
        xml: sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'長'.repeat(4_000_000)}</t></is></c></row>`),
      },
    ]);
    await expect(tiny.read(big)).rejects.toMatchObject({ problem: 'too-large-unpacked' });
    const ok = createWorkbookReader({ ...READER_LIMITS, workers: 1 });
    await expect(ok.read(file)).resolves.toEqual([{ name: 'S', rows: [[1]] }]);
  });
});
