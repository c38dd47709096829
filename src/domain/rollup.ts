import type { RatingScale, RollupSettings } from './plan-document.ts';
import { findLevel, levelIndex } from './rating-scale.ts';
import { err, ok, type Result } from './result.ts';
import { formatDecimal, formatPercent, sharesOfDistribution } from './round-percent.ts';

export interface RollupItem {
  code: string;
  title: string;
  /** Weight in a weighted mean; 1 when absent. */
  weight?: number | undefined;
  /** Level key of the assessment; undefined when the item has not been assessed. */
  level?: string | undefined;
}

export interface DistributionEntry {
  levelKey: string;
  label: string;
  count: number;
  /**
   * Percent of the items on levels that count in shares; the shares of one distribution add up to exactly 100
   * (by largest remainder). Null for a level the plan leaves out of shares (`countsInShares: false`).
   */
  share: number | null;
}

export interface Rollup {
  method: RollupSettings['method'];
  /** Mean score, or percent at or above the threshold; null when nothing could be counted or for a distribution. */
  value: number | null;
  formatted: string;
  totalCount: number;
  /** Items with a known level (excluded levels included). */
  assessedCount: number;
  /** Items that entered the value. */
  usedCount: number;
  /** Items the distribution's shares are percentages of: assessed items on levels that count in shares. */
  shareBaseCount: number;
  /** Codes with no assessment: reported, never counted as 0. */
  missing: string[];
  /** Codes rated on an excluded level (評価不能). */
  excluded: string[];
  /** Codes whose level is not on the scale. */
  unknown: string[];
  /** Codes on a level without a number, which a mean cannot use. */
  unscored: string[];
  /** Highest level first, as printed. */
  distribution: DistributionEntry[];
  methodLabel: { ja: string; en: string };
  coverageLabel: { ja: string; en: string };
}

function distributionOf(
  scale: RatingScale,
  levels: string[],
  decimals: number,
  mode: RollupSettings['shareRounding'],
): { entries: DistributionEntry[]; shareBase: number } {
  const keys =
    scale.kind === 'numeric'
      ? [...new Set(levels)].sort((a, b) => Number(b) - Number(a))
      : [...scale.levels]
          .reverse()
          .filter((l) => l.countsAs === undefined)
          .map((l) => l.key);
  // A sub-code (countsAs) is counted as its main level, so its share is the main level's.
  const pooled = levels.map((l) => findLevel(scale, l)?.countsAs ?? l);
  const counts = keys.map((k) => pooled.filter((l) => l === k).length);
  const inShares = keys.map((k) => findLevel(scale, k)?.countsInShares !== false);
  const shares = sharesOfDistribution(
    counts.map((c, i) => (inShares[i] ? c : 0)),
    decimals,
    mode,
  );
  const entries = keys.map((k, i) => ({
    levelKey: k,
    label: findLevel(scale, k)?.label ?? k,
    count: counts[i] ?? 0,
    share: inShares[i] ? (shares[i] ?? 0) : null,
  }));
  return { entries, shareBase: counts.reduce((sum, c, i) => sum + (inShares[i] ? c : 0), 0) };
}

/**
 * Rolls up one fiscal year's assessments of a set of items (plan, goal or 課) by the plan's method, and says
 * how: what was counted, what was missing and what was excluded.
 * @example rollupAssessments({ items, scale: percentageScale(10), settings }).value.formatted // "40.5%"
 */
