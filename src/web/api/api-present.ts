import type { z } from '@hono/zod-openapi';
import {
  type DepartmentView,
  type DimensionView,
  describeInitiative,
  type GoalOverview,
  type IndicatorView,
  type InitiativeRow,
  type PublicEdition,
  type RatingView,
  resolveDepartments,
} from '../../app/index.ts';
import {
  type EditionContent,
  formatFiscalYearSpan,
  formatIndicatorPeriod,
  formatPercent,
  formatPlanPeriod,
  formatPlanYear,
  formatPlanYearSpan,
  type InitiativeStatus,
  listedTitle,
  type PartPeriod,
  type PlanDocument,
  type PlanNode,
  type PlanRollup,
  type PlanYears,
  periodRatingsOf,
  publicationDay,
  stageRatingsOf,
  statedStatus,
} from '../../domain/index.ts';
import type { EditionSummary as EditionRecord } from '../../store/index.ts';
import type * as S from './api-schemas.ts';
import { presentFields } from './present-fields.ts';

/**
 * Presenters: app views → API bodies. They only rename and pick; every number comes from the same app and
 * domain functions the portal pages use.
 */

type Out<T extends z.ZodType> = z.output<T>;
const n = <T>(x: T | undefined | null): T | null => x ?? null;
const seg = encodeURIComponent;

export interface ApiScope {
  pub: PublicEdition;
  /** Portal base path of the plan, "/ogori/action-plan-2". */
  base: string;
}

/**
 * A year as the plan names it, in the plan's own language: 令和4年度 for a Japanese plan, 2025/26 for an English
 * one, 2025 (2025年) for a calendar-year plan; never a Japanese era outside a Japanese fiscal-year plan.
 */
export const planFyLabel = (years: PlanYears, fy: number) => formatPlanYear(fy, years, years.language ?? 'ja');

/** A part of a plan's year as the plan names it, in its language: 2025/26 Q3 (Oct–Dec), 令和7年度 第3四半期（10～12月）. */
export const planPeriodLabel = (plan: PlanDocument, fy: number, period: PartPeriod) =>
  formatIndicatorPeriod({ yearBasis: 'fiscal' }, fy, period, {
    lang: plan.language ?? 'ja',
    startMonth: plan.fiscalYearStartMonth,
    language: plan.language,
  });

/** An edition; its 公表日 is the day of publication in the organization's zone. */
export function presentEdition(e: EditionRecord, years: PlanYears, timeZone: string): Out<typeof S.EditionSummary> {
  return {
    id: e.id,
    name: e.name,
    fy: e.fy,
    fyLabel: planFyLabel(years, e.fy),
    publishedAt: e.publishedAt,
    publishedOn: publicationDay(e.publishedAt, timeZone),
    current: e.isCurrent,
    contentSha256: e.contentSha256,
  };
}

export function presentRollup(r: PlanRollup, years: PlanYears): Out<typeof S.Rollup> {
  return {
    fy: r.fy,
    fyLabel: planFyLabel(years, r.fy),
    method: r.method,
    value: r.value,
    formatted: r.formatted,
    totalCount: r.totalCount,
    assessedCount: r.assessedCount,
    usedCount: r.usedCount,
    missing: r.missing,
    excluded: r.excluded,
    inactive: r.inactive,
    coverage: r.coverageLabel,
    methodLabel: r.methodLabel,
  };
}

export function presentRating(r: RatingView, years: PlanYears): Out<typeof S.Rating> {
  return {
    fy: r.fy,
    fyLabel: planFyLabel(years, r.fy),
    level: r.levelKey,
    label: r.label,
    labelEn: r.labelEn,
    score: r.score,
    excluded: r.excluded,
    comment: r.comment,
  };
}

export function nodeRef(s: ApiScope, node: PlanNode, kind: 'goals' | 'initiatives'): Out<typeof S.NodeRef> {
  return { code: node.code, title: node.title, titleEn: n(node.titleEn), url: `${s.base}/${kind}/${seg(node.code)}` };
}

function departmentRefs(content: EditionContent, node: PlanNode): Out<typeof S.DepartmentRef>[] {
  return resolveDepartments(content, node.departments).map((d, i) => ({
    code: d.code,
    name: d.name,
    nameEn: n(d.nameEn),
    lead: i === 0,
  }));
}

export function presentInitiativeRow(s: ApiScope, row: InitiativeRow): Out<typeof S.InitiativeSummary> {
  const top = row.ancestors[0];
  return {
    code: row.node.code,
    title: row.node.title,
    listedTitle: listedTitle(s.pub.content.plan, row.node),
    titleEn: n(row.node.titleEn),
    goal: top ? nodeRef(s, top, 'goals') : null,
    departments: departmentRefs(s.pub.content, row.node),
    status: n(statedStatus(row.node.lifecycle)),
    sdgs: row.node.sdgs,
    ratings: row.ratings.map((r) => presentRating(r, s.pub.content.plan)),
    url: `${s.base}/initiatives/${seg(row.node.code)}`,
  };
}

