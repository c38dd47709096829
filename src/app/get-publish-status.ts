import { type EditionSummary, listDepartments, listEditions, listRounds } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import type { DepartmentName } from './department-name.ts';
import { editionPlan, type WithheldItem } from './edition-plan.ts';
import { loadPlan } from './load-plan.ts';
import { TASK_STATES } from './review-chain.ts';

export interface PublishStatus {
  planTitle: string;
  editions: EditionSummary[];
  /** The newest round's year, suggested as the edition's year. */
  suggestedFy: number;
  /** Tasks of that round not yet approved (publishing is still allowed: the office decides). */
  notApproved: number;
  /**
   * Those initiatives, by their lead 課 (in the organization's order) and then state: an edition of that year
   * keeps their previously published values, and publishing asks to confirm this count.
   */
  withheld: { department: DepartmentName; items: WithheldItem[] }[];
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
  const { withheld } = await editionPlan(db, loaded, fy);
  const departments = await listDepartments(db, orgId);
  const groups = departments.flatMap((d) => {
    const items = withheld.filter((w) => w.departments[0] === d.code);
    items.sort((a, b) => TASK_STATES.indexOf(a.state) - TASK_STATES.indexOf(b.state));
    return items.length > 0
      ? [{ department: { code: d.code, name: d.name, ...(d.nameEn && { nameEn: d.nameEn }) }, items }]
      : [];
  });
  const unknown = withheld.filter((w) => !departments.some((d) => d.code === w.departments[0]));
  if (unknown.length > 0) groups.push({ department: { code: '', name: '' }, items: unknown });
  return {
    planTitle: loaded.document.title,
    editions,
    suggestedFy: fy,
    notApproved: withheld.length,
    withheld: groups,
  };
}
