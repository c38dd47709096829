import { z } from 'zod';

/** Western start year of a fiscal year, e.g. 2022 for 令和4年度. */
export const FiscalYear = z.number().int().min(1868).max(2200);

/**
 * Periods inside a fiscal year, counted from the plan's fiscal-year start month (April, January or any other):
 * "FY" is the whole year, H1/H2 its halves, Q1–Q4 its quarters and M01–M12 its months (M01 is the first month of
 * the fiscal year, so April in an April plan and January in a calendar-year one).
 */
export const PERIODS = [
  'FY',
  'H1',
  'H2',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'M01',
  'M02',
  'M03',
  'M04',
  'M05',
  'M06',
  'M07',
  'M08',
  'M09',
  'M10',
  'M11',
  'M12',
] as const;
export const Period = z.enum(PERIODS);
/** A period shorter than the whole year. */
export const PartPeriod = Period.exclude(['FY']);
export type Period = z.output<typeof Period>;
export type PartPeriod = Exclude<Period, 'FY'>;

/** Months of the fiscal year a period covers: the first (0 = the start month) and how many. */
export function periodSpan(period: Period): { first: number; months: number } {
  if (period === 'FY') return { first: 0, months: 12 };
  const n = Number(period.slice(1));
  if (period.startsWith('M')) return { first: n - 1, months: 1 };
  if (period.startsWith('Q')) return { first: (n - 1) * 3, months: 3 };
  return { first: (n - 1) * 6, months: 6 };
}

/** The periods of one length in fiscal-year order: the months, quarters or halves. */
export const MONTHS = PERIODS.filter((p): p is PartPeriod => p.startsWith('M'));
export const QUARTERS: PartPeriod[] = ['Q1', 'Q2', 'Q3', 'Q4'];
export const HALVES: PartPeriod[] = ['H1', 'H2'];

/**
 * Order of a year's values in tables: by the month a period ends, shorter periods first, the whole year last
 * (M03, Q1, M06, Q2, H1, …, Q4, H2, FY).
 */
export function comparePeriods(a: Period, b: Period): number {
  const end = (p: Period) => periodSpan(p).first + periodSpan(p).months;
  return end(a) - end(b) || periodSpan(a).months - periodSpan(b).months;
}

/**
 * How a part-year value is reported (its outturn type):
 * - `increment`: the amount in that period alone (a discrete period); year to date sums them;
 * - `year-to-date`: the cumulative figure since the start of the fiscal year;
 * - `snapshot`: the level at the end of the period (e.g. a waiting list on 31 December);
 * - `rolling-12-months`: the figure over the 12 months ending with the period.
 */
export const PeriodBasis = z.enum(['increment', 'year-to-date', 'snapshot', 'rolling-12-months']);
export type PeriodBasis = z.output<typeof PeriodBasis>;

/**
 * When a value was reported, kept apart from the year and period it measures (`fy`/`period` of the value): a
 * statistic published a year late is reported in 2026 but measures 2025 and is compared with 2025's target.
 */
export const ReportedIn = z.object({
  fy: FiscalYear,
  period: Period.default('FY'),
});
export type ReportedIn = z.output<typeof ReportedIn>;

/**
 * When a value was reported, where that is not the year and period it measures; undefined when it was reported
 * in its own period (or nothing says otherwise), so readers only see the date where it tells them something.
 * @example reportedApart({ fy: 2024, period: 'FY', reportedIn: { fy: 2025, period: 'Q3' } }) // { fy: 2025, period: 'Q3' }
 */
export function reportedApart(value: {
  fy: number;
  period: Period;
  reportedIn?: ReportedIn | undefined;
}): ReportedIn | undefined {
  const r = value.reportedIn;
  return r && (r.fy !== value.fy || r.period !== value.period) ? r : undefined;
}
