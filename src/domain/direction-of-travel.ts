export type DirectionOfTravel = 'up' | 'down' | 'same' | 'unknown';

/**
 * Whether a figure rose or fell since the previous year. Differences within `tolerance` count as the same,
 * so a rating printed 40.5 % after 40.49 % does not show an arrow. A missing year is unknown, not 0.
 * @example directionOfTravel(40.5, 35) // "up"
 */
export function directionOfTravel(
  current: number | null | undefined,
  previous: number | null | undefined,
  tolerance = 0,
): DirectionOfTravel {
  if (current === null || current === undefined || previous === null || previous === undefined) return 'unknown';
  const delta = current - previous;
  if (Math.abs(delta) <= tolerance) return 'same';
  return delta > 0 ? 'up' : 'down';
}
