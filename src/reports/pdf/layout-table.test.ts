import { describe, expect, it } from 'vitest';
import { layoutTable, splitRow, type TableStyle } from './layout-table.ts';
import type { TableModel } from './pdf-model.ts';

// One unit per character at size 1, so a 10 pt font fits (width − 2·padX) / 10 characters per line.
const measure = (s: string) => [...s].length;
const style: TableStyle = { fontSize: 10, smallSize: 8, leading: 1.5, padX: 5, padY: 5 };

const table: TableModel = {
  widths: [1, 3],
  rows: [
    {
      cells: [
        { lines: ['現状'], role: 'label' },
        { lines: ['あいうえおかきくけこさしすせそ', 'たちつてと', 'なにぬねの'], bullets: true },
      ],
    },
  ],
};

describe('layoutTable', () => {
  it('places columns by relative width and wraps with a hanging bullet', () => {
    const [row] = layoutTable(table, 200, measure, style);
    expect(row!.cells.map((c) => [c.x, c.width])).toEqual([
      [0, 50],
      [50, 150],
    ]);
    // 140 pt inner width less the bullet's 10 pt: 13 characters of 10 pt per line.
    expect(row!.cells[1]!.lines).toEqual([
      { text: '・あいうえおかきくけこさしす', indent: 0, paragraph: 0, bullet: true },
      { text: 'せそ', indent: 10, paragraph: 0 },
      { text: '・たちつてと', indent: 0, paragraph: 1, bullet: true },
      { text: '・なにぬねの', indent: 0, paragraph: 2, bullet: true },
    ]);
    expect(row!.cells[1]!.paragraphEnds).toEqual([1, 2, 3]);
    expect(row!.height).toBe(4 * 15 + 10);
  });
});

describe('splitRow', () => {
  it('splits at a paragraph end, repeats the label, and loses no line', () => {
    const [row] = layoutTable(table, 200, measure, style);
    const parts = splitRow(row!, 3 * 15 + 10, style, '（続き）');
    expect(parts).toBeDefined();
    const [first, rest] = parts!;
    expect(first.cells[1]!.lines.map((l) => l.text)).toEqual(['・あいうえおかきくけこさしす', 'せそ', '・たちつてと']);
    expect(rest.cells[1]!.lines.map((l) => l.text)).toEqual(['・なにぬねの']);
    expect(rest.cells[0]!.lines.map((l) => l.text)).toEqual(['現状', '（続き）']);
    expect(first.height).toBe(3 * 15 + 10);
  });

  it('refuses when not one line fits', () => {
    const [row] = layoutTable(table, 200, measure, style);
    expect(splitRow(row!, 20, style, '（続き）')).toBeUndefined();
  });
});
