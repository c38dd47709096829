import { describe, expect, it } from 'vitest';
import { expectedProgress, ragStatus } from './rag-status.ts';

describe('expectedProgress', () => {
  it('advances evenly over the period and stays within 0–100', () => {
    const period = { startFy: 2022, endFy: 2024 };
    expect(expectedProgress(2022, period)).toBe(100 / 3);
    expect(expectedProgress(2024, period)).toBe(100);
    expect(expectedProgress(2030, period)).toBe(100);
    expect(expectedProgress(2020, period)).toBe(0);
  });
});

describe('ragStatus', () => {
  it('compares progress with where it should be', () => {
    expect(ragStatus(40, 33.3)).toBe('green');
    expect(ragStatus(33.3, 33.3)).toBe('green');
    expect(ragStatus(25, 33.3, 10)).toBe('amber');
    expect(ragStatus(23.3, 33.3, 10)).toBe('amber');
    expect(ragStatus(23.2, 33.3, 10)).toBe('red');
    expect(ragStatus(null, 33.3)).toBe('unknown');
  });
});
