import type { Evaluation } from './evaluation-method.ts';
import { indicatorProgress } from './indicator-progress.ts';
import { type InitiativeStatus, initiativeStatus } from './initiative-status.ts';
import { type KpiVerdict, type KpiVerdictCounts, kpiVerdict, kpiVerdictCounts } from './kpi-verdict.ts';
import type { PlanDocument } from './plan-document.ts';
import { isActiveIn, leafNodes } from './plan-tree.ts';
import { progressBasisOf, progressPathOf } from './progress-basis-of.ts';

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
  /** Items per status level of the candidate rule, in the rule's order, and items with no verdict. */
  statusCounts: { key: string; label: Text; count: number }[];
  noStatus: number;
  kpiCounts: KpiVerdictCounts | null;
  savedKpiCounts: KpiVerdictCounts | null;
  changedItems: number;
}

const levelText = (s: InitiativeStatus | null): string | null => s?.level?.key ?? null;
const verdictText = (v: KpiVerdict | null): string | null => (v ? `${v.verdict}:${v.percent ?? ''}` : null);

/**
 * What a candidate evaluation method would give on the plan's current data for a fiscal year, beside what the
 * saved method gives: per item and KPI the arithmetic and the verdict, counts per verdict and the items that
 * change. A candidate of `undefined` (self-rating only) gives no verdict at all.
 * @example evaluationPreview(plan, EVALUATION_PRESETS['rag-tolerance-travel'].evaluation, 2025).statusCounts
 */
export function evaluationPreview(
  saved: PlanDocument,
  candidate: Evaluation | undefined,
  fy: number,
): EvaluationPreview {
  const next: PlanDocument = { ...saved, evaluation: candidate };
  const items = leafNodes(saved)
    .filter((n) => isActiveIn(n, fy))
    .map((node): ItemPreview => {
      const numeric = node.indicators.some((i) => i.kind !== 'text');
      const status = numeric ? initiativeStatus(next, node, fy) : null;
      const savedStatus = numeric ? initiativeStatus(saved, node, fy) : null;
      const indicators = node.indicators
        .filter((i) => i.kind !== 'text')
        .map((i) => ({
          key: i.key,
          name: i.name,
          formula: indicatorProgress(i, {
            asOfFy: fy,
            planStartFy: saved.period.startFy,
            decimals: saved.rollup.decimals,
            basis: progressBasisOf(next, i),
            path: progressPathOf(next, i),
          }).formula,
          verdict: kpiVerdict(next, i, fy),
          savedVerdict: kpiVerdict(saved, i, fy),
        }));
      const changed =
        levelText(status) !== levelText(savedStatus) ||
        indicators.some((i) => verdictText(i.verdict) !== verdictText(i.savedVerdict));
      return { code: node.code, title: node.title, indicators, status, savedStatus, changed };
    });
  const levels = candidate?.status?.levels ?? [];
  const leaves = leafNodes(saved).filter((n) => isActiveIn(n, fy));
  return {
    fy,
    items,
    statusCounts: levels.map((l) => ({
      key: l.key,
      label: { ja: l.label, en: l.labelEn ?? l.label },
      count: items.filter((i) => i.status?.level?.key === l.key).length,
    })),
    noStatus: items.filter((i) => !i.status?.level).length,
    kpiCounts: kpiVerdictCounts(next, leaves, fy),
    savedKpiCounts: kpiVerdictCounts(saved, leaves, fy),
    changedItems: items.filter((i) => i.changed).length,
  };
}
