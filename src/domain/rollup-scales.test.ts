import { describe, expect, it } from 'vitest';
import { RollupSettings } from './plan-document.ts';
import { numericScale, ordinalScale, percentageScale, textScale, trafficLightScale } from './rating-scale-builders.ts';
import { type Rollup, type RollupItem, rollupAssessments } from './rollup.ts';

/**
 * Every scale type under every roll-up method, each with missing and (where the scale has one) excluded items;
 * rollup.test.ts covers Ogori's 10 % scale. Expected figures are worked out in the comments.
 */

const settings = (s: Partial<RollupSettings> = {}) => RollupSettings.parse(s);
const items = (...levels: (string | undefined)[]): RollupItem[] =>
  levels.map((level, i) => ({ code: String.fromCharCode(97 + i), title: `item ${i}`, level }));
const run = (input: Parameters<typeof rollupAssessments>[0]): Rollup => {
  const r = rollupAssessments(input);
  if (!r.ok) throw new Error(r.error.messageEn);
  return r.value;
};

describe('percentage scale in 25 % steps', () => {
  const scale = percentageScale(25);
  const xs = items('100', '75', '75', '25', undefined, '0');

  it('means the scores and lists the missing item', () => {
    // (100 + 75 + 75 + 25 + 0) ÷ 5 = 55
    const r = run({ items: xs, scale, settings: settings() });
    expect([r.value, r.formatted, r.missing, r.usedCount]).toEqual([55, '55.0%', ['e'], 5]);
  });

  it('gives the distribution and the share at or above 75 %', () => {
    expect(run({ items: xs, scale, settings: settings({ method: 'distribution' }) }).formatted).toBe(
      '100%: 1, 75%: 2, 25%: 1, 0%: 1',
    );
    // 3 of 5 counted items
    const share = run({ items: xs, scale, settings: settings({ method: 'share-at-or-above', threshold: '75' }) });
    expect([share.value, share.formatted, share.missing]).toEqual([60, '60.0%', ['e']]);
  });
});

describe('free numeric scale 0–100', () => {
  const scale = numericScale();
  const xs = items('85', '40.5', undefined, '120');

  it('means the valid numbers; missing and out-of-range are listed, not counted', () => {
    // (85 + 40.5) ÷ 2 = 62.75
    const r = run({ items: xs, scale, settings: settings({ decimals: 2 }) });
    expect([r.value, r.formatted, r.missing, r.unknown]).toEqual([62.75, '62.75%', ['c'], ['d']]);
  });
});

describe('ordinal A–D with definitions', () => {
  const scale = ordinalScale([
    { key: 'A', definition: '目標を上回った', score: 4 },
    { key: 'B', definition: '概ね達成', score: 3 },
    { key: 'C', definition: '未達成', score: 2 },
    { key: 'D', definition: '着手できていない', score: 1 },
  ]);
  // A ×12, B ×20, C ×5, and 1-38 not assessed
  const levels = [...Array(12).fill('A'), ...Array(20).fill('B'), ...Array(5).fill('C'), undefined];
  const xs: RollupItem[] = levels.map((level, i) => ({ code: `1-${i + 1}`, title: `取組${i + 1}`, level }));

  it('prints the distribution as "A: 12, B: 20, C: 5" with shares adding to 100', () => {
    const r = run({ items: xs, scale, settings: settings({ method: 'distribution' }) });
    expect(r.formatted).toBe('A: 12, B: 20, C: 5');
    // 12 ÷ 37 = 32.43…, 20 ÷ 37 = 54.05…, 5 ÷ 37 = 13.51… → 32.4 + 54.1 + 13.5 = 100.0
    expect(r.distribution.map((d) => d.share)).toEqual([32.4, 54.1, 13.5, 0]);
    expect([r.missing, r.coverageLabel.ja]).toEqual([['1-38'], '38件中37件評価済、未評価1件']);
  });

  it('means the scores and gives the share at or above B', () => {
    // (12·4 + 20·3 + 5·2) ÷ 37 = 118 ÷ 37 = 3.189…
    const mean = run({ items: xs, scale, settings: settings({ decimals: 2 }) });
    expect([mean.value?.toFixed(6), mean.formatted]).toEqual(['3.189189', '3.19']);
    // 32 of 37 = 86.486… %
    const share = run({ items: xs, scale, settings: settings({ method: 'share-at-or-above', threshold: 'B' }) });
    expect([share.formatted, share.methodLabel.ja]).toEqual(['86.5%', '「B」以上の割合（37件中）']);
  });

  it('weights the mean, leaving missing items out of the weights', () => {
    const weighted: RollupItem[] = [
      { code: 'x', title: 'x', level: 'A', weight: 3 },
      { code: 'y', title: 'y', level: 'C', weight: 1 },
      { code: 'z', title: 'z', weight: 5 },
    ];
    // (3·4 + 1·2) ÷ (3 + 1) = 3.5; z's weight 5 does not count
    const r = run({ items: weighted, scale, settings: settings({ weighted: true }) });
    expect([r.value, r.formatted, r.missing]).toEqual([3.5, '3.5', ['z']]);
  });
});

