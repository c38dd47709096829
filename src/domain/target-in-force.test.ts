import { describe, expect, it } from 'vitest';
import { Indicator } from './plan-document.ts';
import { targetInForce } from './target-in-force.ts';

const revised = Indicator.parse({
  key: 'k',
  name: 'n',
  kind: 'level',
  target: { fy: 2024, value: 120 },
  targetHistory: [
    { fromFy: 2023, value: 110 },
    { fromFy: 2020, value: 100 },
  ],
});

describe('targetInForce', () => {
  it('picks the revision in force for each year', () => {
    expect(targetInForce(revised, 2019)?.value).toBe(100);
    expect(targetInForce(revised, 2022)).toEqual({
      value: 100,
      inForceFromFy: 2020,
      superseded: true,
      note: undefined,
    });
    expect(targetInForce(revised, 2023)?.value).toBe(110);
    // Without inForceFromFy the current target follows the newest history entry by one year.
    expect(targetInForce(revised, 2024)).toEqual({
      value: 120,
      inForceFromFy: 2024,
      superseded: false,
      note: undefined,
    });
  });

  it('uses the current target always when there is no history', () => {
    const plain = Indicator.parse({ key: 'k', name: 'n', kind: 'level', target: { fy: 2024, value: 5 } });
    expect(targetInForce(plain, 1990)).toEqual({ value: 5, inForceFromFy: null, superseded: false, note: undefined });
    expect(targetInForce({ ...plain, target: undefined }, 2022)).toBe(null);
  });
});
