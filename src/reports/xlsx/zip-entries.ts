import { crc32, inflateRawSync } from 'node:zlib';

/**
 * What an uploaded workbook may unpack to. A 課 workbook is well under 1 MB unpacked and a whole plan's workbook
 * a few MB, so 32 MB is generous; the bytes are counted as they are inflated, never taken from the headers.
 */
export const ZIP_LIMITS = { maxEntries: 2000, maxUnpackedBytes: 32 * 1024 * 1024 };

export type ZipProblem = 'not-zip' | 'too-many-entries' | 'too-large-unpacked';

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem);
  }
}

export interface ZipArchive {
  names: string[];
  /** The entry's bytes, or undefined when there is no such entry. Counts against the archive's budget. */
  read(name: string): Buffer | undefined;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  method: number;
  flags: number;
  compressed: number;
  crc: number;
  local: number;
}

/**
 * Opens a zip for reading entry by entry. Entries are inflated only when read, each with a hard output cap of
 * what is left of `maxUnpackedBytes`, so a bomb stops at the limit whatever its headers claim. Bytes in front of
 * the archive (a self-extractor stub, junk) shift every offset; the shift is measured from where the central
 * directory really ends, as unzip tools do, so prepending bytes neither hides an entry from the count nor lets
 * another reader inflate what this one did not. Throws ZipError.
 */
export function openZip(data: Uint8Array, limits = ZIP_LIMITS): ZipArchive {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new ZipError('not-zip');
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const claimed = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || claimed === 0xffffffff) throw new ZipError('not-zip'); // zip64: no workbook needs it
  if (count > limits.maxEntries) throw new ZipError('too-many-entries');
  const start = eocd - size;
  if (start < 0) throw new ZipError('not-zip');
  const shift = start - claimed;
  const entries = new Map<string, Entry>();
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== CENTRAL) throw new ZipError('not-zip');
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, {
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      compressed: buf.readUInt32LE(at + 20),
      local: buf.readUInt32LE(at + 42) + shift,
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  let budget = limits.maxUnpackedBytes;
  return {
    names: [...entries.keys()],
    read(name) {
      const e = entries.get(name);
      if (!e) return undefined;
      const out = unpack(buf, e, budget);
      budget -= out.length;
      // A damaged file is refused, not read as whatever its damaged bytes happen to inflate to.
      if (crc32(out) !== e.crc) throw new ZipError('not-zip');
      return out;
    },
  };
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

function unpack(buf: Buffer, e: Entry, budget: number): Buffer {
  if (e.flags & 1) throw new ZipError('not-zip'); // encrypted
  if (e.local < 0 || e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== LOCAL) throw new ZipError('not-zip');
  const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
  if (start + e.compressed > buf.length) throw new ZipError('not-zip');
  const body = buf.subarray(start, start + e.compressed);
  if (e.method === 0) {
    if (body.length > budget) throw new ZipError('too-large-unpacked');
    return body;
  }
  if (e.method !== 8) throw new ZipError('not-zip');
  try {
    return inflateRawSync(body, { maxOutputLength: Math.max(1, budget) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError('too-large-unpacked');
    throw new ZipError('not-zip');
  }
}
