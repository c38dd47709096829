import type { PlanDocument, StatedFigure } from './plan-document.ts';
import type { LintFinding } from './plan-lint.ts';
import { planRollup } from './plan-rollup.ts';
import { findLevel } from './rating-scale.ts';
import { formatDecimal, sharesOfDistribution } from './round-percent.ts';
import { decimalsOf, figureWording, statedCountFindings } from './stated-count-findings.ts';

export interface Computed {
  value: number;
  /** How we got it, e.g. "10件 ÷ 16件". */
  basis: { ja: string; en: string };
  what: { ja: string; en: string };
  unit: string;
  /** Share methods: the items counted on (or at or above) the level, and the items they are a share of. */
  counts?: { count: number; of: number };
}

/** What a stated figure measures, as lint and the published pages name it: 平均, 「B」以上の割合, 「A」の割合. */
export function statedFigureWhat(plan: PlanDocument, figure: StatedFigure): { ja: string; en: string } {
  const scale =
    figure.scale === undefined ? plan.ratingScales[0] : plan.ratingScales.find((s) => s.key === figure.scale);
  const label = (figure.level && scale && findLevel(scale, figure.level)?.label) ?? figure.level ?? '';
  if (figure.method === 'mean') return { ja: '平均', en: 'mean' };
  if (figure.method === 'share-at-or-above')
    return { ja: `「${label}」以上の割合`, en: `share at or above "${label}"` };
  return { ja: `「${label}」の割合`, en: `share of "${label}"` };
}

/**
 * The figure computed from the items' ratings by the stated figure's method, with how (「10件 ÷ 16件」); null for a
 * figure of a period inside the year or when there is nothing to compute from.
 */
export function computeStatedFigure(plan: PlanDocument, figure: StatedFigure): Computed | null {
  // Ratings are kept per fiscal year; a figure for a period inside the year has no items to be checked against.
  if (figure.period !== undefined && figure.period !== 'FY') return null;
  const method = figure.method === 'share-of-level' ? 'distribution' : figure.method;
  const settings = { ...plan.rollup, method, threshold: figure.level };
  const rolled = planRollup({ ...plan, rollup: settings } as PlanDocument, figure.fy, {
    scope: figure.scope === undefined ? 'plan' : { goal: figure.scope },
    ...(figure.scale !== undefined && { scale: figure.scale }),
  });
  if (!rolled.ok) return null;
  const r = rolled.value;
  const scale = plan.ratingScales.find((s) => s.key === r.scaleKey);
  const what = statedFigureWhat(plan, figure);
  if (figure.method === 'mean') {
    if (r.value === null) return null;
    return {
      value: r.value,
      basis: { ja: `${r.usedCount}件の平均`, en: `mean of ${r.usedCount} items` },
      what,
      unit: scale?.unit ?? (scale?.kind === 'percentage' ? '%' : ''),
    };
  }
  if (figure.method === 'share-at-or-above') {
    if (r.value === null) return null;
    const count = Math.round((r.value * r.usedCount) / 100);
    return {
      value: r.value,
      basis: { ja: `${count}件 ÷ ${r.usedCount}件`, en: `${count} ÷ ${r.usedCount}` },
      what,
      unit: '%',
      counts: { count, of: r.usedCount },
    };
  }
  const index = r.distribution.findIndex((d) => d.levelKey === figure.level);
  const entry = r.distribution[index];
  if (!entry || entry.share === null || r.shareBaseCount === 0) return null;
  // The share as the plan rounds shares (the portal prints the same), at the precision the source printed, of
  // the levels that count in shares.
  const shares = sharesOfDistribution(
    r.distribution.map((d) => (d.share === null ? 0 : d.count)),
    decimalsOf(figure.value ?? 0),
    plan.rollup.shareRounding,
  );
  return {
    value: shares[index] ?? 0,
    basis: { ja: `${entry.count}件 ÷ ${r.shareBaseCount}件`, en: `${entry.count} ÷ ${r.shareBaseCount}` },
    what,
    unit: '%',
    counts: { count: entry.count, of: r.shareBaseCount },
  };
}

/**
 * Lint findings (`source-rounding`) for figures the source prints that differ from what we compute from the
 * ratings, compared at the precision the source used: a stated 62.6 % against 10 of 16 (62.5 %) is flagged, a
 * stated 63 % is not. We publish our figure; the finding tells staff why it differs from the paper.
 * @example statedFigureFindings(minamikaze)[0].message // "令和6年度の「B」以上の割合は原本で62.6%ですが、…62.5%…"
 */
export function statedFigureFindings(plan: PlanDocument): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const figure of plan.statedFigures ?? []) {
    const computed = computeStatedFigure(plan, figure);
    findings.push(...statedCountFindings(plan, figure, computed?.counts));
    if (!computed || figure.value === undefined) continue;
    const decimals = decimalsOf(figure.value);
    const ours = formatDecimal(computed.value, decimals);
    const theirs = formatDecimal(figure.value, decimals);
    if (ours === theirs) continue;
    const { fyJa, fyEn, scopeJa, scopeEn, source } = figureWording(plan, figure);
    findings.push({
      severity: 'warning',
      code: 'source-rounding',
      nodeCode: figure.scope ?? null,
      message: `${fyJa}の${scopeJa}${computed.what.ja}は${source}で${theirs}${computed.unit}ですが、評価から計算すると${ours}${computed.unit}（${computed.basis.ja}）です`,
      messageEn: `${fyEn}: the ${computed.what.en}${scopeEn} is printed as ${theirs}${computed.unit} in the source but computes to ${ours}${computed.unit} (${computed.basis.en})`,
      data: {
        fy: figure.fy,
        method: figure.method,
        stated: figure.value,
        computed: computed.value,
        source: figure.source,
      },
    });
  }
  return findings;
}
