import { describe, expect, it } from 'vitest';
import { OGORI_R4_RATINGS, OGORI_SCALE } from './build-test-plan.ts';
import { RatingScale, RollupSettings } from './plan-document.ts';
import { numericScale, ordinalScale, textScale } from './rating-scale-builders.ts';
import { type Rollup, type RollupItem, rollupAssessments } from './rollup.ts';

const scale = RatingScale.parse(OGORI_SCALE);
const settings = (s: Partial<RollupSettings> = {}) => RollupSettings.parse(s);
const ogoriItems: RollupItem[] = OGORI_R4_RATINGS.map(([code, title, p]) => ({ code, title, level: String(p) }));
const unwrap = (r: ReturnType<typeof rollupAssessments>): Rollup => {
  if (!r.ok) throw new Error(r.error.messageEn);
  return r.value;
};

describe('rollupAssessments', () => {
  it('averages Ogori R4: 1,620 points over 40 initiatives = 40.5 %', () => {
    const r = unwrap(rollupAssessments({ items: ogoriItems, scale, settings: settings() }));
    expect(r.value).toBe(40.5);
    expect(r.formatted).toBe('40.5%');
    expect(r.methodLabel).toEqual({ ja: '平均（40件の単純平均）', en: 'Mean of 40 items' });
    expect(r.coverageLabel).toEqual({ ja: '40件中40件評価済', en: '40 of 40 assessed' });
    expect([r.assessedCount, r.usedCount, r.missing, r.excluded]).toEqual([40, 40, [], []]);
  });

  it('gives a distribution whose shares add to exactly 100.0', () => {
    const r = unwrap(rollupAssessments({ items: ogoriItems, scale, settings: settings({ method: 'distribution' }) }));
    expect(r.distribution.map((d) => [d.levelKey, d.count, d.share])).toEqual([
      ['100', 5, 12.5],
      ['90', 0, 0],
      ['80', 1, 2.5],
      ['70', 2, 5],
      ['60', 2, 5],
      ['50', 4, 10],
      ['40', 2, 5],
      ['30', 6, 15],
      ['20', 14, 35],
      ['10', 4, 10],
    ]);
    expect(r.formatted).toBe('100%: 5, 80%: 1, 70%: 2, 60%: 2, 50%: 4, 40%: 2, 30%: 6, 20%: 14, 10%: 4');
    expect(r.value).toBe(null);
    expect(r.methodLabel.en).toBe('Distribution of 40 items');
  });

  it('rounds shares so they still add to 100.0 when they do not divide evenly', () => {
    const abc = ordinalScale(['A', 'B', 'C']);
    const items = ['A', 'B', 'B', 'C', 'C', 'C'].map((level, i) => ({ code: `${i}`, title: 't', level }));
    const r = unwrap(rollupAssessments({ items, scale: abc, settings: settings({ method: 'distribution' }) }));
    expect(r.formatted).toBe('A: 1, B: 2, C: 3');
    expect(r.distribution.map((d) => d.share)).toEqual([16.7, 33.3, 50]);
  });

  it('leaves a level that does not count in shares out of their denominator, still counting it', () => {
    const base = ordinalScale(['A', 'B', 'C', '未評価']);
    const abc = { ...base, levels: base.levels.map((l) => (l.key === '未評価' ? { ...l, countsInShares: false } : l)) };
    const items = ['A', 'B', 'B', 'C', '未評価', '未評価'].map((level, i) => ({ code: `${i}`, title: 't', level }));
    const r = unwrap(rollupAssessments({ items, scale: abc, settings: settings({ method: 'distribution' }) }));
    // Shares of the 4 rated items: 1/4 = 25 %, 2/4 = 50 %, 1/4 = 25 %; the 2 未評価 are counted, not shared.
    expect(r.distribution.map((d) => [d.levelKey, d.count, d.share])).toEqual([
      ['A', 1, 25],
      ['B', 2, 50],
      ['C', 1, 25],
      ['未評価', 2, null],
    ]);
    expect([r.assessedCount, r.shareBaseCount]).toEqual([6, 4]);
    const plain = unwrap(rollupAssessments({ items, scale: base, settings: settings({ method: 'distribution' }) }));
    expect([plain.distribution.map((d) => d.share), plain.shareBaseCount]).toEqual([[16.7, 33.3, 16.7, 33.3], 6]);
  });

  it('reports missing and excluded items instead of counting them (text scale)', () => {
    const text = textScale(['計画以上', '計画通り', '計画未満', '評価不能'], ['評価不能']);
    const items: RollupItem[] = [
      { code: 'a', title: 'a', level: '計画以上' },
      { code: 'b', title: 'b', level: '計画通り' },
      { code: 'c', title: 'c', level: '計画通り' },
      { code: 'd', title: 'd', level: '計画未満' },
      { code: 'e', title: 'e', level: '評価不能' },
      { code: 'f', title: 'f' },
      { code: 'g', title: 'g', level: '' },
    ];
    const r = unwrap(rollupAssessments({ items, scale: text, settings: settings() }));
    // 計画未満 1, 計画通り 2, 計画以上 3: (3 + 2 + 2 + 1) / 4
    expect(r.value).toBe(2);
    expect(r.formatted).toBe('2.0');
    expect(r.missing).toEqual(['f', 'g']);
    expect(r.excluded).toEqual(['e']);
    expect([r.totalCount, r.assessedCount, r.usedCount]).toEqual([7, 5, 4]);
    expect(r.coverageLabel).toEqual({
      ja: '7件中5件評価済、未評価2件、集計対象外の評価1件',
      en: '5 of 7 assessed; 2 missing; 1 excluded from the figure',
    });
    const dist = unwrap(rollupAssessments({ items, scale: text, settings: settings({ method: 'distribution' }) }));
    expect(dist.formatted).toBe('計画以上: 1, 計画通り: 2, 計画未満: 1, 評価不能: 1');
    expect(dist.distribution.map((d) => d.share)).toEqual([20, 40, 20, 20]);
  });

  it('weights the mean when asked', () => {
    const items = [
      { code: 'a', title: 'a', level: '100', weight: 3 },
      { code: 'b', title: 'b', level: '20' },
    ];
    const weighted = unwrap(rollupAssessments({ items, scale, settings: settings({ weighted: true }) }));
    expect(weighted.value).toBe(80);
    expect(weighted.methodLabel).toEqual({ ja: '加重平均（2件の重み付き平均）', en: 'Weighted mean of 2 items' });
    const plain = unwrap(rollupAssessments({ items, scale, settings: settings() }));
    expect(plain.value).toBe(60);
  });

  it('gives the share at or above a threshold level', () => {
    const r = unwrap(
      rollupAssessments({
        items: ogoriItems,
        scale,
        settings: settings({ method: 'share-at-or-above', threshold: '50' }),
      }),
    );
    // 100 % ×5, 80 % ×1, 70 % ×2, 60 % ×2, 50 % ×4 = 14 of 40
    expect(r.value).toBe(35);
    expect(r.formatted).toBe('35.0%');
    expect(r.methodLabel).toEqual({ ja: '「50%」以上の割合（40件中）', en: 'Share at or above "50%" (of 40 items)' });
  });

  it('fails on a threshold that is not on the scale', () => {
    const r = rollupAssessments({
      items: ogoriItems,
      scale,
      settings: settings({ method: 'share-at-or-above', threshold: '55' }),
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('rollup-threshold-invalid');
  });

  it('lists levels not on the scale and prints — when nothing counts', () => {
    const r = unwrap(
      rollupAssessments({ items: [{ code: 'x', title: 'x', level: '55' }], scale, settings: settings() }),
    );
    expect([r.value, r.formatted, r.unknown]).toEqual([null, '—', ['x']]);
  });

  it('averages a free numeric scale', () => {
    const items = [
      { code: 'a', title: 'a', level: '85' },
      { code: 'b', title: 'b', level: '40.5' },
      { code: 'c', title: 'c', level: '101' },
    ];
    const r = unwrap(rollupAssessments({ items, scale: numericScale(), settings: settings() }));
    expect([r.value, r.formatted, r.unknown]).toEqual([62.75, '62.8%', ['c']]);
    expect(r.distribution.map((d) => d.label)).toEqual(['85%', '40.5%']);
  });
});
