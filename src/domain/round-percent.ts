/**
 * Rounding and printing of percentages the way a 市役所 prints them: half-up (四捨五入) on the decimal the
 * number stands for, so 40.45 prints as 40.5 even though the nearest double is 40.4499999…
 */

/** Splits |x| into its decimal digits and the position of the decimal point. */
function decimalDigits(x: number): { digits: string; pointAt: number } {
  // 15 significant digits absorbs binary noise such as 0.1 * 3 * 100 = 30.000000000000004, and String()
  // then gives the shortest decimal that reads back as the same double.
  const text = String(Math.abs(Number(x.toPrecision(15))));
  const [mantissa = '0', exponent] = text.split('e');
  const [intPart = '0', fracPart = ''] = mantissa.split('.');
  return { digits: intPart + fracPart, pointAt: intPart.length + (exponent ? Number(exponent) : 0) };
}

/** x × 10^decimals rounded half away from zero, as an exact non-negative integer, plus the sign. */
function roundedUnits(x: number, decimals: number): { negative: boolean; units: bigint } {
  if (!Number.isFinite(x)) throw new RangeError(`cannot round ${x}`);
  const { digits, pointAt } = decimalDigits(x);
  const cut = pointAt + decimals;
  const kept = cut <= 0 ? '0' : digits.slice(0, cut).padEnd(cut, '0');
  const next = cut < 0 ? '0' : (digits[cut] ?? '0');
  const units = BigInt(kept) + (next >= '5' ? 1n : 0n);
  return { negative: x < 0 && units > 0n, units };
}

function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Prints x rounded half-up to `decimals` places, keeping trailing zeros.
 * @example formatDecimal(40.45, 1) // "40.5"
 * @example formatDecimal(1234.5, 0, { grouping: true }) // "1,235"
 */
export function formatDecimal(x: number, decimals: number, options: { grouping?: boolean } = {}): string {
  const { negative, units } = roundedUnits(x, decimals);
  const text = units.toString().padStart(decimals + 1, '0');
  const intPart = text.slice(0, text.length - decimals);
  const fracPart = text.slice(text.length - decimals);
  const whole = options.grouping ? groupThousands(intPart) : intPart;
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${fracPart}` : ''}`;
}

/**
 * Rounds half-up (away from zero) to `decimals` places.
 * @example roundHalfUp(40.45, 1) // 40.5
 * @example roundHalfUp(-2.5, 0) // -3
 */
export function roundHalfUp(x: number, decimals = 0): number {
  return Number(formatDecimal(x, decimals));
}

/**
 * Prints a percentage, e.g. for a mean of 1,620 points over 40 items. Japanese documents use the same
 * half-width "%" as English, so `lang` only matters for the empty value.
 * @example formatPercent(40.5, 1) // "40.5%"
 * @example formatPercent(null, 1, 'en') // "n/a"
 */
export function formatPercent(x: number | null, decimals = 1, lang: 'ja' | 'en' = 'ja'): string {
  if (x === null) return lang === 'ja' ? '—' : 'n/a';
  return `${formatDecimal(x, decimals, { grouping: true })}%`;
}

/**
 * Prints a measured value with thousands separators and as many decimals as it has (up to 6), for formulas
 * such as "8,104 ÷ 10,000".
 * @example formatQuantity(390846) // "390,846"
 */
export function formatQuantity(x: number): string {
  const { digits, pointAt } = decimalDigits(x);
  const fractionDigits = Math.min(6, Math.max(0, digits.replace(/0+$/, '').length - pointAt));
  return formatDecimal(x, fractionDigits, { grouping: true });
}

/**
 * Percentage shares of counts, rounded so that they add up to exactly 100 (largest-remainder method,
 * ties to the earlier entry), or per item half-up or truncated when the plan declares so. All-zero counts give
 * all-zero shares.
 * @example sharesOfDistribution([1, 1, 1], 1) // [33.4, 33.3, 33.3]
 * @example sharesOfDistribution([1, 1, 1], 1, 'half-up') // [33.3, 33.3, 33.3]
 */
export function sharesOfDistribution(
  counts: readonly number[],
  decimals = 1,
  mode: 'largest-remainder' | 'half-up' | 'truncate' = 'largest-remainder',
): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  if (mode !== 'largest-remainder') {
    // Exact integer arithmetic in units of 10^-decimals percent: c × 100 × 10^d ÷ total, cut or rounded half-up.
    const units = 100n * 10n ** BigInt(decimals);
    const scale = 10 ** decimals;
    return counts.map((c) => {
      const n = BigInt(c) * units;
      const q = n / BigInt(total);
      const up = mode === 'half-up' && (n % BigInt(total)) * 2n >= BigInt(total) ? 1n : 0n;
      return Number(q + up) / scale;
    });
  }
  // Work in integer units of 10^-decimals percent so the sum is exact.
  const unitsTotal = 100n * 10n ** BigInt(decimals);
  const big = counts.map((c) => BigInt(c) * unitsTotal);
  const floors = big.map((b) => b / BigInt(total));
  const remainders = big.map((b, i) => ({ i, r: b % BigInt(total) }));
  let left = unitsTotal - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left -= 1n;
  }
  const scale = 10 ** decimals;
  return floors.map((u) => Number(u) / scale);
}