export function presentDimension(d: DimensionView, years: PlanYears): Out<typeof S.Dimension> {
  const s = d.scale;
  return {
    scale: { key: s.key, name: s.name, nameEn: n(s.nameEn), kind: s.kind },
    ratings: d.ratings.map((r) => presentRating(r, years)),
    ruleRatings: d.comparisons.map((c) => ({
      fy: c.fy,
      self: c.self ? { level: c.self.level, label: c.self.label } : null,
      rule: c.rule
        ? { level: c.rule.level, label: c.rule.label, percent: c.rule.percent, formula: c.rule.formula }
        : null,
      reason: c.ruleReason ? { ja: c.ruleReason.message, en: c.ruleReason.messageEn } : null,
      disagree: c.disagree,
    })),
  };
}

const presentLevel = (l: { key: string; label: string; labelEn?: string | undefined }) => ({
  key: l.key,
  label: l.label,
  labelEn: l.labelEn ?? null,
});

export function presentStatus(st: InitiativeStatus): Out<typeof S.KpiStatus> {
  return {
    fy: st.fy,
    rule: st.rule,
    level: st.level && presentLevel(st.level),
    override: st.override && { level: presentLevel(st.override.level), reason: st.override.reason },
    rollupLevel: st.rollupLevel && presentLevel(st.rollupLevel),
    raisedByImprovement: st.raisedByImprovement,
    direction: st.direction,
    arrow: st.arrow,
    percent: st.percent,
    measure: st.measure,
    previousPercent: st.previousPercent,
    expected: st.expected,
    formula: st.formula,
    explanation: st.explanation,
  };
}

export function presentIndicator(plan: PlanDocument, v: IndicatorView, asOfFy: number): Out<typeof S.Indicator> {
  const i = v.indicator;
  const startMonth = plan.fiscalYearStartMonth;
  const language = plan.language ?? 'ja';
  return {
    key: i.key,
    name: i.name,
    nameEn: n(i.nameEn),
    unit: i.unit,
    kind: i.kind,
    direction: i.direction,
    baseline: i.baseline ? { fy: i.baseline.fy, value: i.baseline.value, note: n(i.baseline.note) } : null,
    target: i.target
      ? { fy: i.target.fy, fromFy: n(i.target.fromFy), value: i.target.value, note: n(i.target.note) }
      : null,
    yearBasis: i.yearBasis,
    targetInForce: v.targetInForce
      ? { value: v.targetInForce.value, inForceFromFy: v.targetInForce.inForceFromFy, note: n(v.targetInForce.note) }
      : null,
    targetHistory: v.targetHistory.map((h) => ({ fromFy: h.fromFy, value: h.value, note: n(h.note) })),
    values: v.values.map((x) => ({
      fy: x.fy,
      yearLabel: formatIndicatorPeriod(i, x.fy, 'FY', { startMonth, language, lang: language }),
      target: n(x.target),
      actual: n(x.actual),
      missingReason: x.missingReason ?? null,
      provisional: x.provisional,
      targetNote: n(x.targetNote),
      actualNote: n(x.actualNote),
      reportedIn: x.reportedIn
        ? { ...x.reportedIn, label: formatPlanPeriod(x.reportedIn.fy, x.reportedIn.period, plan, language) }
        : null,
    })),
    partYears: v.partYears.flatMap((y) =>
      y.values.map((p) => ({
        fy: y.fy,
        period: p.period,
        periodLabel: formatIndicatorPeriod(i, y.fy, p.period, { startMonth, language, lang: language }),
        target: n(p.value.target),
        actual: n(p.value.actual),
        provisional: p.value.provisional,
        yearToDate: p.ytd.value,
        yearToDateFormula: p.ytd.formula,
        travel: p.travel && {
          against: p.travel.against,
          comparedWith: p.travel.comparedWith,
          change: p.travel.change,
          assessment: p.travel.assessment,
          arrow: p.travel.arrow,
          text: p.travel.text,
        },
      })),
    ),
    verdict: v.verdict,
    progress: {
      asOfFy,
      status: v.progress.status,
      basis: v.progress.basis,
      percent: v.progress.percent,
      formatted: formatPercent(v.progress.percent),
      actualUsed: v.progress.actualUsed,
      targetUsed: v.progress.targetUsed,
      formula: v.progress.formula,
      provisional: v.progress.provisional,
    },
  };
}

