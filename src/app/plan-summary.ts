import {
  assessmentOf,
  findLevel,
  formatFiscalYear,
  formatIndicatorPeriod,
  formatPlanYear,
  initiativeStatus,
  isActiveIn,
  leafNodes,
  type NodeTypeRollup,
  nodeTypeRollups,
  type PeriodRollup,
  type PlanRollup,
  periodRollups,
  planRollup,
  ratingQuery,
  type StageRollup,
  scaleRollups,
  stageRollups,
} from '../domain/index.ts';
import { listDepartments } from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { AppError } from './errors.ts';
import { loadPlan } from './load-plan.ts';

export interface SummaryRow {
  code: string;
  title: string;
  departments: string[];
  level: string;
  label: string;
  score: number | null;
}

/** An item's verdict by the plan's declared status rule, with the arithmetic it came from. */
export interface SummaryStatus {
  code: string;
  title: string;
  /** The level roll-ups count (the hand-set one where the plan rolls overrides up); null when nothing was judged. */
  level: string | null;
  label: string | null;
  labelEn: string | null;
  formula: { ja: string; en: string };
  /** Share of the plan period elapsed, for a pro-rata rule (the figure the progress is measured against); else null. */
  expected: number | null;
}

export interface PlanSummary {
  organization: string;
  plan: string;
  planTitle: string;
  fy: number;
  /** The language the plan is written in; the summary is printed in it. */
  language: 'ja' | 'en';
  /** The year as the plan names it, in its language: 令和4年度（2022年度）, 2025/26, 2025. */
  fyLabel: string;
  scaleName: string;
  rows: SummaryRow[];
  rollup: PlanRollup;
  /** Every rating dimension's roll-up, the primary scale first (the same as `rollup`), with the scale's name. */
  /** Decimal places the plan declares for shares and figures. */
  shareDecimals: number;
  scales: (PlanRollup & { scaleName: string; scaleNameEn: string | undefined })[];
  /** Indicator nodes rolled up apart from the actions `rollup` counts; empty when every item is of one type. */
  nodeTypes: NodeTypeRollup[];
  /** The primary scale rolled up per evaluation stage the plan declares, the listed stage marked; else empty. */
  stages: StageRollup[];
  /** The primary scale rolled up per part of the year rated (quarterly RAG), each with its label; else empty. */
  periods: (PeriodRollup & { label: string })[];
  /** The declared status rule's name and each item's verdict; null when the plan declares no status rule. */
  status: { name: string; nameEn: string | null; items: SummaryStatus[] } | null;
}

/**
 * One fiscal year of a plan's working content: each assessed initiative with its rating, and the plan roll-up
 * (which states its method, how many items it averaged, and which were missing or excluded).
 */
export async function planSummary(
  ctx: AppContext,
  query: { organizationSlug: string; planSlug?: string | undefined; fy: number },
): Promise<PlanSummary> {
  const loaded = await loadPlan(ctx.store.db, query.organizationSlug, query.planSlug);
  const doc = loaded.document;
  const language = doc.language ?? 'ja';
  const scale = doc.ratingScales[0]!;
  const rolled = planRollup(doc, query.fy, { scope: 'plan' });
  if (!rolled.ok) throw new AppError('invalid-input', { ja: rolled.error.message, en: rolled.error.messageEn });
  const dimensions = scaleRollups(doc, query.fy, { scope: 'plan' });
  if (!dimensions.ok) {
    throw new AppError('invalid-input', { ja: dimensions.error.message, en: dimensions.error.messageEn });
  }
  const byType = nodeTypeRollups(doc, query.fy, { scope: 'plan' });
  if (!byType.ok) throw new AppError('invalid-input', { ja: byType.error.message, en: byType.error.messageEn });
  const stages = stageRollups(doc, query.fy, { scope: 'plan' });
  if (!stages.ok) throw new AppError('invalid-input', { ja: stages.error.message, en: stages.error.messageEn });
  const periods = periodRollups(doc, query.fy, { scope: 'plan' });
  if (!periods.ok) throw new AppError('invalid-input', { ja: periods.error.message, en: periods.error.messageEn });
  const periodOptions = { lang: language, startMonth: doc.fiscalYearStartMonth, language: doc.language };
  const names = new Map((await listDepartments(ctx.store.db, loaded.organization.id)).map((d) => [d.code, d.name]));
  const rows: SummaryRow[] = [];
  const statuses: SummaryStatus[] = [];
  for (const node of leafNodes(doc)) {
    if (!isActiveIn(node, query.fy)) continue;
    const verdict = initiativeStatus(doc, node, query.fy);
    // Judged as the portal shows a status: items with a numeric KPI.
    if (verdict && node.indicators.some((i) => i.kind !== 'text')) {
      const level = verdict.rollupLevel;
      statuses.push({
        code: node.code,
        title: node.title,
        level: level?.key ?? null,
        label: level?.label ?? null,
        labelEn: level?.labelEn ?? null,
        formula: verdict.formula,
        expected: verdict.expected,
      });
    }
    const a = assessmentOf(node, query.fy, scale.key, ratingQuery(doc));
    if (!a) continue;
    const level = findLevel(scale, a.level);
    rows.push({
      code: node.code,
      title: node.title,
      departments: node.departments.map((code) => names.get(code) ?? code),
      level: a.level,
      label: level?.label ?? a.level,
      score: level?.excluded ? null : (level?.score ?? (scale.kind === 'numeric' ? Number(a.level) : null)),
    });
  }
  return {
    organization: loaded.organization.slug,
    plan: loaded.plan.slug,
    planTitle: doc.title,
    fy: query.fy,
    language: doc.language ?? 'ja',
    fyLabel:
      doc.language !== 'en' && doc.fiscalYearStartMonth !== 1
        ? formatFiscalYear(query.fy, { style: 'both', startMonth: doc.fiscalYearStartMonth })
        : formatPlanYear(query.fy, doc, doc.language ?? 'ja'),
    scaleName: scale.name,
    rows,
    rollup: rolled.value,
    shareDecimals: doc.rollup.decimals,
    scales: dimensions.value.map((r) => {
      const s = doc.ratingScales.find((x) => x.key === r.scaleKey);
      return { ...r, scaleName: s?.name ?? r.scaleKey, scaleNameEn: s?.nameEn };
    }),
    nodeTypes: byType.value,
    stages: stages.value,
    periods: periods.value.map((p) => ({
      ...p,
      label: formatIndicatorPeriod({ yearBasis: 'fiscal' }, p.fy, p.period, periodOptions),
    })),
    status: doc.evaluation?.status
      ? { name: doc.evaluation.status.name, nameEn: doc.evaluation.status.nameEn ?? null, items: statuses }
      : null,
  };
}
