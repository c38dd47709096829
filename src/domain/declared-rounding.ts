import type { Rounding } from './evaluation-method.ts';
import { roundHalfUp } from './round-percent.ts';

/**
 * A computed figure as the decimal it stands for, rounded the way the plan declares. Binary noise is absorbed
 * first (15 significant digits), so 37.8 ÷ 42.0 × 100 is 90 under every mode, never 89.99999999999999.
 * @example applyRounding(89.96, { mode: 'truncate', decimals: 1 }) // 89.9
 * @example applyRounding((37.8 * 100) / 42, { mode: 'none', decimals: 1 }) // 90
 */
export function applyRounding(x: number, rounding: Rounding): number {
  const clean = Number(x.toPrecision(15));
  if (rounding.mode === 'none') return clean;
  if (rounding.mode === 'half-up') return roundHalfUp(clean, rounding.decimals);
  const text = String(Math.abs(clean));
  // Exponent forms only occur below 1e-6 (truncates to 0) or above 1e21 (no decimals left to cut).
  if (text.includes('e')) return Math.abs(clean) < 1 ? 0 : clean;
  const [whole = '0', frac = ''] = text.split('.');
  const cut = Number(`${whole}.${frac.slice(0, rounding.decimals)}`);
  return clean < 0 && cut !== 0 ? -cut : cut;
}
