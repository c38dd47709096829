import type { Indicator } from './indicator-schema.ts';
import { formatDecimal, formatQuantity } from './round-percent.ts';

/**
 * A value of an indicator as the indicator writes its values: with the decimal places it declares (a birth rate
 * of 7 per mille printed 7.0), else with as many as the value has.
 * @example indicatorQuantity({ decimals: 1 }, 7) // "7.0"
 * @example indicatorQuantity({}, 1234.5) // "1,234.5"
 */
export function indicatorQuantity(indicator: Pick<Indicator, 'decimals'>, x: number): string {
  return indicator.decimals === undefined
    ? formatQuantity(x)
    : formatDecimal(x, indicator.decimals, { grouping: true });
}

/** Decimal places a number is written with (6.45 → 2); what an indicator's declared `decimals` must not be below. */
export function decimalPlacesOf(x: number): number {
  const text = String(x);
  if (/e/i.test(text)) return 0;
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}

/**
 * Why a value cannot be entered for an indicator with declared decimal places, in both languages; null when it
 * can. The form and the 課 workbook both ask this, so a refusal reads the same wherever the value was typed.
 */
export function finerThanDeclared(
  indicator: Pick<Indicator, 'decimals'>,
  x: number,
): { ja: string; en: string } | null {
  const d = indicator.decimals;
  if (d === undefined || decimalPlacesOf(x) <= d) return null;
  return {
    ja: `この指標は小数${d}桁までで入力します（${x}）`,
    en: `This indicator takes ${d} decimal place${d === 1 ? '' : 's'} at most (${x})`,
  };
}
