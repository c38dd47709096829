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
