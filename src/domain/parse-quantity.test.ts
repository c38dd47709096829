import { describe, expect, it } from 'vitest';
import { parseQuantity } from './parse-quantity.ts';
import { quantityInputText } from './quantity-input-text.ts';

const value = (input: string | number | null, unit = '') => {
  const r = parseQuantity(input, unit);
  return r.ok ? r.value : r.error.code;
};

describe('parseQuantity', () => {
  it('reads numbers as people type them', () => {
    expect(value('87.6%', '%')).toBe(87.6);
    expect(value('87.6％', '%')).toBe(87.6);
    expect(value('87.6パーセント', '%')).toBe(87.6);
    expect(value('1,234')).toBe(1234);
    expect(value('１，２３４件', '件')).toBe(1234);
    expect(value('３５ 人', '人')).toBe(35);
    expect(value(' 12,345,678.5 ')).toBe(12345678.5);
    expect(value('１２．５')).toBe(12.5);
    expect(value('-5', '%')).toBe(-5);
    expect(value('−5')).toBe(-5);
    expect(value('△1,200', '千円')).toBe(-1200);
    expect(value('▲3')).toBe(-3);
    expect(value('10,000フォロワー', 'フォロワー')).toBe(10000);
    expect(value('0')).toBe(0);
    expect(value('-0')).toBe(0);
  });

  it('reads empty as missing, never as 0', () => {
    expect(value('')).toBeNull();
    expect(value('　 ')).toBeNull();
    expect(value(null)).toBeNull();
  });

  it('refuses words, another unit, misplaced separators and exponents, with a message', () => {
    expect(value('約80', '%')).toBe('not-a-number');
    expect(value('80人', '件')).toBe('wrong-unit');
    expect(parseQuantity('80人', '件')).toEqual({
      ok: false,
      error: {
        code: 'wrong-unit',
        message: '単位は「件」で入力するか、数値だけを入力してください',
        messageEn: 'Use the unit "件" or type the number alone',
      },
    });
    expect(value('80件')).toBe('wrong-unit');
    expect(value('1,23')).toBe('separator');
    expect(value('12,3456')).toBe('separator');
    expect(value('1e23')).toBe('not-a-number');
    expect(value('1.2.3')).toBe('not-a-number');
    expect(value('--5')).toBe('not-a-number');
    expect(value('５−３')).toBe('not-a-number');
  });

  it('refuses more digits than a double holds exactly, so nothing is shown back as 1e+23', () => {
    expect(value('123456789012345')).toBe(123456789012345);
    expect(value('1234567890123456')).toBe('too-precise');
    expect(value('100000000000000000000000')).toBe('too-precise');
    expect(value('0.000000000000001')).toBe(0.000000000000001);
    expect(value('1.00000000000000000')).toBe(1);
    expect(value('3.1415926535897932')).toBe('too-precise');
    expect(parseQuantity('99999999999999999999999')).toEqual({
      ok: false,
      error: {
        code: 'too-precise',
        message: '桁数が多すぎます（有効数字15桁まで）',
        messageEn: 'Too many digits (at most 15 significant digits)',
      },
    });
  });

  it('takes a workbook number cell to the 15 digits a spreadsheet shows', () => {
    expect(value(87.59999999999999)).toBe(87.6);
    expect(value(0.1 + 0.2)).toBe(0.3);
    expect(value(1234)).toBe(1234);
    expect(value(1e23)).toBe('too-precise');
    expect(value(Number.NaN)).toBe('too-precise');
    expect(value(-0)).toBe(0);
  });
});

describe('quantityInputText', () => {
  it('writes plain digits that parseQuantity reads back to the same number', () => {
    for (const n of [0, 1234, -5, 87.6, 0.000001, 0.000000000000001, 123456789012345, 0.3])
      expect(value(quantityInputText(n))).toBe(n);
    expect(quantityInputText(0.000001)).toBe('0.000001');
    expect(quantityInputText(123456789012345)).toBe('123456789012345');
  });
});
