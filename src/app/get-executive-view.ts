import {
  assessmentOf,
  diffEditions,
  type EditionContent,
  type EditionDiff,
  initiativeStatus,
  leafNodes,
  ratingQuery,
  scoreOf,
  timeZoneOf,
} from '../domain/index.ts';
import { getCurrentEdition, getRound, listDepartments, listRounds } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { editionOrganization } from './edition-organization.ts';
import { type BoardRow, boardRows } from './get-round-board.ts';
import { loadPlan } from './load-plan.ts';
import { localDate } from './local-date.ts';
import { readEditionContent } from './read-edition-content.ts';

export interface RatingDrop {
  code: string;
  title: string;
  previous: string;
  current: string;
  previousScore: number;
  currentScore: number;
}

export interface KpiAtRisk {
  code: string;
  title: string;
  indicator: string;
  percent: number;
  /** Share of the period elapsed for a pro-rata rule; null for other rules. */
  expected: number | null;
  /** Level key and label the plan's status rule gives the indicator. */
  status: string;
  label: string;
  formula: string;
}

export interface ExecutiveView {
  fy: number;
  dueDate: string | null;
  late: BoardRow[];
  ratingDrops: RatingDrop[];
  /** Indicators the plan's status rule puts below its best level; empty when the plan declares no rule. */
  kpisAtRisk: KpiAtRisk[];
  /** Name of the plan's status rule; null when it declares none (then nothing is judged). */
  statusRule: { name: string; nameEn: string | null } | null;
  editionName: string | null;
  changes: EditionDiff | null;
}

/**
 * What executives look at: submissions late in the year's round, initiatives rated lower than the year before,
 * KPIs below the best level of the plan's own status rule (none when the plan declares no rule), and what changed
 * since the published edition.
 */
export async function getExecutiveView(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
  fy?: number | undefined;
}): Promise<ExecutiveView> {
  const db = props.ctx.store.db;
  const loaded = await loadPlan(db, props.organizationSlug, props.planSlug);
  const orgId = loaded.organization.id;
  authorize(props.actor, 'executive.view', { organizationId: orgId });
  const doc = loaded.document;
  const current = await getCurrentEdition(db, orgId, loaded.plan.id);
  const fy =
    props.fy ?? (await listRounds(db, orgId, loaded.plan.id))[0]?.fy ?? (current ? current.fy + 1 : doc.period.startFy);
  const round = await getRound(db, orgId, loaded.plan.id, fy);
  const rows = round
    ? await boardRows(db, { loaded, round }, localDate(props.ctx.now(), timeZoneOf(loaded.organization)))
    : [];
  const scale = doc.ratingScales[0]!;
  const primary = scale.key;
  const ratingOf = (n: (typeof leaves)[number], y: number) => assessmentOf(n, y, primary, ratingQuery(doc))?.level;
  const leaves = leafNodes(doc);
  const ratingDrops: RatingDrop[] = [];
  const kpisAtRisk: KpiAtRisk[] = [];
  const best = doc.evaluation?.status?.levels[0]?.key;
  for (const n of leaves) {
    const now = ratingOf(n, fy);
    const before = ratingOf(n, fy - 1);
    const s1 = now === undefined ? null : scoreOf(scale, now);
    const s0 = before === undefined ? null : scoreOf(scale, before);
    if (s1 !== null && s0 !== null && s1 < s0) {
      ratingDrops.push({
        code: n.code,
        title: n.title,
        previous: before!,
        current: now!,
        previousScore: s0,
        currentScore: s1,
      });
    }
    for (const ind of best === undefined ? [] : n.indicators) {
      // The rule applied to the one indicator, so each lagging KPI is named.
      const s = initiativeStatus(doc, { ...n, indicators: [ind] }, fy);
      if (!s?.level || s.percent === null || s.level.key === best) continue;
      kpisAtRisk.push({
        code: n.code,
        title: n.title,
        indicator: ind.name,
        percent: s.percent,
        expected: s.expected,
        status: s.level.key,
        label: s.level.label,
        formula: s.formula.ja,
      });
    }
  }
  let changes: EditionDiff | null = null;
  if (current) {
    const departments = (await listDepartments(db, orgId)).map(({ id: _i, version: _v, ...d }) => d);
    const o = loaded.organization;
    const working: EditionContent = {
      organization: editionOrganization(o),
      departments,
      plan: doc,
    };
    changes = diffEditions(await readEditionContent(db, orgId, current), working);
  }
  return {
    fy,
    dueDate: round?.dueDate ?? null,
    late: rows.filter((r) => r.overdue),
    ratingDrops,
    kpisAtRisk,
    statusRule: doc.evaluation?.status
      ? { name: doc.evaluation.status.name, nameEn: doc.evaluation.status.nameEn ?? null }
      : null,
    editionName: current?.name ?? null,
    changes,
  };
}
