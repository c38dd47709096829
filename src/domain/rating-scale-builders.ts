import type { RatingLevel, RatingScale } from './plan-document.ts';

/**
 * Builders for common scales, for templates and tests. They take levels as plans print their legends,
 * highest first (S, A, B, C), and return the stored form, lowest first.
 */

export interface ScaleNames {
  key?: string;
  name?: string;
  nameEn?: string;
}

/** A level as given to a builder: its label (also its key), or the full description. */
export type LevelSpec =
  | string
  | { key: string; label?: string; labelEn?: string; definition?: string; score?: number | null };

function build(kind: RatingScale['kind'], specs: readonly LevelSpec[], excluded: readonly string[], names: ScaleNames) {
  const lowestFirst = [...specs].reverse();
  let rank = 0;
  const levels: RatingLevel[] = lowestFirst.map((spec) => {
    const s = typeof spec === 'string' ? { key: spec } : spec;
    const isExcluded = excluded.includes(s.key);
    // Unexcluded levels count 1, 2, 3… from the lowest unless a score is given.
    if (!isExcluded) rank += 1;
    const level: RatingLevel = {
      key: s.key,
      label: s.label ?? s.key,
      score: s.score !== undefined ? s.score : isExcluded ? null : rank,
      excluded: isExcluded,
    };
    if (s.labelEn) level.labelEn = s.labelEn;
    if (s.definition) level.definition = s.definition;
    return level;
  });
  return { key: names.key ?? kind, name: names.name ?? '評価', nameEn: names.nameEn, kind, levels } as RatingScale;
}

/**
 * Percentages in equal steps, e.g. Ogori's 目標達成率 10 %–100 %.
 * @example percentageScale(25).levels.map((l) => l.key) // ["0", "25", "50", "75", "100"]
 */
export function percentageScale(step: number, options: ScaleNames & { includeZero?: boolean } = {}): RatingScale {
  const { includeZero = true, key = 'achievement-rate', name = '目標達成率', nameEn = 'Achievement rate' } = options;
  const levels: RatingLevel[] = [];
  for (let n = includeZero ? 0 : step; n <= 100; n += step) {
    levels.push({ key: String(n), label: `${n}%`, score: n, excluded: false });
  }
  return { key, name, nameEn, kind: 'percentage', levels, unit: '%' };
}

/**
 * Letters with definitions, highest first; scores 1, 2, 3… from the lowest unless given.
 * @example ordinalScale([{ key: 'A', definition: '計画以上' }, 'B', 'C']).levels[0].key // "C"
 */
export function ordinalScale(levels: readonly LevelSpec[], options: ScaleNames = {}): RatingScale {
  return build('ordinal', levels, [], { key: 'grade', ...options });
}

/**
 * Text levels, highest first; `excluded` ones (評価不能) are shown but left out of averages.
 * @example textScale(['計画以上', '計画通り', '計画未満', '評価不能'], ['評価不能'])
 */
export function textScale(levels: readonly LevelSpec[], excluded: readonly string[] = [], options: ScaleNames = {}) {
  return build('text', levels, excluded, { key: 'status', ...options });
}

/**
 * 緑・黄・赤 with English labels and design-token colours.
 * @example trafficLightScale().levels.map((l) => l.key) // ["red", "amber", "green"]
 */
export function trafficLightScale(options: ScaleNames = {}): RatingScale {
  const scale = build(
    'traffic-light',
    [
      { key: 'green', label: '緑（順調）', labelEn: 'Green (on track)' },
      { key: 'amber', label: '黄（注意）', labelEn: 'Amber (at risk)' },
      { key: 'red', label: '赤（遅れ）', labelEn: 'Red (off track)' },
    ],
    [],
    { key: 'traffic-light', name: '進捗状況', nameEn: 'Status', ...options },
  );
  const colors: Record<string, string> = { green: 'success', amber: 'warning', red: 'error' };
  return { ...scale, levels: scale.levels.map((l) => ({ ...l, color: colors[l.key] })) };
}

/**
 * Free entry of a number between min and max (e.g. 0–100 %).
 * @example numericScale().kind // "numeric"
 */
export function numericScale(options: ScaleNames & { min?: number; max?: number; unit?: string } = {}): RatingScale {
  const { min = 0, max = 100, unit = '%', key = 'score', name = '達成度', nameEn = 'Score' } = options;
  return { key, name, nameEn, kind: 'numeric', levels: [], min, max, unit };
}
