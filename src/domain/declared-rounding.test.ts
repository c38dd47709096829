import { describe, expect, it } from 'vitest';
import { applyRounding } from './declared-rounding.ts';

describe('applyRounding', () => {
  it('rounds half-up, truncates or only cleans binary noise, as declared', () => {
    expect(applyRounding(89.95, { mode: 'half-up', decimals: 1 })).toBe(90);
    expect(applyRounding(89.96, { mode: 'truncate', decimals: 1 })).toBe(89.9);
    expect(applyRounding(0.3, { mode: 'truncate', decimals: 1 })).toBe(0.3);
    expect(applyRounding(-16.04, { mode: 'truncate', decimals: 1 })).toBe(-16);
    expect(applyRounding((37.8 * 100) / 42, { mode: 'none', decimals: 1 })).toBe(90);
    expect(applyRounding(40.45, { mode: 'half-up', decimals: 1 })).toBe(40.5);
    expect(applyRounding(2 / 3, { mode: 'truncate', decimals: 0 })).toBe(0);
  });
});
