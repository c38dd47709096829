import { indicatorProgress, yearNamingOf } from './indicator-progress.ts';
import { type InitiativeStatus, initiativeStatus } from './initiative-status.ts';
import { type KpiVerdict, type KpiVerdictCounts, kpiVerdict, kpiVerdictCounts } from './kpi-verdict.ts';
import type { PlanDocument } from './plan-document.ts';
import { findNode, isActiveIn, leafNodes } from './plan-tree.ts';
import { progressBasisOf, progressPathOf } from './progress-basis-of.ts';
import { statusCounts } from './status-counts.ts';

type Text = { ja: string; en: string };

export interface IndicatorPreview {
  key: string;
  name: string;
  /** The arithmetic shown whatever the method (e.g. "43.2 ÷ 50 = 86.4%"); a verdict never replaces it. */
  formula: Text;
  verdict: KpiVerdict | null;
  savedVerdict: KpiVerdict | null;
}

export interface ItemPreview {
  code: string;
  title: string;
  indicators: IndicatorPreview[];
  /** Verdict under the candidate method; null when it declares no status rule or there is no figure. */
  status: InitiativeStatus | null;
  savedStatus: InitiativeStatus | null;
  /** True when the candidate gives this item (or one of its KPIs) another verdict than the saved method. */
  changed: boolean;
}

export interface EvaluationPreview {
  fy: number;
  items: ItemPreview[];
  /**
   * Items per status level of the candidate rule, in the rule's order (hand-set verdicts counted where the rule
   * says so), and items with no verdict.
   */
  statusCounts: { key: string; label: Text; count: number }[];
  noStatus: number;
  kpiCounts: KpiVerdictCounts | null;
  savedKpiCounts: KpiVerdictCounts | null;
  changedItems: number;
}

const levelText = (s: InitiativeStatus | null): string | null => s?.level?.key ?? null;
const verdictText = (v: KpiVerdict | null): string | null => (v ? `${v.verdict}:${v.percent ?? ''}` : null);

/**
 * What the plan with a candidate evaluation method (the plan's, and each indicator's own) would give on its
 * current data for a fiscal year, beside what the saved method gives: per item and KPI the arithmetic and the
 * verdict, counts per verdict and the items that change. A candidate without `evaluation` (self-rating only)
 * gives no verdict at all.
 * @example evaluationPreview(saved, { ...saved, evaluation: ragPreset }, 2025).statusCounts
 */
export function evaluationPreview(saved: PlanDocument, next: PlanDocument, fy: number): EvaluationPreview {
  const items = leafNodes(next)
    .filter((n) => isActiveIn(n, fy))
    .map((node): ItemPreview => {
      const before = findNode(saved, node.code) ?? node;
      const numeric = node.indicators.some((i) => i.kind !== 'text');
      const status = numeric ? initiativeStatus(next, node, fy) : null;
      const savedStatus = numeric ? initiativeStatus(saved, before, fy) : null;
      const savedIndicator = (key: string) => before.indicators.find((x) => x.key === key);
      const indicators = node.indicators
        .filter((i) => i.kind !== 'text')
        .map((i) => ({
          key: i.key,
          name: i.name,
          formula: indicatorProgress(i, {
            asOfFy: fy,
            planStartFy: saved.period.startFy,
            years: yearNamingOf(next),
            decimals: saved.rollup.decimals,
            basis: progressBasisOf(next, i),
            path: progressPathOf(next, i),
          }).formula,
          verdict: kpiVerdict(next, i, fy),
          savedVerdict: kpiVerdict(saved, savedIndicator(i.key) ?? i, fy),
        }));
      const changed =
        levelText(status) !== levelText(savedStatus) ||
        indicators.some((i) => verdictText(i.verdict) !== verdictText(i.savedVerdict));
      return { code: node.code, title: node.title, indicators, status, savedStatus, changed };
    });
  const counts = statusCounts(
    next.evaluation,
    items.map((i) => i.status),
    fy,
  );
  const leaves = (plan: PlanDocument) => leafNodes(plan).filter((n) => isActiveIn(n, fy));
  return {
    fy,
    items,
    statusCounts: counts?.levels ?? [],
    noStatus: counts?.none ?? items.length,
    kpiCounts: kpiVerdictCounts(next, leaves(next), fy),
    savedKpiCounts: kpiVerdictCounts(saved, leaves(saved), fy),
    changedItems: items.filter((i) => i.changed).length,
  };
}
