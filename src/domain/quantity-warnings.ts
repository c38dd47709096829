import { formatFiscalYear } from './fiscal-year.ts';
import type { DomainError } from './result.ts';

/** How many times larger (or smaller) than the year before a value must be to be worth a second look. */
export const JUMP_FACTOR = 10;

const format = (n: number) => n.toLocaleString('ja-JP', { maximumFractionDigits: 15 });

/**
 * Warnings, never refusals, for a value that is probably mistyped: a percentage below 0 or above 100, or a value
 * ten times larger or smaller than the latest earlier year's (a slipped digit or a wrong unit). A value can be
 * right and still get a warning (a 達成率 of 120 %); the person entering it decides.
 * @example quantityWarnings({ value: 150, unit: '%' }).map((w) => w.code) // ['percent-range']
 */
export function quantityWarnings(props: {
  value: number | null;
  unit: string;
  previous?: { fy: number; value: number } | undefined;
}): DomainError[] {
  const { value, previous } = props;
  if (value === null) return [];
  const out: DomainError[] = [];
  if (props.unit.normalize('NFKC').trim() === '%' && (value < 0 || value > 100))
    out.push({
      code: 'percent-range',
      message: '割合が0～100%の範囲外です。値を確認してください',
      messageEn: 'The percentage is outside 0–100 %; please check it',
    });
  if (previous && previous.value !== 0 && value !== 0) {
    const ratio = Math.abs(value / previous.value);
    if (ratio >= JUMP_FACTOR || ratio <= 1 / JUMP_FACTOR) {
      const fy = formatFiscalYear(previous.fy);
      const fyEn = formatFiscalYear(previous.fy, { lang: 'en' });
      out.push({
        code: 'jump',
        message: `${fy}の${format(previous.value)}から${JUMP_FACTOR}倍以上変わっています。桁や単位を確認してください`,
        messageEn: `More than ${JUMP_FACTOR} times different from ${format(previous.value)} in ${fyEn}; please check the digits and the unit`,
      });
    }
  }
  return out;
}
