import { describe, expect, it } from 'vitest';
import { itemsToText, textToItems } from './item-lines.ts';

describe('itemsToText / textToItems', () => {
  it('keeps a note on the point it belongs to through a form or a cell (1-1 R4)', () => {
    const items = ['Web会議システム導入方法の検討\n【R4年度 車座トーク0件、出前トーク6件】', '広報活動'];
    const text = itemsToText(items);
    expect(text).toBe('Web会議システム導入方法の検討\n\u3000【R4年度 車座トーク0件、出前トーク6件】\n広報活動');
    expect(textToItems(text)).toEqual(items);
  });

  it('reads one item per trimmed line, drops blank lines, and joins indented lines to the item above', () => {
    expect(textToItems(' 検討 \r\n\r\n実施\n  【21地区】\n\t※注\n次')).toEqual(['検討', '実施\n【21地区】\n※注', '次']);
    expect(textToItems('  最初の行')).toEqual(['最初の行']);
    expect(textToItems('')).toEqual([]);
  });
});