export function rollupAssessments(input: {
  items: readonly RollupItem[];
  scale: RatingScale;
  settings: RollupSettings;
}): Result<Rollup> {
  const { items, scale, settings } = input;
  const decimals = settings.decimals;
  const missing: string[] = [];
  const excluded: string[] = [];
  const unknown: string[] = [];
  const unscored: string[] = [];
  const counted: { item: RollupItem; key: string; score: number | null }[] = [];
  for (const item of items) {
    if (item.level === undefined || item.level === '') {
      missing.push(item.code);
      continue;
    }
    const level = findLevel(scale, item.level);
    if (!level) unknown.push(item.code);
    else if (level.excluded) excluded.push(item.code);
    else counted.push({ item, key: level.key, score: level.score });
  }
  const assessedLevels = items
    .filter((i) => !missing.includes(i.code) && !unknown.includes(i.code))
    .map((i) => findLevel(scale, i.level as string)?.key as string);
  const assessedCount = assessedLevels.length;
  const { entries: distribution, shareBase } = distributionOf(scale, assessedLevels, decimals, settings.shareRounding);
  const unit = scale.unit ?? (scale.kind === 'percentage' ? '%' : '');

  let value: number | null = null;
  let used = counted;
  let methodLabel: Rollup['methodLabel'];
  if (settings.method === 'mean') {
    used = counted.filter((c) => c.score !== null);
    unscored.push(...counted.filter((c) => c.score === null).map((c) => c.item.code));
    const weightOf = (c: (typeof used)[number]) => (settings.weighted ? (c.item.weight ?? 1) : 1);
    const totalWeight = used.reduce((s, c) => s + weightOf(c), 0);
    value = totalWeight > 0 ? used.reduce((s, c) => s + weightOf(c) * (c.score as number), 0) / totalWeight : null;
    methodLabel = settings.weighted
      ? { ja: `加重平均（${used.length}件の重み付き平均）`, en: `Weighted mean of ${used.length} items` }
      : { ja: `平均（${used.length}件の単純平均）`, en: `Mean of ${used.length} items` };
  } else if (settings.method === 'share-at-or-above') {
    const threshold = settings.threshold === undefined ? undefined : findLevel(scale, settings.threshold);
    if (!threshold || threshold.excluded) {
      return err(
        'rollup-threshold-invalid',
        `集計の基準となる評価段階「${settings.threshold ?? ''}」が評価尺度「${scale.name}」にありません`,
        `Threshold level "${settings.threshold ?? ''}" is not a counted level of scale "${scale.key}"`,
      );
    }
    const atOrAbove = (key: string) =>
      scale.kind === 'numeric'
        ? Number(key) >= (threshold.score ?? Number.POSITIVE_INFINITY)
        : levelIndex(scale, key) >= levelIndex(scale, threshold.key);
    value = used.length > 0 ? (used.filter((c) => atOrAbove(c.key)).length * 100) / used.length : null;
    methodLabel = {
      ja: `「${threshold.label}」以上の割合（${used.length}件中）`,
      en: `Share at or above "${threshold.labelEn ?? threshold.label}" (of ${used.length} items)`,
    };
  } else {
    methodLabel = { ja: `分布（${assessedCount}件）`, en: `Distribution of ${assessedCount} items` };
  }

  let formatted: string;
  if (settings.method === 'distribution') {
    formatted = distribution
      .filter((d) => d.count > 0)
      .map((d) => `${d.label}: ${d.count}`)
      .join(', ');
  } else if (value === null) formatted = '—';
  else if (settings.method === 'share-at-or-above') formatted = formatPercent(value, decimals);
  else formatted = `${formatDecimal(value, decimals, { grouping: true })}${unit}`;

  return ok({
    method: settings.method,
    value,
    formatted,
    totalCount: items.length,
    assessedCount,
    usedCount: settings.method === 'distribution' ? assessedCount : used.length,
    shareBaseCount: shareBase,
    missing,
    excluded,
    unknown,
    unscored,
    distribution,
    methodLabel,
    coverageLabel: coverageLabel(items.length, assessedCount, missing.length, excluded.length, unknown.length),
  });
}

function coverageLabel(total: number, assessed: number, missing: number, excluded: number, unknown: number) {
  const ja = [`${total}件中${assessed}件評価済`];
  const en = [`${assessed} of ${total} assessed`];
  if (missing > 0) {
    ja.push(`未評価${missing}件`);
    en.push(`${missing} missing`);
  }
  if (excluded > 0) {
    ja.push(`集計対象外の評価${excluded}件`);
    en.push(`${excluded} excluded from the figure`);
  }
  if (unknown > 0) {
    ja.push(`評価尺度にない値${unknown}件`);
    en.push(`${unknown} with a level not on the scale`);
  }
  return { ja: ja.join('、'), en: en.join('; ') };
}
