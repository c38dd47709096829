/**
 * A figure followed by its unit as the unit is written: a word or symbol in Latin letters ("per 100,000", "kWh",
 * "people") after a space, a sign or a Japanese counter ("%", "‰", "人", "件") attached.
 * @example withUnit('350', 'per 100,000') // "350 per 100,000"
 * @example withUnit('41.5', '%') // "41.5%"
 */
export function withUnit(figure: string, unit: string): string {
  return /^[A-Za-z]/.test(unit) ? `${figure} ${unit}` : `${figure}${unit}`;
}