/** The initiative resource; undefined for an unknown code. */
export function presentInitiative(s: ApiScope, code: string): Out<typeof S.InitiativeDetail> | undefined {
  const fy = s.pub.edition.fy;
  const v = describeInitiative(s.pub.content, code, fy);
  if (!v) return undefined;
  const node = v.node;
  const row: InitiativeRow = { node, ancestors: v.ancestors, ratings: v.ratings, current: v.ratings[0]! };
  return {
    ...presentInitiativeRow(s, row),
    sourceNotes: node.sourceNotes.map((x) => ({ kind: x.kind, text: x.text })),
    situation: node.situation ?? null,
    challenges: node.challenges ?? null,
    goalText: n(node.goal),
    ...presentFields(s.pub.content.plan, node),
    level: { ja: v.level.ja, en: v.level.en ?? v.level.ja },
    lifecycle: {
      status: n(statedStatus(node.lifecycle)),
      fromFy: n(node.lifecycle.fromFy),
      addedFy: n(node.lifecycle.addedFy),
      into: node.lifecycle.into,
      note: n(node.lifecycle.note),
      previousCodes: node.previousCodes,
      carriedFrom: node.carriedFrom ? { plan: node.carriedFrom.plan, code: node.carriedFrom.code } : null,
    },
    dimensions: v.dimensions.map((d) => presentDimension(d, s.pub.content.plan)),
    stageRatings: stageRatingsOf(s.pub.content.plan, node).map((r) => ({
      fy: r.fy,
      stage: { key: r.stage.key, name: r.stage.name, nameEn: n(r.stage.nameEn) },
      listed: r.listed,
      scale: r.scale.key,
      level: r.assessment.level,
      label: r.level?.label ?? r.assessment.level,
      labelEn: n(r.level?.labelEn),
      comment: n(r.assessment.comment),
    })),
    periodRatings: periodRatingsOf(s.pub.content.plan, node).map((r) => ({
      fy: r.fy,
      period: r.period,
      periodLabel: planPeriodLabel(s.pub.content.plan, r.fy, r.period),
      scale: r.scale.key,
      level: r.assessment.level,
      label: r.level?.label ?? r.assessment.level,
      labelEn: n(r.level?.labelEn),
      comment: n(r.assessment.comment),
    })),
    kpiStatus: v.status ? presentStatus(v.status) : null,
    kpiVerdictCounts: v.verdictCounts && { fy, ...v.verdictCounts },
    roadmap: [...node.roadmap].sort((a, b) => a.fy - b.fy).map((r) => ({ fy: r.fy, plan: r.plan, actual: r.actual })),
    contributions: (node.contributions ?? []).map((c) => ({
      fy: c.fy,
      department: {
        code: c.department,
        name: resolveDepartments(s.pub.content, [c.department])[0]?.name ?? c.department,
      },
      actual: c.actual,
      comment: n(c.comment),
    })),
    indicators: v.indicators.map((k) => presentIndicator(s.pub.content.plan, k, fy)),
    previous: v.previous ? nodeRef(s, v.previous, 'initiatives') : null,
    next: v.next ? nodeRef(s, v.next, 'initiatives') : null,
  };
}

export function presentGoal(s: ApiScope, g: Pick<GoalOverview, 'node' | 'rollups'> & { count: number }) {
  return {
    code: g.node.code,
    title: g.node.title,
    titleEn: n(g.node.titleEn),
    separateGroup: g.node.separateGroup === true,
    initiativeCount: g.count,
    rollups: g.rollups.map((r) => presentRollup(r, s.pub.content.plan)),
    url: `${s.base}/goals/${seg(g.node.code)}`,
  } satisfies Out<typeof S.GoalSummary>;
}

export function presentDepartment(s: ApiScope, d: DepartmentView) {
  return {
    code: d.department.code,
    name: d.department.name,
    nameEn: n(d.department.nameEn),
    leadCount: d.initiatives.filter((i) => i.lead).length,
    sharedCount: d.initiatives.filter((i) => !i.lead).length,
    rollups: d.rollups.map((r) => presentRollup(r, s.pub.content.plan)),
    url: `${s.base}/departments/${seg(d.department.code)}`,
  } satisfies Out<typeof S.DepartmentSummary>;
}

/** The plan period in both languages; with the era beside the Western year only for a Japanese fiscal-year plan. */
export function periodLabel(plan: PlanDocument) {
  const { startFy, endFy } = plan.period;
  if (plan.language === 'en' || plan.fiscalYearStartMonth === 1) {
    return { ja: formatPlanYearSpan(startFy, endFy, plan, 'ja'), en: formatPlanYearSpan(startFy, endFy, plan, 'en') };
  }
  return {
    ja: formatFiscalYearSpan(startFy, endFy, { style: 'both' }),
    en: formatFiscalYearSpan(startFy, endFy, { lang: 'en', style: 'both' }),
  };
}
