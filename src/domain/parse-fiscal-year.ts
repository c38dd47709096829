import { formatFiscalYear } from './fiscal-year.ts';
import { err, ok, type Result } from './result.ts';

/** Eras with their first Western year and last Western year (the last calendar year that carried the name). */
const ERAS = [
  { name: '令和', initial: 'R', first: 2019, last: undefined },
  { name: '平成', initial: 'H', first: 1989, last: 2019 },
  { name: '昭和', initial: 'S', first: 1926, last: 1989 },
  { name: '大正', initial: 'T', first: 1912, last: 1926 },
  { name: '明治', initial: 'M', first: 1868, last: 1912 },
] as const;

const MIN_FY = 1868;
const MAX_FY = 2200;

function inRange(fy: number, input: string): Result<number> {
  if (fy < MIN_FY || fy > MAX_FY) {
    return err(
      'fiscal-year-out-of-range',
      `「${input}」は扱える年度（${MIN_FY}～${MAX_FY}年度）の範囲外です`,
      `"${input}" is outside the supported years ${MIN_FY}–${MAX_FY}`,
    );
  }
  return ok(fy);
}

/**
 * Reads a fiscal year as people type it: "R4", "令和4年度", "令和元年度", "H30", "平成30年度", "2022",
 * "2022年度", "FY2022", "2025/26" (a fiscal year across two calendar years), "2025年" (a calendar-year plan's
 * year), full-width "Ｒ４". Returns the Western start year.
 *
 * The last year of an era is accepted (H31 = 2019, since April 2019 was still 平成) but a later one is not
 * (H32 → suggests R2), because such a year never existed and is usually a typo in a copied template.
 * @example parseFiscalYear('令和4年度') // { ok: true, value: 2022 }
 * @example parseFiscalYear('H32') // { ok: false, error: { code: 'era-year-out-of-range', … } }
 */
export function parseFiscalYear(input: string): Result<number> {
  // NFKC turns full-width digits and letters ("Ｒ４") into ASCII.
  const text = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (text === '') return err('empty', '年度が入力されていません', 'No fiscal year given');

  const western = /^(?:FY)?(\d{4})(?:年度|年)?$/.exec(text);
  if (western) return inRange(Number(western[1]), input);
  // A fiscal year as a British plan names it: 2025/26 (also 2025-26, 2025/2026), the year it starts in first.
  const spanning = /^(?:FY)?(\d{4})[/\-–](\d{2}|\d{4})$/.exec(text);
  if (spanning) {
    const start = Number(spanning[1]);
    const end = spanning[2]!;
    const next = end.length === 2 ? String((start + 1) % 100).padStart(2, '0') : String(start + 1);
    if (end !== next) {
      const expected = `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
      return err(
        'fiscal-year-span',
        `「${input}」は1年度ではありません（${start}年度は ${expected}）`,
        `"${input}" is not one fiscal year: the year starting in ${start} is ${expected}`,
      );
    }
    return inRange(start, input);
  }
  if (/^FY\d{1,3}$/.test(text)) {
    return err(
      'fiscal-year-needs-four-digits',
      `「${input}」は西暦4桁で入力してください（例：FY2022）`,
      `Write "${input}" with a four-digit year (e.g. FY2022)`,
    );
  }

  const japanese = /^([^\d元]+?)(元|\d{1,3})(?:年度)?$/.exec(text);
  if (!japanese) {
    return err(
      'unrecognized-fiscal-year',
      `「${input}」を年度として読めません（例：令和4年度、R4、2022）`,
      `Cannot read "${input}" as a fiscal year (e.g. R4, 令和4年度, 2022, FY2022, 2022/23)`,
    );
  }
  const [, eraText = '', yearText = ''] = japanese;
  const era = ERAS.find((e) => e.name === eraText || e.initial === eraText);
  if (!era) {
    return err(
      'unknown-era',
      `「${eraText}」は対応していない元号です（令和・平成・昭和・大正・明治、R・H・S・T・M）`,
      `Unknown era "${eraText}" (use Reiwa R, Heisei H, Showa S, Taisho T or Meiji M)`,
    );
  }
  const eraYear = yearText === '元' ? 1 : Number(yearText);
  if (eraYear === 0) {
    return err(
      'year-zero',
      `${era.name}0年度はありません（元年度が最初の年度です）`,
      `There is no year 0 of ${era.name}; the first year is 1 (元年)`,
    );
  }
  const fy = era.first + eraYear - 1;
  if (era.last !== undefined && fy > era.last) {
    const lastYear = era.last - era.first + 1;
    const suggestion = formatFiscalYear(fy);
    const suggestionShort = formatFiscalYear(fy, { style: 'short' });
    return err(
      'era-year-out-of-range',
      `${era.name}は${lastYear}年までです。${era.name}${eraYear}年度は${suggestion}（${suggestionShort}）のことですか`,
      `${era.name} ended in its year ${lastYear}; ${era.initial}${eraYear} would be FY${fy} (${suggestionShort})`,
    );
  }
  return inRange(fy, input);
}
