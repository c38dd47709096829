import {
  diffInitiative,
  type InitiativeDiff,
  type PlanNode,
  type RatingScale,
  type SheetField,
  sheetFieldsOf,
} from '../domain/index.ts';
import { getNodeByCode, listAuditEventsOf, listTasksOfNode, listUsers } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { notFound } from './errors.ts';
import { loadPlan } from './load-plan.ts';
import { TASK_STATES, type TaskState } from './review-chain.ts';

export interface HistoryEntry {
  at: string;
  /** Display name of the user, or "system:…" for the CLI and seeding. */
  actorName: string;
  /** Stable action code (e.g. "report.save"); the page translates it. */
  action: string;
  /** The audit record's summary for a sheet edit (the item's code and title, as entered); null for a task event. */
  summary: string | null;
  /** A reporting task's move, as the state codes the page names in its language (e.g. not_started → in_progress). */
  moved: { from: TaskState; to: TaskState } | null;
  /** Top-level sheet fields that differ between before and after (e.g. "roadmap", "assessments"). */
  changedFields: string[];
  /** For a sheet edit, what changed as before → after (ratings, KPI values, 工程表 and text items). */
  diff: InitiativeDiff | null;
  note: string | null;
}

/** A sheet as an audit event holds it ({ title, ...content }), read as a node so it can be compared. */
function sheetOf(code: string, state: unknown): PlanNode | undefined {
  if (!state || typeof state !== 'object') return undefined;
  const s = state as Partial<PlanNode>;
  return {
    ...s,
    code,
    title: typeof s.title === 'string' ? s.title : '',
    children: [],
    roadmap: s.roadmap ?? [],
    assessments: s.assessments ?? [],
    indicators: s.indicators ?? [],
    lifecycle: s.lifecycle ?? { status: 'active' },
  } as PlanNode;
}

/** Before → after of a sheet edit; null for an event that is not one (a task move, a creation, a deletion). */
function sheetDiff(code: string, before: unknown, after: unknown): InitiativeDiff | null {
  const a = sheetOf(code, before);
  const b = sheetOf(code, after);
  return a && b ? (diffInitiative(a, b) ?? null) : null;
}

const isTaskState = (s: unknown): s is TaskState =>
  typeof s === 'string' && (TASK_STATES as readonly string[]).includes(s);

/** From → to of a task event that moved the task; null for one that did not (a comment). */
function taskMove(before: unknown, after: unknown): HistoryEntry['moved'] {
  const from = (before as { state?: unknown } | null | undefined)?.state;
  const to = (after as { state?: unknown } | null | undefined)?.state;
  return isTaskState(from) && isTaskState(to) ? { from, to } : null;
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
}): Promise<{ code: string; title: string; scales: RatingScale[]; fields: SheetField[]; entries: HistoryEntry[] }> {
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
    scales: loaded.document.ratingScales,
    fields: sheetFieldsOf(loaded.document),
    entries: events.map((e) => {
      const after = e.after as { note?: unknown; text?: unknown } | undefined;
      const note = typeof after?.note === 'string' ? after.note : typeof after?.text === 'string' ? after.text : null;
      return {
        at: e.at,
        actorName: names.get(e.actor) ?? e.actor,
        action: e.action,
        // A task event's stored summary repeats the item and says the move in Japanese: the page says it from
        // the states instead, in its own language.
        summary: e.entityType === 'node' ? (e.summary ?? null) : null,
        moved: e.entityType === 'node' ? null : taskMove(e.before, e.after),
        changedFields: e.entityType === 'node' ? changedFields(e.before, e.after) : [],
        diff: e.entityType === 'node' ? sheetDiff(row.code, e.before, e.after) : null,
        note,
      };
    }),
  };
}
