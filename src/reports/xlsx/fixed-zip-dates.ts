/**
 * Sets every entry's modification time in a zip file to 2000-01-01 00:00 (DOS format), in place. The
 * spreadsheet library stamps each entry with the time of writing, so the same workbook gave other bytes on
 * every call; with fixed dates a stored workbook can be compared with a fresh one byte for byte.
 * Walks the central directory from the end record, so data that merely looks like a header is never touched.
 */
export function fixZipDates(zip: Buffer): Buffer {
  const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`zip central directory entry ${i} is malformed`);
    zip.writeUInt16LE(0, at + 12);
    zip.writeUInt16LE(DOS_DATE, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`zip local header ${i} is malformed`);
    zip.writeUInt16LE(0, local + 10);
    zip.writeUInt16LE(DOS_DATE, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
