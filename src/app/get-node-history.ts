import { getNodeByCode, listAuditEventsOf, listTasksOfNode, listUsers } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { notFound } from './errors.ts';
import { loadPlan } from './load-plan.ts';

export interface HistoryEntry {
  at: string;
  /** Display name of the user, or "system:…" for the CLI and seeding. */
  actorName: string;
  /** Stable action code (e.g. "report.save"); the page translates it. */
  action: string;
  summary: string | null;
  /** Top-level sheet fields that differ between before and after (e.g. "roadmap", "assessments"). */
  changedFields: string[];
  note: string | null;
}

function changedFields(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
}

/** Who changed an initiative, what and when: its sheet edits and its reporting tasks, newest first. */
export async function getNodeHistory(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
  code: string;
}): Promise<{ code: string; title: string; entries: HistoryEntry[] }> {
  const db = props.ctx.store.db;
  const loaded = await loadPlan(db, props.organizationSlug, props.planSlug);
  const orgId = loaded.organization.id;
  const row = await getNodeByCode(db, orgId, loaded.plan.id, props.code);
  if (!row) throw notFound({ ja: `取組「${props.code}」`, en: `item "${props.code}"` });
  authorize(props.actor, 'history.view', { organizationId: orgId, departments: row.content.departments });
  const tasks = await listTasksOfNode(db, orgId, row.id);
  const events = await listAuditEventsOf(db, orgId, [
    { type: 'node', ids: [row.id] },
    { type: 'round-task', ids: tasks.map((t) => t.id) },
  ]);
  const names = new Map((await listUsers(db, orgId)).map((u) => [u.id, u.displayName]));
  return {
    code: row.code,
    title: row.title,
    entries: events.map((e) => {
      const after = e.after as { note?: unknown; text?: unknown } | undefined;
      const note = typeof after?.note === 'string' ? after.note : typeof after?.text === 'string' ? after.text : null;
      return {
        at: e.at,
        actorName: names.get(e.actor) ?? e.actor,
        action: e.action,
        summary: e.summary ?? null,
        changedFields: e.entityType === 'node' ? changedFields(e.before, e.after) : [],
        note,
      };
    }),
  };
}
