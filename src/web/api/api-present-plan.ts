import { describePlan } from '../../app/index.ts';
import { type PlanRollup, timeZoneOf } from '../../domain/index.ts';
import {
  type ApiScope,
  periodLabel,
  planPeriodLabel,
  presentEdition,
  presentGoal,
  presentRollup,
} from './api-present.ts';
import type { PlanDetailOut } from './plan-schemas.ts';

const presentShare = (d: PlanRollup['distribution'][number]) => ({
  level: d.levelKey,
  label: d.label,
  count: d.count,
  share: d.share,
});

/** The plan resource: the portal home's numbers. */
export function presentPlan(s: ApiScope): PlanDetailOut {
  const content = s.pub.content;
  const plan = content.plan;
  const o = describePlan(content, s.pub.edition.fy);
  const org = content.organization;
  return {
    organization: { slug: org.slug, name: org.name, nameEn: org.nameEn ?? null },
    slug: plan.slug,
    title: plan.title,
    titleEn: plan.titleEn ?? null,
    vision: plan.vision ?? null,
    period: {
      startFy: plan.period.startFy,
      endFy: plan.period.endFy,
      label: periodLabel(plan),
    },
    sections: plan.sections.map((x) => ({
      number: x.number ?? null,
      title: x.title,
      titleEn: x.titleEn ?? null,
      body: x.body,
    })),
    levels: plan.levels.map((l) => ({ ja: l.ja, en: l.en ?? l.ja })),
    scale: { key: o.scale.key, name: o.scale.name, nameEn: o.scale.nameEn ?? null, kind: o.scale.kind },
    scales: plan.ratingScales.map((sc) => {
      const rule = plan.ratingRules.find((r) => r.scale === sc.key);
      return {
        key: sc.key,
        name: sc.name,
        nameEn: sc.nameEn ?? null,
        kind: sc.kind,
        levels: sc.levels.map((l) => ({
          key: l.key,
          label: l.label,
          labelEn: l.labelEn ?? null,
          definition: l.definition ?? null,
          definitionEn: l.definitionEn ?? null,
          score: l.score,
          excluded: l.excluded,
        })),
        rule: rule
          ? [...rule.thresholds]
              .sort((a, b) => b.minPercent - a.minPercent)
              .map((t) => ({ minPercent: t.minPercent, level: t.level }))
          : null,
      };
    }),
    rollup: {
      method: plan.rollup.method,
      threshold: plan.rollup.threshold ?? null,
      weighted: plan.rollup.weighted,
      decimals: plan.rollup.decimals,
    },
    reportingFrequency: plan.reportingFrequency,
    fiscalYearStartMonth: plan.fiscalYearStartMonth,
    edition: presentEdition(s.pub.edition, plan, timeZoneOf(s.pub.content.organization)),
    overall: o.overall.map((r) => presentRollup(r, plan)),
    distribution: o.current.distribution.map(presentShare),
    scaleRollups: o.scaleRollups.map((r) => {
      const sc = plan.ratingScales.find((x) => x.key === r.scaleKey)!;
      return {
        ...presentRollup(r, plan),
        scale: { key: sc.key, name: sc.name, nameEn: sc.nameEn ?? null, kind: sc.kind },
        shareBaseCount: r.shareBaseCount,
        distribution: r.distribution.map(presentShare),
      };
    }),
    nodeTypeRollups: o.nodeTypeRollups.map((x) => ({
      type: x.type,
      rollups: x.rollups.map((r) => presentRollup(r, plan)),
    })),
    stageRollups: o.stageRollups.map((x) => ({
      stage: { key: x.stage.key, name: x.stage.name, nameEn: x.stage.nameEn ?? null },
      listed: x.listed,
      rollup: presentRollup(x.rollup, plan),
      distribution: x.rollup.distribution.map(presentShare),
    })),
    periodRollups: o.periodRollups.map((x) => ({
      fy: x.fy,
      period: x.period,
      periodLabel: planPeriodLabel(plan, x.fy, x.period),
      rollup: presentRollup(x.rollup, plan),
      distribution: x.rollup.distribution.map(presentShare),
    })),
    statedFigures: o.statedFigures.map((f) => ({
      fy: f.figure.fy,
      period: f.figure.period ?? null,
      scope: f.figure.scope ?? null,
      scale: f.figure.scale ?? plan.ratingScales[0]!.key,
      method: f.figure.method,
      level: f.figure.level ?? null,
      value: f.figure.value ?? null,
      count: f.figure.count ?? null,
      of: f.figure.of ?? null,
      source: f.figure.source ?? null,
      what: f.what,
      stated: f.stated,
      computed: f.computed,
    })),
    goals: o.goals.map((g) => presentGoal(s, g)),
    kpiVerdictCounts: o.verdictCounts && { fy: o.asOfFy, ...o.verdictCounts },
    statusCounts: o.statusCounts,
    url: `${s.base}/`,
  };
}
