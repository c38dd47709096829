/**
 * Fiscal years are stored as the Western year in which they start (2022 = 令和4年度, April 2022–March 2023)
 * and shown in 和暦 through Intl's Japanese calendar, so a future era needs a runtime update, not a code change.
 */

export type FiscalYearLang = 'ja' | 'en';
export type FiscalYearStyle = 'long' | 'short' | 'both';
export interface FiscalYearFormatOptions {
  lang?: FiscalYearLang;
  style?: FiscalYearStyle;
  /** Month the fiscal year starts in; 4 in Japan. */
  startMonth?: number;
}

const tokyoDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function yearMonthOf(date: string | Date): { year: number; month: number } {
  if (date instanceof Date) {
    // A Date is an instant; the 年度 it falls in is decided by the calendar date in Japan.
    const [y, m] = tokyoDate.format(date).split('-');
    return { year: Number(y), month: Number(m) };
  }
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?/.exec(date);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`not an ISO date: "${date}"`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/**
 * The fiscal year a date falls in. Strings are calendar dates ("2023-03-31"); a Date is read in Asia/Tokyo.
 * Throws RangeError on a malformed string (validate input at the boundary first).
 * @example fiscalYearOf('2023-03-31') // 2022
 * @example fiscalYearOf('2023-04-01') // 2023
 */
export function fiscalYearOf(date: string | Date, startMonth = 4): number {
  const { year, month } = yearMonthOf(date);
  return month >= startMonth ? year : year - 1;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * First and last day of a fiscal year as ISO dates (both inclusive).
 * @example fiscalYearRange(2022) // { start: '2022-04-01', end: '2023-03-31' }
 */
export function fiscalYearRange(fy: number, startMonth = 4): { start: string; end: string } {
  const endYear = startMonth === 1 ? fy : fy + 1;
  const endMonth = startMonth === 1 ? 12 : startMonth - 1;
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  return { start: `${fy}-${pad2(startMonth)}-01`, end: `${endYear}-${pad2(endMonth)}-${pad2(lastDay)}` };
}

const eraLong = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });
const eraNarrow = new Intl.DateTimeFormat('en-US-u-ca-japanese', { era: 'narrow', year: 'numeric', timeZone: 'UTC' });

/** Era name, Latin initial ("R"; null when Intl has none) and era year of a day. */
export function japaneseEraOf(date: Date): { era: string; initial: string | null; year: number } {
  const parts = eraLong.formatToParts(date);
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const yearText = parts.find((p) => p.type === 'year')?.value ?? '';
  // Some ICU versions print the first year as "元", others as "1".
  const year = yearText === '元' ? 1 : Number(yearText);
  const initial = eraNarrow.formatToParts(date).find((p) => p.type === 'era')?.value ?? '';
  return { era, initial: /^[A-Z]$/.test(initial) ? initial : null, year };
}

const fiscalYearEras = new Map<number, ReturnType<typeof japaneseEraOf>>();

/**
 * The era that covers most of a fiscal year names it: FY2019 is 令和元年度 although April 2019 was 平成,
 * and FY1988 stays 昭和63年度. The middle of the fiscal year decides, kept inside the start year so that
 * the era year counts from the same calendar year.
 */
function eraOfFiscalYear(fy: number, startMonth: number) {
  // Pages print dozens of years each; asking ICU every time showed up in profiles. The answer never changes.
  const key = fy * 100 + startMonth;
  let era = fiscalYearEras.get(key);
  if (!era) {
    const middle = Math.min(startMonth - 1 + 6, 11);
    era = japaneseEraOf(new Date(Date.UTC(fy, middle, 1)));
    fiscalYearEras.set(key, era);
  }
  return era;
}

/**
 * Prints a fiscal year.
 * @example formatFiscalYear(2022) // "令和4年度"
 * @example formatFiscalYear(2019) // "令和元年度"
 * @example formatFiscalYear(2022, { style: 'short' }) // "R4"
 * @example formatFiscalYear(2022, { style: 'both' }) // "令和4年度（2022年度）"
 * @example formatFiscalYear(2022, { lang: 'en' }) // "FY2022"
 */
export function formatFiscalYear(fy: number, options: FiscalYearFormatOptions = {}): string {
  const { lang = 'ja', style = 'long', startMonth = 4 } = options;
  const era = eraOfFiscalYear(fy, startMonth);
  const short = era.initial ? `${era.initial}${era.year}` : `${era.era}${era.year}`;
  if (lang === 'en') return style === 'both' ? `FY${fy} (${short})` : `FY${fy}`;
  if (style === 'short') return short;
  const long = `${era.era}${era.year === 1 ? '元' : era.year}年度`;
  return style === 'both' ? `${long}（${fy}年度）` : long;
}

/**
 * Prints a calendar year (for indicators counted by 年, e.g. 観光客数 in 2022年).
 * @example formatCalendarYear(2022) // "2022年"
 * @example formatCalendarYear(2022, { style: 'both' }) // "2022年（令和4年）"
 * @example formatCalendarYear(2022, { lang: 'en' }) // "CY2022"
 */
export function formatCalendarYear(year: number, options: { lang?: FiscalYearLang; style?: FiscalYearStyle } = {}) {
  const { lang = 'ja', style = 'long' } = options;
  if (lang === 'en') return `CY${year}`;
  if (style !== 'both') return `${year}年`;
  // The era at the end of the year: 2019年 is 令和元年 in everyday use.
  const era = japaneseEraOf(new Date(Date.UTC(year, 11, 31)));
  return `${year}年（${era.era}${era.year === 1 ? '元' : era.year}年）`;
}

/**
 * Prints a span of fiscal years as plans do.
 * @example formatFiscalYearSpan(2022, 2024) // "令和4年度～令和6年度"
 * @example formatFiscalYearSpan(2022, 2024, { lang: 'en' }) // "FY2022–FY2024"
 */
export function formatFiscalYearSpan(startFy: number, endFy: number, options: FiscalYearFormatOptions = {}): string {
  const from = formatFiscalYear(startFy, options);
  if (startFy === endFy) return from;
  const to = formatFiscalYear(endFy, options);
  return options.lang === 'en' ? `${from}–${to}` : `${from}～${to}`;
}
