import {
  type Assessment,
  assessmentOf,
  diffInitiative,
  findNode,
  type InitiativeDiff,
  type InitiativeStatus,
  initiativeStatus,
  overrideLevels,
  type PlanDocument,
  type PlanNode,
  type RatingScale,
  ratingQuery,
  type SharedInitiatives,
  type SheetField,
  type StatusRule,
  timeZoneOf,
} from '../domain/index.ts';
import {
  getCurrentEdition,
  listDepartments,
  listReviewNotes,
  type ReviewNoteRecord,
  type TaskPartRecord,
} from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize, can } from './authorize.ts';
import { contributionOf, valuesFor } from './contribution-form.ts';
import { type DepartmentName, departmentNamer } from './department-name.ts';
import { loadRoundTask, type RoundRef } from './load-round-task.ts';
import { daysBetween, localDate } from './local-date.ts';
import { readEditionContent } from './read-edition-content.ts';
import { departmentFields, planYears } from './report-fields.ts';
import { nextYears, type ReportValues, reportValuesOf } from './report-form.ts';
import { reachedPlanOffice, reviewActionAt, type TaskState } from './review-chain.ts';
import { editableNow } from './save-report.ts';
import { contributorOf, leadResource, sharedModeOf } from './shared-part.ts';
import { partsOfTask } from './task-parts.ts';

export interface ReportView {
  organizationSlug: string;
  planSlug: string;
  planTitle: string;
  round: { fy: number; dueDate: string; status: string; reviewChain: string[] };
  node: PlanNode;
  goal: { code: string; title: string };
  departments: DepartmentName[];
  /** The sheet version the form must carry back. */
  version: number;
  task: { state: TaskState; step: number; returned: boolean; version: number; submittedAt: string | null };
  /** The form values of the actor: the whole sheet, or a co-department's own part. */
  values: ReportValues;
  /** The sheet as stored (the lead 課's), for read-only display. */
  sheet: ReportValues;
  scale: RatingScale;
  nextYears: number[];
  /** The plan's own fields the 課 enters with the report, and the years an amount per year is entered for. */
  entryFields: SheetField[];
  planYears: number[];
  notes: ReviewNoteRecord[];
  /**
   * The initiative as in the current published edition (last year's results), if it was there, with the rating
   * of the year before the round as that edition lists it (its primary scale and listed stage).
   */
  published: { editionName: string; editionFy: number; node: PlanNode; lastRating: Assessment | undefined } | null;
  /** What changed in the working sheet since that edition. */
  changes: InitiativeDiff | undefined;
  overdue: boolean;
  daysLeft: number;
  can: { edit: boolean; submit: boolean; review: boolean; comment: boolean; history: boolean; editPlan: boolean };
  /** The co-department the actor writes for (its own part only), or null when it writes the whole sheet. */
  contributor: DepartmentName | null;
  /** The co-departments' parts for the round's year, in the sheet's order of 課, for the lead and reviewers. */
  contributions: {
    code: string;
    name: string;
    actual: string[];
    comment: string | null;
    /** Where the part stands under each-submits (null when the lead submits the whole sheet). */
    review: { state: TaskState; version: number; canReview: boolean } | null;
  }[];
  /** Who submits the plan's shared initiatives. */
  sharedMode: SharedInitiatives;
  /**
   * Where the plan lets a verdict be set by hand: the levels it allows and the verdict computed from the
   * saved KPI values, shown beside the field so the two are never confused.
   */
  override: { levels: StatusRule['levels']; computed: InitiativeStatus | null } | null;
}

