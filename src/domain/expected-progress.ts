/**
 * Where progress should be by a fiscal year if it advanced evenly over the plan period: after the first of
 * three years, 33.3…%.
 * @example expectedProgress(2022, { startFy: 2022, endFy: 2024 }) // 33.33…
 */
export function expectedProgress(fy: number, period: { startFy: number; endFy: number }): number {
  const years = period.endFy - period.startFy + 1;
  const elapsed = Math.min(years, Math.max(0, fy - period.startFy + 1));
  return (elapsed * 100) / years;
}
