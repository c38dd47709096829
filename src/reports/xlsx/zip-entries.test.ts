import { describe, expect, it } from 'vitest';
import { zipBomb, zipFile } from '../../../test/security/zip-file.ts';
import { openZip } from './zip-entries.ts';

const small = { maxEntries: 10, maxUnpackedBytes: 1024 * 1024 };
const junk = Buffer.from('0123456789abcdef');
const problem = (f: () => unknown) => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as { problem?: string }).problem;
  }
};

describe('openZip', () => {
  it('reads the entries of an ordinary zip, also with bytes prepended', () => {
    const ok = zipFile([{ name: 'a.xml', data: Buffer.from('<a/>'.repeat(1000)) }]);
    for (const file of [ok, Buffer.concat([junk, ok])]) {
      const zip = openZip(file, small);
      expect(zip.names).toEqual(['a.xml']);
      expect(zip.read('a.xml')?.toString()).toBe('<a/>'.repeat(1000));
      expect(zip.read('b.xml')).toBeUndefined();
    }
  });

  it('refuses what is no zip, or a cut one', () => {
    const ok = zipFile([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
    expect(problem(() => openZip(Buffer.from('not a zip'), small))).toBe('not-zip');
    expect(problem(() => openZip(new Uint8Array(0), small))).toBe('not-zip');
    expect(problem(() => openZip(ok.subarray(0, ok.length - 30), small))).toBe('not-zip');
    expect(problem(() => openZip(ok.subarray(10), small).read('a.xml'))).toBe('not-zip');
  });

  it('stops inflating at the limit whatever the headers declare, and wherever the zip starts', () => {
    for (const bomb of [zipBomb(2), zipBomb(2, true), Buffer.concat([junk, zipBomb(2, true)])]) {
      expect(bomb.length).toBeLessThan(20_000);
      const zip = openZip(bomb, small);
      expect(problem(() => zip.read('xl/worksheets/sheet1.xml'))).toBe('too-large-unpacked');
    }
  });

  it('counts what all entries unpack to against one budget', () => {
    const half = Buffer.alloc(600 * 1024, 0x61);
    const zip = openZip(
      zipFile([
        { name: 'a', data: half },
        { name: 'b', data: half },
      ]),
      small,
    );
    expect(zip.read('a')?.length).toBe(half.length);
    expect(problem(() => zip.read('b'))).toBe('too-large-unpacked');
  });

  it('refuses an entry whose bytes do not match its checksum (a damaged file)', () => {
    const ok = zipFile([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
    const damaged = Buffer.from(ok);
    const central = damaged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    damaged.writeUInt32LE((damaged.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16);
    expect(openZip(ok, small).read('a.xml')?.toString()).toBe('<a/>');
    expect(problem(() => openZip(damaged, small).read('a.xml'))).toBe('not-zip');
  });

  it('refuses too many entries', () => {
    const many = zipFile(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('x') })));
    expect(problem(() => openZip(many, small))).toBe('too-many-entries');
  });
});
