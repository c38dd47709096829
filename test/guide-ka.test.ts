import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUIDE_SHOT_SIZE, GUIDE_SHOTS } from '../scripts/guide-shots.ts';

const DOCS = path.resolve(import.meta.dirname, '../docs');
const guide = readFileSync(path.join(DOCS, 'guide-ka.md'), 'utf8');

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('docs/guide-ka.md and its screenshots', () => {
  it('shows exactly the screenshots npm run guide-shots takes, in its order, with the same alt text', () => {
    const images = [...guide.matchAll(/!\[([^\]]*)\]\(guide-ka\/([^)]+)\)/g)].map((m) => ({ file: m[2], alt: m[1] }));
    expect(images).toEqual(GUIDE_SHOTS.map((s) => ({ file: s.file, alt: s.alt })));
  });

  it('has each screenshot as a PNG of the size the script takes', () => {
    for (const s of GUIDE_SHOTS) {
      expect(pngSize(path.join(DOCS, 'guide-ka', s.file)), s.file).toEqual(GUIDE_SHOT_SIZE);
    }
  });
});
