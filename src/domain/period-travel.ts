import { z } from 'zod';
import { type DirectionOfTravel, directionOfTravel } from './direction-of-travel.ts';
import { formatIndicatorPeriod } from './format-indicator-period.ts';
import { indicatorQuantity } from './indicator-quantity.ts';
import type { Indicator } from './indicator-schema.ts';
import { HALVES, MONTHS, type PartPeriod, QUARTERS } from './reporting-period.ts';

/**
 * What a part-year value (a quarter, a half, a month) is compared with, when the plan declares it:
 * - previous-period: the period just before (Q2 with Q1; Q1 with the previous year's Q4);
 * - same-period-last-year: the same period a year earlier (2025 Q2 with 2024 Q2).
 */
export const PeriodTravelRule = z.object({ against: z.enum(['previous-period', 'same-period-last-year']) });
export type PeriodTravelRule = z.output<typeof PeriodTravelRule>;

export interface PeriodTravel {
  against: PeriodTravelRule['against'];
  /** The value compared with; null when that period has no actual (never read as 0). */
  comparedWith: { fy: number; period: PartPeriod; actual: number } | null;
  /** Whether the figure rose or fell. */
  change: DirectionOfTravel;
  /** Better or worse by the indicator's direction; null when its direction is unknown (the change is still shown). */
  assessment: 'better' | 'worse' | 'same' | null;
  arrow: '↑' | '↓' | '→' | '';
  /** E.g. 「前期比 ↑ 改善（令和7年度 第1四半期（4～6月） 120 → 150）」. */
  text: { ja: string; en: string };
}

const SEQUENCES: readonly (readonly PartPeriod[])[] = [QUARTERS, HALVES, MONTHS];

/** The period a value is compared with under the rule. */
function comparedPeriod(fy: number, period: PartPeriod, against: PeriodTravelRule['against']) {
  if (against === 'same-period-last-year') return { fy: fy - 1, period };
  const seq = SEQUENCES.find((s) => s.includes(period)) ?? QUARTERS;
  const i = seq.indexOf(period);
  return i > 0 ? { fy, period: seq[i - 1]! } : { fy: fy - 1, period: seq.at(-1)! };
}

const ARROWS: Record<DirectionOfTravel, PeriodTravel['arrow']> = { up: '↑', down: '↓', same: '→', unknown: '' };
const LABEL = {
  'previous-period': { ja: '前期比', en: 'vs previous period' },
  'same-period-last-year': { ja: '前年同期比', en: 'vs same period last year' },
};
const WORDS = {
  better: { ja: '改善', en: 'better' },
  worse: { ja: '悪化', en: 'worse' },
  same: { ja: '横ばい', en: 'no change' },
  up: { ja: '増加', en: 'up' },
  down: { ja: '減少', en: 'down' },
};

/**
 * The direction of travel of one part-year actual against the period the plan declares, direction-aware: a
 * lower-is-better figure that fell is better. A missing value on either side gives no arrow, never a 0.
 * @example periodTravel(calls, 2025, 'Q2', { against: 'previous-period' }, 4)?.text.ja // "前期比 ↑ 改善（… 120 → 150）"
 */
export function periodTravel(
  indicator: Pick<Indicator, 'values' | 'direction' | 'yearBasis' | 'decimals'>,
  fy: number,
  period: PartPeriod,
  rule: PeriodTravelRule,
  startMonth: number,
  language?: 'ja' | 'en',
): PeriodTravel {
  const actualOf = (y: number, p: PartPeriod) => {
    const a = indicator.values.find((v) => v.fy === y && v.period === p)?.actual;
    return typeof a === 'number' ? a : null;
  };
  const current = actualOf(fy, period);
  const other = comparedPeriod(fy, period, rule.against);
  const previous = actualOf(other.fy, other.period);
  const change = directionOfTravel(current, previous);
  const dir = indicator.direction;
  const assessment =
    change === 'unknown' || dir === 'unknown'
      ? null
      : change === 'same'
        ? 'same'
        : (change === 'up') === (dir !== 'lower')
          ? 'better'
          : 'worse';
  const label = LABEL[rule.against];
  const text = (lang: 'ja' | 'en') => {
    if (current === null || previous === null) {
      return `${label[lang]} ${lang === 'ja' ? '比べる値なし' : 'nothing to compare with'}`;
    }
    const word = WORDS[assessment ?? (change as 'up' | 'down' | 'same')][lang];
    const when = formatIndicatorPeriod(indicator, other.fy, other.period, { lang, startMonth, language });
    const figures = `${when} ${indicatorQuantity(indicator, previous)} → ${indicatorQuantity(indicator, current)}`;
    return `${label[lang]} ${ARROWS[change]} ${word}${lang === 'ja' ? `（${figures}）` : ` (${figures})`}`;
  };
  return {
    against: rule.against,
    comparedWith: previous === null ? null : { ...other, actual: previous },
    change,
    assessment,
    arrow: ARROWS[change],
    text: { ja: text('ja'), en: text('en') },
  };
}
