import type { Indicator } from './plan-document.ts';

export interface TargetInForce {
  value: number | null;
  /** First fiscal year this target applied; null when it has applied from the start. */
  inForceFromFy: number | null;
  /** True when an earlier target from `targetHistory` applies, not the current one. */
  superseded: boolean;
  note?: string | undefined;
}

/**
 * The target that applied in a fiscal year. Progress for a year is judged against the target in force
 * then, so a target raised in 2024 does not make 2022's result look worse after the fact.
 * Years before the oldest recorded revision get the oldest target we know.
 * @example targetInForce({ …, target: { fy: 2024, value: 12, inForceFromFy: 2024 },
 *   targetHistory: [{ fromFy: 2022, value: 10 }] }, 2023) // { value: 10, inForceFromFy: 2022, superseded: true }
 */
export function targetInForce(indicator: Indicator, fy: number): TargetInForce | null {
  const history = [...indicator.targetHistory].sort((a, b) => a.fromFy - b.fromFy);
  const current = indicator.target;
  const newest = history.at(-1);
  const currentFrom = current?.inForceFromFy ?? (newest ? newest.fromFy + 1 : null);
  if (current && (currentFrom === null || fy >= currentFrom)) {
    return { value: current.value, inForceFromFy: currentFrom, superseded: false, note: current.note };
  }
  const earlier = history.filter((h) => h.fromFy <= fy).at(-1) ?? history[0];
  if (!earlier) return null;
  return { value: earlier.value, inForceFromFy: earlier.fromFy, superseded: true, note: earlier.note };
}
