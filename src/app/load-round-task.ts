import { formatFiscalYear, type PlanNode } from '../domain/index.ts';
import {
  type Executor,
  findRoundTaskRows,
  getNodeById,
  getPlanBySlug,
  getRound,
  type NodeRecord,
  type OrganizationRecord,
  type PlanRecord,
  type PlanSettings,
  type RoundRecord,
  type TaskRecord,
} from '../store/index.ts';
import { AppError, notFound } from './errors.ts';
import { type LoadedPlan, loadPlan, requireOrganization } from './load-plan.ts';

export interface RoundRef {
  organizationSlug: string;
  planSlug: string;
  fy: number;
}

export interface LoadedRound {
  loaded: LoadedPlan;
  round: RoundRecord;
}

/**
 * One initiative's task in a round. Only the plan's settings, the initiative and its ancestors are loaded, not
 * the whole tree: opening or saving a report costs the same in a plan of 40 initiatives or 4,000.
 */
export interface LoadedRoundTask {
  organization: OrganizationRecord;
  plan: PlanRecord;
  /** The plan minus its tree: period, levels, rating scales, title. */
  settings: PlanSettings;
  round: RoundRecord;
  row: NodeRecord;
  /** The initiative's sheet (its children are not loaded). */
  node: PlanNode;
  /** Top-level ancestor (基本目標), or the node itself at the top. */
  goal: { code: string; title: string };
  task: TaskRecord;
}

const roundNotFound = (fy: number) => notFound({ ja: `${formatFiscalYear(fy)}の照会`, en: `reporting round FY${fy}` });

export async function loadRound(tx: Executor, ref: RoundRef): Promise<LoadedRound> {
  const loaded = await loadPlan(tx, ref.organizationSlug, ref.planSlug);
  const round = await getRound(tx, loaded.organization.id, loaded.plan.id, ref.fy);
  if (!round) throw roundNotFound(ref.fy);
  return { loaded, round };
}

/** The round, the initiative and its task; not-found when the initiative has no task in that round. */
export async function loadRoundTask(tx: Executor, ref: RoundRef & { code: string }): Promise<LoadedRoundTask> {
  const found = (await findRoundTaskRows(tx, ref)) ?? (await explainMissing(tx, ref));
  const { organization, plan, round, node: row, task } = found;
  let top = found.parent ?? row;
  while (top.parentId !== null) {
    const parent = await getNodeById(tx, organization.id, top.parentId);
    if (!parent) break;
    top = parent;
  }
  const node: PlanNode = { code: row.code, title: row.title, ...row.content, children: [] };
  return {
    organization,
    plan,
    settings: plan.settings,
    round,
    row,
    node,
    goal: { code: top.code, title: top.title },
    task,
  };
}

/** Looks the parts up one by one to throw the not-found error that names the missing one. */
async function explainMissing(tx: Executor, ref: RoundRef & { code: string }): Promise<never> {
  const organization = await requireOrganization(tx, ref.organizationSlug);
  const plan = await getPlanBySlug(tx, organization.id, ref.planSlug);
  if (!plan) throw notFound({ ja: `計画「${ref.planSlug}」`, en: `plan "${ref.planSlug}"` });
  if (!(await getRound(tx, organization.id, plan.id, ref.fy))) throw roundNotFound(ref.fy);
  throw notFound({ ja: `取組「${ref.code}」の照会`, en: `report for "${ref.code}"` });
}

export function requireOpen(round: RoundRecord): void {
  if (round.status !== 'open') {
    throw new AppError('invalid-state', {
      ja: 'この照会は締め切られています',
      en: 'This reporting round is closed',
    });
  }
}
