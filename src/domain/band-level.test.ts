import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandLevel } from './band-level.ts';
import { applyRounding } from './declared-rounding.ts';
import { Band } from './evaluation-method.ts';

// Expected-path bands: A ≥ 100, B+ > 90 (half-open from above), B ≥ 60, C otherwise.
const bands = [
  { level: 'A', from: 100 },
  { level: 'B+', from: 90, inclusive: false },
  { level: 'B', from: 60 },
  { level: 'C' },
].map((b) => Band.parse(b));
const oneDecimal = { mode: 'half-up', decimals: 1 } as const;
const tenth = 0.1;

describe('bandLevel', () => {
  it('puts 37.8 ÷ 42.0 = 90.0 % (89.99999999999999 in binary) at the 90 edge, not below it', () => {
    const raw = (37.8 * 100) / 42.0;
    expect(raw).toBeLessThan(90);
    expect(applyRounding(raw, oneDecimal)).toBe(90);
    expect(
      bandLevel(
        [
          { level: 'B+', from: 90, inclusive: true },
          { level: 'B', inclusive: true },
        ],
        applyRounding(raw, oneDecimal),
      ),
    ).toBe('B+');
    // With the 90 edge exclusive, exactly 90.0 belongs to the band below.
    expect(bandLevel(bands, applyRounding(raw, oneDecimal))).toBe('B');
  });

  it('lands values at, just below and just above every edge in the right band', () => {
    const edges = bands.filter((b) => b.from !== undefined);
    fc.assert(
      fc.property(fc.constantFrom(...edges), fc.integer({ min: 1, max: 50 }), (edge, k) => {
        const from = edge.from as number;
        const i = bands.indexOf(edge);
        const below = bands[i + 1]!.level;
        const above = applyRounding(from + k * tenth, oneDecimal);
        const under = applyRounding(from - k * tenth, oneDecimal);
        const atEdge = applyRounding(from, oneDecimal);
        // Just above stays in the band (or a higher one when it crosses the next edge up).
        const higher = bands.slice(0, i + 1).map((b) => b.level);
        expect(higher).toContain(bandLevel(bands, above));
        expect(bandLevel(bands, atEdge)).toBe(edge.inclusive ? edge.level : below);
        expect(bandLevel(bands, under)).not.toBe(edge.level);
        if (k === 1) {
          expect(bandLevel(bands, above)).toBe(edge.level);
          expect(bandLevel(bands, under)).toBe(below);
        }
      }),
    );
  });

  it('lands computed ratios at the edge after rounding, whatever binary noise the division leaves', () => {
    // a ÷ t × 100 for targets t and actuals a = t × edge / 100, printed to one decimal.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.constantFrom(60, 90, 100), (tenths, edge) => {
        const target = tenths / 10;
        const actual = (target * edge) / 100;
        const pct = applyRounding((actual * 100) / target, oneDecimal);
        expect(pct).toBe(edge);
      }),
    );
  });

  it('gives null when no band takes the value', () => {
    expect(bandLevel([{ level: 'A', from: 50, inclusive: true }], 49.9)).toBe(null);
  });
});
