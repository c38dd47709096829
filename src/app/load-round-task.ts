import { findNode, formatFiscalYear, nodePath, type PlanNode } from '../domain/index.ts';
import {
  type Executor,
  getNodeByCode,
  getRound,
  getRoundTask,
  type NodeRecord,
  type RoundRecord,
  type TaskRecord,
} from '../store/index.ts';
import { AppError, notFound } from './errors.ts';
import { type LoadedPlan, loadPlan } from './load-plan.ts';

export interface RoundRef {
  organizationSlug: string;
  planSlug: string;
  fy: number;
}

export interface LoadedRound {
  loaded: LoadedPlan;
  round: RoundRecord;
}

export interface LoadedRoundTask extends LoadedRound {
  row: NodeRecord;
  node: PlanNode;
  /** Top-level ancestor (基本目標), or the node itself at the top. */
  goal: PlanNode;
  task: TaskRecord;
}

export async function loadRound(tx: Executor, ref: RoundRef): Promise<LoadedRound> {
  const loaded = await loadPlan(tx, ref.organizationSlug, ref.planSlug);
  const round = await getRound(tx, loaded.organization.id, loaded.plan.id, ref.fy);
  if (!round) throw notFound({ ja: `${formatFiscalYear(ref.fy)}の照会`, en: `reporting round FY${ref.fy}` });
  return { loaded, round };
}

/** The round, the initiative and its task; not-found when the initiative has no task in that round. */
export async function loadRoundTask(tx: Executor, ref: RoundRef & { code: string }): Promise<LoadedRoundTask> {
  const { loaded, round } = await loadRound(tx, ref);
  const orgId = loaded.organization.id;
  const row = await getNodeByCode(tx, orgId, loaded.plan.id, ref.code);
  const task = row && (await getRoundTask(tx, orgId, round.id, row.id));
  if (!row || !task) throw notFound({ ja: `取組「${ref.code}」の照会`, en: `report for "${ref.code}"` });
  const node = findNode(loaded.document, ref.code)!;
  const goal = nodePath(loaded.document, ref.code)![0]!;
  return { loaded, round, row, node, goal, task };
}

export function requireOpen(round: RoundRecord): void {
  if (round.status !== 'open') {
    throw new AppError('invalid-state', {
      ja: 'この照会は締め切られています',
      en: 'This reporting round is closed',
    });
  }
}
