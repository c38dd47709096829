import { formatFiscalYear } from '../domain/index.ts';
import { type EditionSummary, listEditions, listRounds, listRoundTasks } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { loadPlan } from './load-plan.ts';

export interface PublishStatus {
  planTitle: string;
  editions: EditionSummary[];
  /** The newest round's year, suggested as the edition's year. */
  suggestedFy: number;
  /** e.g. 令和5年度実績反映版 */
  suggestedName: string;
  /** Tasks of that round not yet approved (publishing is still allowed: the office decides). */
  notApproved: number;
}

/** What the publish page needs: published editions and how far the latest round has come. */
export async function getPublishStatus(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
}): Promise<PublishStatus> {
  const db = props.ctx.store.db;
  const loaded = await loadPlan(db, props.organizationSlug, props.planSlug);
  const orgId = loaded.organization.id;
  authorize(props.actor, 'edition.publish', { organizationId: orgId });
  const editions = await listEditions(db, orgId, loaded.plan.id);
  const round = (await listRounds(db, orgId, loaded.plan.id))[0];
  const fy = round?.fy ?? (editions[0] ? editions[0].fy + 1 : loaded.document.period.startFy);
  const tasks = round ? await listRoundTasks(db, orgId, round.id) : [];
  return {
    planTitle: loaded.document.title,
    editions,
    suggestedFy: fy,
    suggestedName: `${formatFiscalYear(fy)}実績反映版`,
    notApproved: tasks.filter((t) => t.state !== 'approved').length,
  };
}
