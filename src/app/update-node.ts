import { PlanDocument, type PlanNode } from '../domain/index.ts';
import {
  type Executor,
  getNodeByCode,
  getPlanBySlug,
  type NodeContent,
  type NodeRecord,
  type OrganizationRecord,
  type PlanRecord,
  transaction,
  writeNodeSheet,
} from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { AppError, conflict, notFound } from './errors.ts';
import { firstIssueMessage, issuesOf } from './format-zod-error.ts';
import { requireOrganization } from './load-plan.ts';
import { taskMovedMeanwhile } from './move-task.ts';
import { contributorOf, onlyOwnPart } from './shared-part.ts';

export type NodeChanges = Partial<Omit<PlanNode, 'children' | 'code'>>;

export interface UpdateNodeProps {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
  code: string;
  /** The version the editor loaded; a save based on an older version is refused as a conflict. */
  expectedVersion: number;
  changes: NodeChanges;
  /** Audit action name, e.g. "node.update" or "report.save-draft". */
  action?: string;
  /** The organization, plan and node row when the caller has already read them. */
  loaded?: { organization: OrganizationRecord; plan: PlanRecord; row: NodeRecord };
  /** Write only while this round task still has this version; otherwise the save fails as a conflict. */
  whileTask?: { id: string; version: number };
}

export interface UpdateNodeResult {
  version: number;
  node: PlanNode;
}

/**
 * Saves changes to one node's sheet. The merged result is validated against the whole plan (rating levels,
 * departments' existence is checked by the caller's permission layer), written only if nobody saved in between,
 * and recorded as an audit event with before and after, all in one transaction.
 */
export function updateNodeSheet(props: UpdateNodeProps): Promise<UpdateNodeResult> {
  return transaction(props.ctx.store, (tx) => updateNodeSheetIn(tx, props));
}

async function loadNodeRow(db: Executor, props: UpdateNodeProps) {
  const organization = await requireOrganization(db, props.organizationSlug);
  const plan = await getPlanBySlug(db, organization.id, props.planSlug);
  if (!plan) throw notFound({ ja: `計画「${props.planSlug}」`, en: `plan "${props.planSlug}"` });
  const row = await getNodeByCode(db, organization.id, plan.id, props.code);
  if (!row) throw notFound({ ja: `取組「${props.code}」`, en: `item "${props.code}"` });
  return { organization, plan, row };
}

/**
 * The same with the caller's handle: inside a transaction it holds, several sheets change all-or-nothing (Excel
 * upload); outside one, the sheet and its audit event are still written together (see writeNodeSheet).
 */
export async function updateNodeSheetIn(db: Executor, props: UpdateNodeProps): Promise<UpdateNodeResult> {
  const { organization, plan, row } = props.loaded ?? (await loadNodeRow(db, props));
  const orgId = organization.id;
  authorize(props.actor, 'node.edit', { organizationId: orgId, departments: row.content.departments });
  const contributor = contributorOf(props.actor, row.content);
  if (contributor !== null && !onlyPartOf(contributor, row.content, props.changes)) throw onlyOwnPart();
  if (row.version !== props.expectedVersion) {
    throw conflict({ currentVersion: row.version, current: { title: row.title, ...row.content } });
  }
  const { title: newTitle, ...contentChanges } = props.changes;
  const title = newTitle ?? row.title;
  const content: NodeContent = { ...row.content, ...contentChanges };
  // Validated with the plan's settings (so a rating level must exist in the plan's scale), but without the
  // rest of the tree: a save costs the same in a plan of 40 initiatives or 4,000.
  const checked = { ...plan.settings, nodes: [{ code: props.code, title, ...content }] };
  const parsed = PlanDocument.safeParse(checked);
  if (!parsed.success) {
    const first = firstIssueMessage(parsed.error, checked);
    throw new AppError(
      'invalid-input',
      { ja: `入力内容に誤りがあります: ${first.ja}`, en: `Invalid input: ${first.en}` },
      { kind: 'input', issues: issuesOf(parsed.error) },
    );
  }
  const now = props.ctx.now().toISOString();
  const ok = await writeNodeSheet(db, orgId, {
    id: row.id,
    expectedVersion: props.expectedVersion,
    title,
    content,
    now,
    departmentsBefore: row.content.departments,
    whileTask: props.whileTask,
    audit: {
      organizationId: orgId,
      at: now,
      actor: actorId(props.actor),
      action: props.action ?? 'node.update',
      entityType: 'node',
      entityId: row.id,
      summary: `${props.code} ${title}`,
      before: { title: row.title, ...row.content },
      after: { title, ...content },
    },
  });
  if (!ok) {
    const current = await getNodeByCode(db, orgId, plan.id, props.code);
    if (props.whileTask && current?.version === props.expectedVersion) throw taskMovedMeanwhile();
    throw conflict({
      currentVersion: current?.version,
      current: current && { title: current.title, ...current.content },
    });
  }
  return { version: row.version + 1, node: { code: props.code, title, ...content, children: [] } };
}

/**
 * Whether changes by a co-department of a shared initiative stay within its part: nothing but the contributions,
 * and of those only its own entries. This is the last check of every channel, below the form's and the workbook's.
 */
function onlyPartOf(department: string, before: NodeContent, changes: NodeChanges): boolean {
  if (Object.keys(changes).some((k) => k !== 'contributions')) return false;
  const others = (list: NodeContent['contributions']) =>
    JSON.stringify((list ?? []).filter((c) => c.department !== department));
  return others(before.contributions) === others(changes.contributions);
}
