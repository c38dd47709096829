import { inflateRawSync } from 'node:zlib';

/** What an uploaded workbook may unpack to: a 課 workbook is well under 1 MB unpacked, so 64 MB is generous. */
export const ZIP_LIMITS = { maxEntries: 2000, maxUnpackedBytes: 64 * 1024 * 1024 };

export type ZipBoundsProblem = 'too-many-entries' | 'too-large-unpacked';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Checks an .xlsx (zip) before a spreadsheet library unpacks it whole into memory: at most `maxEntries` entries
 * and `maxUnpackedBytes` in all. Sizes declared in the zip can lie, so deflated entries are inflated here with a
 * hard output cap and what they really unpack to is counted. A file that is no readable zip passes (undefined):
 * the workbook reader then reports it as no workbook.
 */
export function checkZipBounds(data: Uint8Array, limits = ZIP_LIMITS): ZipBoundsProblem | undefined {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) return undefined;
  const entries = buf.readUInt16LE(eocd + 10);
  if (entries > limits.maxEntries) return 'too-many-entries';
  let at = buf.readUInt32LE(eocd + 16);
  let budget = limits.maxUnpackedBytes;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return undefined;
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const declared = buf.readUInt32LE(at + 24);
    const local = buf.readUInt32LE(at + 42);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (declared > budget) return 'too-large-unpacked';
    const unpacked = method === 8 ? inflatedSize(buf, local, compressed, budget) : compressed;
    if (unpacked === 'over') return 'too-large-unpacked';
    if (unpacked === undefined) return undefined;
    budget -= unpacked;
    if (budget < 0) return 'too-large-unpacked';
  }
  return undefined;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

/** Bytes a deflated entry really unpacks to, 'over' past the budget, undefined when it cannot be read. */
function inflatedSize(buf: Buffer, local: number, compressed: number, budget: number): number | 'over' | undefined {
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return undefined;
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const body = buf.subarray(start, Math.min(buf.length, start + compressed));
  try {
    return inflateRawSync(body, { maxOutputLength: Math.max(1, budget) }).length;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'over' : undefined;
  }
}