/** One initiative's report in a round, with what the actor may do with it. */
export async function getReport(
  props: RoundRef & { ctx: AppContext; actor: Actor; code: string },
): Promise<ReportView> {
  const db = props.ctx.store.db;
  const lt = await loadRoundTask(db, props);
  const orgId = lt.organization.id;
  const resource = { organizationId: orgId, departments: lt.node.departments };
  authorize(props.actor, 'report.view', resource);
  const doc = lt.settings;
  // Independent reads: on PostgreSQL they go out on separate pooled connections at once.
  const [departments, current, notes] = await Promise.all([
    listDepartments(db, orgId),
    getCurrentEdition(db, orgId, lt.plan.id),
    listReviewNotes(db, orgId, lt.task.id),
  ]);
  const named = departmentNamer(departments);
  const publishedContent = current ? await readEditionContent(db, orgId, current) : undefined;
  const publishedNode = publishedContent && findNode(publishedContent.plan, props.code);
  const open = lt.round.status === 'open';
  const { step } = lt.task;
  const reviewAction = reviewActionAt(lt.round.reviewChain, step);
  const today = localDate(props.ctx.now(), timeZoneOf(lt.organization));
  const lead = leadResource(orgId, lt.node);
  const contributor = contributorOf(props.actor, lt.node);
  const sharedMode = sharedModeOf(doc);
  const eachSubmits = sharedMode === 'each-submits' && lt.node.departments.length > 1;
  const parts = eachSubmits ? await partsOfTask(db, lt) : new Map<string, TaskPartRecord>();
  // Under each-submits a co-department's own part, not the lead's task, decides what it may do now.
  const ownPart = eachSubmits && contributor !== null;
  const mine = ownPart ? { step: parts.get(contributor!)?.step ?? 0 } : lt.task;
  const submitter = ownPart ? { organizationId: orgId, departments: [contributor!] } : lead;
  const partReview = (code: string) => {
    const p = parts.get(code);
    const state = (p?.state ?? 'not_started') as TaskState;
    const act = p ? reviewActionAt(lt.round.reviewChain, p.step) : undefined;
    const canReview =
      open && act !== undefined && can(props.actor, act, { organizationId: orgId, departments: [code] });
    return { state, version: p?.version ?? 0, canReview };
  };
  const daysLeft = daysBetween(today, lt.round.dueDate);
  return {
    organizationSlug: props.organizationSlug,
    planSlug: props.planSlug,
    planTitle: doc.title,
    round: {
      fy: lt.round.fy,
      dueDate: lt.round.dueDate,
      status: lt.round.status,
      reviewChain: lt.round.reviewChain,
    },
    node: lt.node,
    goal: { code: lt.goal.code, title: lt.goal.title },
    departments: lt.node.departments.map(named),
    version: lt.row.version,
    task: {
      state: lt.task.state as TaskState,
      step,
      returned: lt.task.returned,
      version: lt.task.version,
      submittedAt: lt.task.submittedAt,
    },
    values: valuesFor(props.actor, lt, props.fy),
    sheet: reportValuesOf(lt.node, doc, props.fy),
    scale: doc.ratingScales[0]!,
    override: overrideOf(doc, lt.node, props.fy),
    nextYears: nextYears(doc, props.fy),
    entryFields: departmentFields(doc),
    planYears: planYears(doc),
    notes,
    published:
      current && publishedContent && publishedNode
        ? {
            editionName: current.name,
            editionFy: current.fy,
            node: publishedNode,
            lastRating: assessmentOf(publishedNode, props.fy - 1, undefined, ratingQuery(publishedContent.plan)),
          }
        : null,
    changes: publishedNode ? diffInitiative(publishedNode, lt.node, lt.goal.code) : undefined,
    overdue: open && daysLeft < 0 && !reachedPlanOffice(lt.round.reviewChain, step),
    daysLeft,
    can: {
      edit:
        open &&
        can(props.actor, 'report.edit', resource) &&
        editableNow(props.actor, { ...lt, task: { ...lt.task, ...mine } }),
      submit: open && mine.step === 0 && can(props.actor, 'report.submit', submitter),
      review: open && reviewAction !== undefined && can(props.actor, reviewAction, lead),
      comment: can(props.actor, 'review.comment', resource),
      history: can(props.actor, 'history.view', resource),
      editPlan: can(props.actor, 'plan.edit', resource),
    },
    contributor: contributor === null ? null : named(contributor),
    contributions: lt.node.departments.slice(1).flatMap((code) => {
      const c = contributionOf(lt.node, props.fy, code);
      const review = eachSubmits ? partReview(code) : null;
      if (!c && !parts.has(code)) return [];
      return [{ ...named(code), actual: c?.actual ?? [], comment: c?.comment ?? null, review }];
    }),
    sharedMode,
  };
}

function overrideOf(doc: Omit<PlanDocument, 'nodes'>, node: PlanNode, fy: number): ReportView['override'] {
  const levels = overrideLevels(doc.evaluation);
  return levels && { levels, computed: initiativeStatus({ ...doc, nodes: [] }, node, fy) };
}
