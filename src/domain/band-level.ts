import type { Band } from './evaluation-method.ts';

/**
 * The level of the first band (listed top down) whose lower edge a value reaches: `from` included unless
 * `inclusive` is false; a band without `from` takes everything left. Null when no band takes the value.
 * Values are compared as given: round them first (applyRounding), as the plan declares.
 * @example bandLevel([{ level: 'A', from: 90, inclusive: true }, { level: 'B', inclusive: true }], 90) // "A"
 */
export function bandLevel(bands: readonly Band[], value: number): string | null {
  for (const band of bands) {
    if (band.from === undefined) return band.level;
    if (value > band.from || (band.inclusive && value === band.from)) return band.level;
  }
  return null;
}
