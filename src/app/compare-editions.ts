import {
  diffEditions,
  type EditionContent,
  type EditionDiff,
  type RatingScale,
  type SheetField,
  sheetFieldsOf,
} from '../domain/index.ts';
import { type EditionSummary, listDepartments, listEditions } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize, can } from './authorize.ts';
import { editionOrganization } from './edition-organization.ts';
import { notFound } from './errors.ts';
import { type LoadedPlan, loadPlan } from './load-plan.ts';
import { readEditionContent } from './read-edition-content.ts';

/** "working" compares with the unpublished draft (staff only); any other value is an edition id. */
export type EditionRef = 'working' | string;

export interface EditionComparison {
  planTitle: string;
  editions: EditionSummary[];
  from: EditionRef;
  to: EditionRef;
  diff: EditionDiff;
  scale: RatingScale;
  /** The plan's sheet fields, to name and show the fields kept by key that changed. */
  fields: SheetField[];
}

function workingContent(loaded: LoadedPlan, departments: EditionContent['departments']): EditionContent {
  const o = loaded.organization;
  return {
    organization: editionOrganization(o),
    departments,
    plan: loaded.document,
  };
}

/**
 * Differences between two editions of a plan (or an edition and the working draft). Defaults: the previous
 * edition against the current one, or the current one against the draft when only one exists.
 */
export async function compareEditions(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
  from?: EditionRef | undefined;
  to?: EditionRef | undefined;
}): Promise<EditionComparison> {
  const db = props.ctx.store.db;
  const loaded = await loadPlan(db, props.organizationSlug, props.planSlug);
  const orgId = loaded.organization.id;
  authorize(props.actor, 'edition.view', { organizationId: orgId });
  const editions = await listEditions(db, orgId, loaded.plan.id);
  const mayReadDraft = can(props.actor, 'plan.read-draft', { organizationId: orgId });
  const [newest, previous] = editions;
  const defaults: [EditionRef, EditionRef] = previous
    ? [previous.id, newest!.id]
    : newest && mayReadDraft
      ? [newest.id, 'working']
      : [newest?.id ?? 'working', newest?.id ?? 'working'];
  const from = props.from || defaults[0];
  const to = props.to || defaults[1];
  const departments = (await listDepartments(db, orgId)).map(({ id: _i, version: _v, ...d }) => d);
  const content = async (ref: EditionRef): Promise<EditionContent> => {
    if (ref === 'working') {
      // Drafts are for staff who may read them; others compare published editions only.
      authorize(props.actor, 'plan.read-draft', { organizationId: orgId });
      return workingContent(loaded, departments);
    }
    const e = editions.find((x) => x.id === ref);
    if (!e) throw notFound({ ja: '版', en: 'edition' });
    return readEditionContent(db, orgId, e);
  };
  const diff = diffEditions(await content(from), await content(to));
  const scale = loaded.document.ratingScales[0]!;
  return { planTitle: loaded.document.title, editions, from, to, diff, scale, fields: sheetFieldsOf(loaded.document) };
}
