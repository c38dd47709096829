import type { z } from 'zod';
import {
  comparePeriods,
  type Indicator,
  type IndicatorProgress,
  type IndicatorProgressOptions,
  type IndicatorValue,
  indicatorProgress,
  type KpiVerdict,
  type PartPeriod,
  type Period,
  type PeriodTravel,
  type PeriodTravelRule,
  type ProgressBasis,
  periodTravel,
  type TargetInForce,
  type TargetRevision,
  targetInForce,
  type YearNaming,
  type YearToDate,
  yearToDate,
} from '../domain/index.ts';

/** A value reported for part of a fiscal year (a quarter or a half) with the year-to-date figure it gives. */
export interface PartYearValue {
  period: Exclude<Period, 'FY'>;
  value: IndicatorValue;
  /** From the start of the fiscal year through this period; starts again each fiscal year. */
  ytd: YearToDate;
  /** Against the period the plan declares; null when it declares none. */
  travel: PeriodTravel | null;
}

/** The plan's declared direction of travel of part-year values, with what its labels need. */
export interface PartYearTravelOptions {
  rule: PeriodTravelRule;
  startMonth: number;
  language?: 'ja' | 'en' | undefined;
}

export interface IndicatorView {
  indicator: Indicator;
  /** Achievement as of the edition's fiscal year. */
  progress: IndicatorProgress;
  /** The plan's KPI verdict (達成 / 未達成 / 測定不能) for that year; null when the plan declares none. */
  verdict: KpiVerdict | null;
  /** Whole-year values, oldest first. */
  values: IndicatorValue[];
  /** The target progress is judged against in the edition's year; null when the indicator has none. */
  targetInForce: TargetInForce | null;
  /** Earlier targets the one in force replaced, oldest first (kept so the revision stays visible). */
  targetHistory: z.output<typeof TargetRevision>[];
  /** Quarterly or half-yearly values by fiscal year, oldest first; empty for yearly reporting. */
  partYears: { fy: number; values: PartYearValue[] }[];
}

/**
 * The indicator with its whole-year and part-year values, target in force and progress as of a fiscal year, by the
 * declared basis (null: arithmetic only).
 */
export function describeIndicator(
  indicator: Indicator,
  asOfFy: number,
  planStartFy: number,
  decimals: number,
  basis: ProgressBasis | null,
  path?: IndicatorProgressOptions['path'],
  verdict: KpiVerdict | null = null,
  travel?: PartYearTravelOptions,
  naming?: YearNaming,
): IndicatorView {
  const parts = indicator.values.filter((v) => v.period !== 'FY');
  const years = [...new Set(parts.map((v) => v.fy))].sort((a, b) => a - b);
  return {
    indicator,
    progress: indicatorProgress(indicator, { asOfFy, planStartFy, decimals, basis, path, years: naming }),
    verdict,
    values: indicator.values.filter((v) => v.period === 'FY').sort((a, b) => a.fy - b.fy),
    targetInForce: indicator.kind === 'text' ? null : targetInForce(indicator, asOfFy),
    targetHistory: [...indicator.targetHistory].sort((a, b) => a.fromFy - b.fromFy),
    partYears: years.map((fy) => ({
      fy,
      values: parts
        .filter((v) => v.fy === fy)
        .sort((a, b) => comparePeriods(a.period, b.period))
        .map((v) => ({
          period: v.period as Exclude<Period, 'FY'>,
          value: v,
          ytd: yearToDate(indicator, fy, v.period),
          travel: travel
            ? periodTravel(indicator, fy, v.period as PartPeriod, travel.rule, travel.startMonth, travel.language)
            : null,
        })),
    })),
  };
}
