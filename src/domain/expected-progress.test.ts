import { describe, expect, it } from 'vitest';
import { expectedProgress } from './expected-progress.ts';

describe('expectedProgress', () => {
  it('advances evenly over the period and stays within 0–100', () => {
    const period = { startFy: 2022, endFy: 2024 };
    expect(expectedProgress(2022, period)).toBe(100 / 3);
    expect(expectedProgress(2024, period)).toBe(100);
    expect(expectedProgress(2030, period)).toBe(100);
    expect(expectedProgress(2020, period)).toBe(0);
  });
});
