import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Store the entry with this uncompressed size in its headers instead of the true one (a lying zip). */
  declaredSize?: number;
}

/**
 * A minimal zip writer (deflate, no zip64) for hostile test files: zip bombs, lying size headers, thousands of
 * entries. Real workbooks come from exceljs; this makes what exceljs never would.
 */
export function zipFile(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const ROOT_RELS =
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

export interface XlsxSheet {
  name: string;
  /** The worksheet part as written (a <worksheet> document). */
  xml: string | Buffer;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The parts of a minimal .xlsx (content types, relationships, workbook, sheets, optional shared strings) as zip
 * entries, for building workbooks no spreadsheet program would write.
 */
export function xlsxEntries(sheets: XlsxSheet[], sharedStrings?: string[]): ZipEntry[] {
  const workbook =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>` +
    sheets.map((sh, i) => `<sheet name="${esc(sh.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const rels =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('') +
    (sharedStrings ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    '</Relationships>';
  return [
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels) },
    ...sheets.map((sh, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(sh.xml) })),
    ...(sharedStrings
      ? [
          {
            name: 'xl/sharedStrings.xml',
            data: Buffer.from(
              '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
                sharedStrings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('') +
                '</sst>',
            ),
          },
        ]
      : []),
  ];
}

/**
 * An .xlsx zip bomb: a workbook whose one sheet (named `sheet`, by default one the 課 workbook reader reads) is
 * `unpackedMb` MB of empty rows that deflate about a thousandfold. With `lie`, its headers declare 1 KB, so
 * only inflating it reveals the size.
 */
export function zipBomb(unpackedMb: number, lie = false, sheet = '照会情報'): Buffer {
  const row = '<row/>';
  const body = Buffer.from(
    `<worksheet><sheetData>${row.repeat(Math.floor((unpackedMb * 1024 * 1024) / row.length))}</sheetData></worksheet>`,
    'utf8',
  );
  return zipFile(
    xlsxEntries([{ name: sheet, xml: body }]).map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' && lie ? { ...e, declaredSize: 1024 } : e,
    ),
  );
}
