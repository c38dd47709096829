import { describe, expect, it } from 'vitest';
import { directionOfTravel } from './direction-of-travel.ts';

describe('directionOfTravel', () => {
  it('compares with the previous year', () => {
    expect(directionOfTravel(40.5, 35)).toBe('up');
    expect(directionOfTravel(30, 35)).toBe('down');
    expect(directionOfTravel(35, 35)).toBe('same');
    expect(directionOfTravel(40.5, 40.49, 0.05)).toBe('same');
    expect(directionOfTravel(40.5, 40.4, 0.05)).toBe('up');
  });
  it('is unknown when a year is missing, never read as 0', () => {
    expect(directionOfTravel(10, null)).toBe('unknown');
    expect(directionOfTravel(undefined, 0)).toBe('unknown');
  });
});
