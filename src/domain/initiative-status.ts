import { bandLevel } from './band-level.ts';
import { applyRounding } from './declared-rounding.ts';
import { type DirectionOfTravel, directionOfTravel } from './direction-of-travel.ts';
import type { StatusRule } from './evaluation-method.ts';
import { expectedProgress } from './expected-progress.ts';
import { yearNamingOf } from './indicator-progress.ts';
import { type KpiProgress, kpiProgress } from './kpi-progress.ts';
import { isItemNode, nodeTypeOf } from './node-type.ts';
import type { PlanDocument, PlanNode } from './plan-document.ts';
import { progressBasisOf, progressPathOf } from './progress-basis-of.ts';
import { statusFormula } from './status-formula.ts';
import { statusRuleText } from './status-rule-text.ts';

type Level = StatusRule['levels'][number];

export interface InitiativeStatus {
  fy: number;
  rule: { key: string; name: string; nameEn: string | null };
  /** Combined KPI progress as the rule combines it, unrounded; null when no KPI could be computed. */
  percent: number | null;
  /** What the bands or tolerance were applied to, after the declared rounding: progress, or points vs pro rata. */
  measure: number | null;
  /** Share of the plan period elapsed, for a pro-rata rule; null otherwise. */
  expected: number | null;
  /** The computed verdict; null when there is no figure to judge (never the worst level by default). */
  level: Level | null;
  /**
   * The verdict set by hand for the year, where the plan declares an override: shown beside the computed one,
   * never in its place.
   */
  override: { level: Level; reason: string } | null;
  /** The level roll-ups count: the hand-set one where set and the plan rolls up overrides, else the computed. */
  rollupLevel: Level | null;
  /** True when the compound rule raised the level because the item improved. */
  raisedByImprovement: boolean;
  /** Combined progress a year earlier, only when the rule declares a direction of travel and this year is reported. */
  previousPercent: number | null;
  direction: DirectionOfTravel;
  /** ↑ better, ↓ worse, → unchanged, blank when unknown or not declared. */
  arrow: '↑' | '↓' | '→' | '';
  formula: { ja: string; en: string };
  /** The rule in words, e.g. 「目安以上は「順調」、…」. */
  explanation: { ja: string; en: string };
}

const ARROWS: Record<DirectionOfTravel, InitiativeStatus['arrow']> = { up: '↑', down: '↓', same: '→', unknown: '' };

/** The combined figure of an item's computed KPIs, by the rule's combination. */
function combined(progress: KpiProgress, rule: StatusRule): number | null {
  const values = progress.indicators
    .map((i) => i.progress.percent)
    .filter((p): p is number => p !== null)
    .map((p) => (rule.combine.cap ? Math.min(100, Math.max(0, p)) : p))
    .sort((a, b) => b - a);
  if (values.length === 0) return null;
  switch (rule.combine.method) {
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
    case 'all':
      return values.at(-1) as number;
    case 'any':
      return values[0] as number;
    case 'n-achieved':
      // The n-th best: n indicators achieved exactly when it reaches the target.
      return values[(rule.combine.n as number) - 1] ?? null;
  }
}

function levelFor(
  rule: StatusRule,
  measure: number,
  expected: number | null,
  own: PlanNode['indicators'][number]['tolerance'],
): string | null {
  if (rule.bands) return bandLevel(rule.bands, measure);
  if (!rule.tolerance) return null;
  // An indicator's own tolerance replaces the rule's size of tolerance, never its levels.
  const tol = own ? { ...rule.tolerance, points: own.points, percent: own.percent } : rule.tolerance;
  // The figure the item should reach: 0 points behind pro rata, or 100 % of the target.
  const goal = rule.measure === 'pro-rata' ? 0 : 100;
  const base = rule.measure === 'pro-rata' ? (expected ?? 0) : 100;
  const slack = tol.points ?? (base * (tol.percent ?? 0)) / 100;
  if (measure >= goal) return tol.met;
  return measure >= applyRounding(goal - slack, rule.rounding) ? tol.within : tol.outside;
}

