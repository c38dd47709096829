import { describe, expect, it } from 'vitest';
import { withUnit } from './unit-text.ts';

describe('withUnit', () => {
  it('puts a space before a unit written in words, none before a sign or a Japanese counter', () => {
    expect(
      [
        ['350', 'per 100,000'],
        ['4,350', 'kWh'],
        ['41.5', '%'],
        ['2.0', '‰'],
        ['6', '人'],
        ['12', ''],
      ].map(([figure, unit]) => withUnit(figure!, unit!)),
    ).toEqual(['350 per 100,000', '4,350 kWh', '41.5%', '2.0‰', '6人', '12']);
  });
});
