import { describe, expect, it } from 'vitest';
import { rowHeight, textColumns } from './row-height.ts';

const wrapped = (width: number) => ({ header: '', width, wrap: true });

describe('rowHeight', () => {
  it('counts full-width characters as two columns', () => {
    expect([textColumns('abc'), textColumns('あいう'), textColumns('１２３'), textColumns('令和5年度')]).toEqual([
      3, 6, 6, 9,
    ]);
  });

  it('gives each wrapped cell the lines its text takes at the column width, and the row its tallest cell', () => {
    // 18 columns of text in 9 usable columns: 2 lines; 60 in 19: 4 lines (3 full and a part).
    expect(rowHeight(['あ'.repeat(9)], [wrapped(10)])).toBe(33);
    expect(rowHeight(['あ'.repeat(30)], [wrapped(20)])).toBe(63);
    // Each line of the text wraps on its own: "abc" and "def" are one line each.
    expect(rowHeight(['abc\ndef', 'x'], [wrapped(10), wrapped(10)])).toBe(33);
    expect(rowHeight(['短い', 'い'.repeat(20)], [wrapped(10), wrapped(41)])).toBe(18);
  });

  it('leaves out hidden and unwrapped columns and stops at Excel’s largest row', () => {
    expect(rowHeight(['あ'.repeat(100)], [{ header: '', width: 10 }])).toBe(18);
    expect(rowHeight(['あ'.repeat(100)], [{ ...wrapped(10), hidden: true }])).toBe(18);
    expect(rowHeight(['x\n'.repeat(40)], [wrapped(10)])).toBe(409);
  });
});
