import { describe, expect, it } from 'vitest';
import { INDICATOR_KIND, keyOfValueLabel, LIFECYCLE_STATUS, valueKeys, valueLabels } from './value-sets.ts';

describe('value sets', () => {
  it('give each value one label per language', () => {
    expect(valueLabels(INDICATOR_KIND, 'ja')).toEqual({
      cumulative: '期間の累計',
      level: '到達水準',
      milestone: '達成・未達成',
      text: '数値目標なし',
    });
    expect(valueLabels(LIFECYCLE_STATUS, 'en')).toEqual({
      active: 'Active',
      completed: 'Completed',
      abolished: 'Abolished',
      merged: 'Merged',
      split: 'Split',
    });
    expect(valueKeys(LIFECYCLE_STATUS)).toEqual(['active', 'completed', 'abolished', 'merged', 'split']);
  });

  it('read back today’s labels in either language and the ones earlier releases wrote', () => {
    expect(
      ['到達水準', 'Level reached', '水準', '到達する水準'].map((l) => keyOfValueLabel(INDICATOR_KIND, l)),
    ).toEqual(['level', 'level', 'level', 'level']);
    expect(keyOfValueLabel(INDICATOR_KIND, '累計')).toBe('cumulative');
    expect(keyOfValueLabel(LIFECYCLE_STATUS, '統合')).toBe('merged');
    expect(keyOfValueLabel(LIFECYCLE_STATUS, '休止')).toBeUndefined();
  });
});
