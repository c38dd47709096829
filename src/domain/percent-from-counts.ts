import { formatPercent, roundHalfUp } from './round-percent.ts';

export interface PercentFromCounts {
  /** Unrounded percent; null when the whole is 0. */
  exact: number | null;
  /** Rounded by the stated rule. */
  value: number | null;
  formatted: string;
  formula: { ja: string; en: string };
  rule: { ja: string; en: string };
}

/**
 * The stated rounding rule for printed percentages: half-up (四捨五入) at the place after the last decimal shown.
 * @example roundingRule(1).ja // "小数第2位を四捨五入"
 */
export function roundingRule(decimals: number): { ja: string; en: string } {
  const en = `rounded half up to ${decimals} decimal place${decimals === 1 ? '' : 's'}`;
  return { ja: decimals === 0 ? '小数第1位を四捨五入' : `小数第${decimals + 1}位を四捨五入`, en };
}

/**
 * A percentage we compute from the underlying counts (never copied from a source), with the formula and the
 * rounding rule to print beside it.
 * @example percentFromCounts(10, 16, 1).formula.ja // "10件 ÷ 16件 = 62.5%（小数第2位を四捨五入）"
 */
export function percentFromCounts(part: number, whole: number, decimals = 1, unit = '件'): PercentFromCounts {
  const rule = roundingRule(decimals);
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0 || whole < 0 || part > whole) {
    throw new RangeError(`counts must be whole numbers with 0 ≤ part ≤ whole (got ${part} of ${whole})`);
  }
  if (whole === 0) {
    return {
      exact: null,
      value: null,
      formatted: formatPercent(null),
      formula: { ja: `対象${0}${unit}のため計算できません`, en: 'no items to count' },
      rule,
    };
  }
  const exact = (part * 100) / whole;
  const formatted = formatPercent(exact, decimals);
  return {
    exact,
    value: roundHalfUp(exact, decimals),
    formatted,
    formula: {
      ja: `${part}${unit} ÷ ${whole}${unit} = ${formatted}（${rule.ja}）`,
      en: `${part} ÷ ${whole} = ${formatted} (${rule.en})`,
    },
    rule,
  };
}
