import { describe, expect, it } from 'vitest';
import { zipBomb, zipFile } from '../../../test/security/zip-file.ts';
import { checkZipBounds } from './zip-bounds.ts';

const small = { maxEntries: 10, maxUnpackedBytes: 1024 * 1024 };

describe('checkZipBounds', () => {
  it('passes an ordinary zip and anything that is no zip at all', () => {
    const ok = zipFile([{ name: 'a.xml', data: Buffer.from('<a/>'.repeat(1000)) }]);
    expect(checkZipBounds(ok, small)).toBeUndefined();
    expect(checkZipBounds(Buffer.from('not a zip'), small)).toBeUndefined();
    expect(checkZipBounds(new Uint8Array(0), small)).toBeUndefined();
    expect(checkZipBounds(ok.subarray(0, ok.length - 30), small)).toBeUndefined();
  });

  it('refuses a zip whose declared sizes exceed the budget', () => {
    expect(checkZipBounds(zipBomb(2), small)).toBe('too-large-unpacked');
  });

  it('refuses a zip that lies about its sizes, by inflating with a cap', () => {
    const bomb = zipBomb(2, true);
    expect(bomb.length).toBeLessThan(20_000);
    expect(checkZipBounds(bomb, small)).toBe('too-large-unpacked');
  });

  it('refuses too many entries', () => {
    const many = zipFile(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('x') })));
    expect(checkZipBounds(many, small)).toBe('too-many-entries');
  });
});
