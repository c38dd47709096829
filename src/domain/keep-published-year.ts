import type { Assessment, Indicator, IndicatorValue, PlanNode, RoadmapEntry } from './plan-document.ts';

type Report = Pick<PlanNode, 'roadmap' | 'assessments' | 'indicators' | 'contributions'>;

function roadmapOf(working: RoadmapEntry[], published: RoadmapEntry[], fy: number): RoadmapEntry[] {
  const before = (y: number) => published.find((r) => r.fy === y);
  const years = new Set([...working, ...published].map((r) => r.fy));
  const out: RoadmapEntry[] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const w = working.find((r) => r.fy === y);
    const p = before(y);
    if (y < fy) {
      if (w) out.push(w);
      continue;
    }
    // The year's 実績 and the later years' 計画 are what a report writes; the rest stays as the plan office left it.
    const actual = y === fy ? (p?.actual ?? []) : (w?.actual ?? []);
    const plan = y > fy ? (p?.plan ?? []) : (w?.plan ?? []);
    const entry = { ...(w ?? p!), fy: y, actual, plan };
    if (w || actual.length > 0 || plan.length > 0) out.push(entry);
  }
  return out;
}

function assessmentsOf(working: Assessment[], published: Assessment[], fy: number): Assessment[] {
  return [...working.filter((a) => a.fy !== fy), ...published.filter((a) => a.fy === fy)].sort((a, b) => a.fy - b.fy);
}

function valuesOf(working: Indicator, published: Indicator | undefined, fy: number): IndicatorValue[] {
  const mine = (v: IndicatorValue) => v.fy === fy && v.period === 'FY';
  const w = working.values.find(mine);
  const p = published?.values.find(mine);
  if (!w && !p) return working.values;
  // Targets are the plan's; only the year's actual, its note and its provisional mark come from the report.
  const { actual: _a, actualNote: _n, provisional: _p, ...target } = w ?? { fy, period: 'FY' as const };
  const next: IndicatorValue = {
    ...target,
    provisional: p?.provisional ?? false,
    ...(p?.actual != null && { actual: p.actual }),
    ...(p?.actualNote !== undefined && { actualNote: p.actualNote }),
  };
  const empty = next.target == null && next.actual == null && !next.actualNote && !next.targetNote;
  const others = working.values.filter((v) => !mine(v));
  return empty ? others : [...others, next].sort((a, b) => a.fy - b.fy);
}

/**
 * An initiative as an edition shows it when its report for `fy` was not approved: everything as in the working
 * plan except what a report writes for that year (the year's 実績, later years' 計画, the year's ratings and KPI
 * actuals, the co-departments' parts), which is taken from the previously published node, or left out when there was none.
 *
 * @example keepPublishedYear(draft, lastEdition.find('1-1'), 2023) // the R5 draft rating never reaches the public
 */
export function keepPublishedYear(working: PlanNode, published: Report | undefined, fy: number): PlanNode {
  const p: Report = published ?? { roadmap: [], assessments: [], indicators: [] };
  // The co-departments' parts of the year are part of the report too.
  const contributions = [
    ...(working.contributions ?? []).filter((c) => c.fy !== fy),
    ...(p.contributions ?? []).filter((c) => c.fy === fy),
  ];
  const { contributions: _c, ...rest } = working;
  return {
    ...rest,
    ...(contributions.length > 0 && { contributions }),
    roadmap: roadmapOf(working.roadmap, p.roadmap, fy),
    assessments: assessmentsOf(working.assessments, p.assessments, fy),
    indicators: working.indicators.map((ind) => ({
      ...ind,
      values: valuesOf(
        ind,
        p.indicators.find((i) => i.key === ind.key),
        fy,
      ),
    })),
  };
}