/**
 * Whether the plan's status rule judges this node: a node of one of the types it names, else any item.
 * @example statusRuleApplies({ ...rule, appliesTo: ['objective'] }, goal) // true
 */
export function statusRuleApplies(rule: StatusRule, node: PlanNode): boolean {
  return rule.appliesTo ? rule.appliesTo.includes(nodeTypeOf(node)) : isItemNode(node);
}

/**
 * An initiative's verdict by the plan's declared status rule (e.g. pro rata with a 10-point tolerance and the
 * direction of travel since the previous year). Null when the plan declares no status rule: then nothing is
 * judged at all.
 * @example initiativeStatus(plan, node, 2024)?.level?.label // "順調"
 */
export function initiativeStatus(plan: PlanDocument, node: PlanNode, fy: number): InitiativeStatus | null {
  const rule = plan.evaluation?.status;
  if (!rule || !statusRuleApplies(rule, node)) return null;
  const opts = {
    planStartFy: plan.period.startFy,
    years: yearNamingOf(plan),
    decimals: rule.rounding.mode === 'none' ? plan.rollup.decimals : rule.rounding.decimals,
    combine: rule.combine.method === 'min' ? ('min' as const) : ('mean' as const),
    basisOf: (i: (typeof node.indicators)[number]) => progressBasisOf(plan, i),
    pathOf: (i: (typeof node.indicators)[number]) => progressPathOf(plan, i),
  };
  const now = kpiProgress(node.indicators, { ...opts, asOfFy: fy });
  const percent = combined(now, rule);
  const expected = rule.measure === 'pro-rata' ? expectedProgress(fy, plan.period) : null;
  const measure =
    percent === null ? null : applyRounding(expected === null ? percent : percent - expected, rule.rounding);

  let previousPercent: number | null = null;
  let direction: DirectionOfTravel = 'unknown';
  if (rule.travel) {
    // Only a year whose every computed KPI reports that year can be compared with the year before.
    const current = now.indicators.filter((i) => i.progress.percent !== null);
    const reportedThisYear = current.length > 0 && current.every((i) => i.progress.actualFy === fy);
    previousPercent = reportedThisYear
      ? combined(kpiProgress(node.indicators, { ...opts, asOfFy: fy - 1 }), rule)
      : null;
    direction = directionOfTravel(percent, previousPercent, rule.travel.tolerance);
  }

  // A per-indicator tolerance applies when the item is judged on that one indicator.
  const numeric = node.indicators.filter((i) => i.kind !== 'text');
  const own = numeric.length === 1 ? numeric[0]?.tolerance : undefined;
  let key = measure === null ? null : levelFor(rule, measure, expected, own);
  // Every computed indicator at its target: the rule's `reached` level, whatever the bands say.
  const computed = now.indicators.filter((i) => i.progress.percent !== null);
  if (key !== null && rule.reached && computed.length > 0 && computed.every((i) => i.progress.reached === true)) {
    key = rule.reached;
  }
  let raisedByImprovement = false;
  if (key !== null && rule.improving && key === rule.improving.from && direction === 'up') {
    key = rule.improving.level;
    raisedByImprovement = true;
  }
  const formula = statusFormula(now, rule, percent, opts.decimals);
  const level = rule.levels.find((l) => l.key === key) ?? null;
  const set = rule.override ? node.statusOverrides?.find((o) => o.fy === fy) : undefined;
  const setLevel = set && rule.levels.find((l) => l.key === set.level);
  const override = set && setLevel ? { level: setLevel, reason: set.reason } : null;
  return {
    fy,
    rule: { key: rule.key, name: rule.name, nameEn: rule.nameEn ?? null },
    percent,
    measure,
    expected,
    level,
    override,
    rollupLevel: override && rule.override?.rollup === 'override' ? override.level : level,
    raisedByImprovement,
    previousPercent,
    direction,
    arrow: ARROWS[direction],
    formula,
    explanation: statusRuleText(rule),
  };
}