describe('text levels with 評価不能 excluded', () => {
  const scale = textScale(['計画以上', '計画通り', '計画未満', '評価不能'], ['評価不能']);
  const xs = items('計画以上', '計画通り', '計画通り', '計画未満', '評価不能', undefined);

  it('leaves 評価不能 out of the share and the weighted mean, and lists it', () => {
    // 計画通り or above: 3 of the 4 counted items
    const share = run({ items: xs, scale, settings: settings({ method: 'share-at-or-above', threshold: '計画通り' }) });
    expect([share.value, share.excluded, share.missing, share.usedCount]).toEqual([75, ['e'], ['f'], 4]);
    const weighted = run({
      items: xs.map((x, i) => ({ ...x, weight: i + 1 })),
      scale,
      settings: settings({ weighted: true, decimals: 2 }),
    });
    // (1·3 + 2·2 + 3·2 + 4·1) ÷ (1 + 2 + 3 + 4) = 17 ÷ 10
    expect([weighted.value, weighted.formatted, weighted.excluded]).toEqual([1.7, '1.70', ['e']]);
  });

  it('refuses an excluded level as the threshold', () => {
    const r = rollupAssessments({
      items: xs,
      scale,
      settings: settings({ method: 'share-at-or-above', threshold: '評価不能' }),
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('rollup-threshold-invalid');
  });
});

describe('traffic lights', () => {
  const scale = trafficLightScale();
  const xs = items('green', 'green', 'amber', 'red', undefined, 'green');

  it('counts colours, means their scores and gives the share that is green', () => {
    const dist = run({ items: xs, scale, settings: settings({ method: 'distribution' }) });
    expect(dist.formatted).toBe('緑（順調）: 3, 黄（注意）: 1, 赤（遅れ）: 1');
    expect(dist.distribution.map((d) => [d.levelKey, d.count, d.share])).toEqual([
      ['green', 3, 60],
      ['amber', 1, 20],
      ['red', 1, 20],
    ]);
    // green 3, amber 2, red 1: (3·3 + 2 + 1) ÷ 5 = 2.4
    const mean = run({ items: xs, scale, settings: settings() });
    expect([mean.value, mean.formatted, mean.missing]).toEqual([2.4, '2.4', ['e']]);
    const green = run({ items: xs, scale, settings: settings({ method: 'share-at-or-above', threshold: 'green' }) });
    expect([green.formatted, green.methodLabel.en]).toEqual([
      '60.0%',
      'Share at or above "Green (on track)" (of 5 items)',
    ]);
  });

  it('prints — when every item is missing, never 0', () => {
    const r = run({ items: items(undefined, ''), scale, settings: settings() });
    expect([r.value, r.formatted, r.missing, r.coverageLabel.en]).toEqual([
      null,
      '—',
      ['a', 'b'],
      '0 of 2 assessed; 2 missing',
    ]);
  });
});
