import { err, ok, type Result } from './result.ts';

/**
 * The most significant digits a value may carry: beyond 15 a double no longer holds every decimal number
 * exactly, so 12345678901234567 would be stored as …568 and printed back as 1.2345678901234568e+16.
 */
export const MAX_SIGNIFICANT_DIGITS = 15;

/** Marks people write a negative number with in Japanese public accounts (△5 = −5), besides the minus signs. */
const MINUS = /^[-−‐‑–▲△]/;

const normUnit = (unit: string) => unit.normalize('NFKC').replace(/\s+/g, '');

/**
 * Reads a quantity as people type it: full-width digits, thousands separators, a minus sign or △, and the
 * indicator's own unit after the number (87.6%, 1,234件, ３５ 人). Empty is missing (null), never 0. Refused:
 * words ("約80"), another unit, misplaced separators ("1,23"), exponents, and numbers a double cannot hold
 * exactly (more than 15 significant digits), so a value is never shown back as 1e+23.
 * @example parseQuantity('１，２３４件', '件') // { ok: true, value: 1234 }
 * @example parseQuantity('87.6%', '%') // { ok: true, value: 87.6 }
 */
export function parseQuantity(input: string | number | null, unit = ''): Result<number | null> {
  if (input === null) return ok(null);
  if (typeof input === 'number') return fromCell(input);
  let s = input.normalize('NFKC').replace(/\s+/g, '');
  if (s === '') return ok(null);
  const u = normUnit(unit);
  if (u && s.endsWith(u)) s = s.slice(0, -u.length);
  else if (u === '%' && s.endsWith('パーセント')) s = s.slice(0, -'パーセント'.length);
  const negative = MINUS.test(s);
  if (negative) s = s.slice(1);
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) {
    const rest = /^[\d,.]+(\D.*)$/.exec(s)?.[1];
    if (rest && !/[\d,.]/.test(rest))
      return err(
        'wrong-unit',
        u
          ? `単位は「${unit}」で入力するか、数値だけを入力してください`
          : `数値だけを入力してください（「${rest}」は不要です）`,
        u ? `Use the unit "${unit}" or type the number alone` : `Type the number alone (without "${rest}")`,
      );
    if (/^[\d,]+(\.\d+)?$/.test(s))
      return err(
        'separator',
        '桁区切りのカンマは3桁ごとにしてください（例: 1,234）',
        'Put thousands separators every three digits (e.g. 1,234)',
      );
    return err('not-a-number', '数値で入力してください（例: 1,234）', 'Type a number (e.g. 1,234)');
  }
  return fromText(negative, m[1]!.replace(/,/g, ''), m[2] ?? '');
}

const tooPrecise = () =>
  err(
    'too-precise',
    `桁数が多すぎます（有効数字${MAX_SIGNIFICANT_DIGITS}桁まで）`,
    `Too many digits (at most ${MAX_SIGNIFICANT_DIGITS} significant digits)`,
  );

/** Digits that carry the value: the integer part without leading zeros, the fraction without trailing ones. */
function significantDigits(int: string, frac: string): number {
  const i = int.replace(/^0+/, '');
  const f = frac.replace(/0+$/, '');
  return i ? i.length + f.length : f.replace(/^0+/, '').length;
}

function fromText(negative: boolean, int: string, frac: string): Result<number | null> {
  if (significantDigits(int, frac) > MAX_SIGNIFICANT_DIGITS) return tooPrecise();
  const value = Number(`${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`);
  return ok(Object.is(value, -0) ? 0 : value);
}

/**
 * A number cell of a workbook is a double already; spreadsheets store 87.6 as 87.59999999999999, so it is read
 * to 15 significant digits (what Excel shows), and refused only when its integer part alone is longer.
 */
function fromCell(value: number): Result<number | null> {
  if (!Number.isFinite(value) || Math.abs(value) >= 10 ** MAX_SIGNIFICANT_DIGITS) return tooPrecise();
  const rounded = Number(value.toPrecision(MAX_SIGNIFICANT_DIGITS));
  return ok(Object.is(rounded, -0) ? 0 : rounded);
}
