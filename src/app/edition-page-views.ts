import type { EditionContent, PlanNode } from '../domain/index.ts';
import { isGoalNode, isItemNode } from '../domain/index.ts';
import {
  type EditionSummary,
  type EditionViewRecord,
  type Executor,
  getEdition,
  getEditionViewPair,
  listEditionsLackingView,
  upsertEditionViews,
} from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { type DepartmentView, describeDepartment, listPlanDepartments } from './describe-department.ts';
import { describeGoal, type GoalView } from './describe-goal.ts';
import { describeInitiative, type InitiativeView } from './describe-initiative.ts';
import { describePlan, type PlanOverview } from './describe-plan.ts';
import { type InitiativeRow, initiativeRows } from './filter-initiatives.ts';
import type { PublicEditionStamp } from './find-public-edition.ts';
import { decodePageData, encodePageData, frameOf, withWholeNodes } from './page-view-codec.ts';
import { presentedContent } from './public-content.ts';
import { readEditionContent } from './read-edition-content.ts';
import { buildSearchIndex, type SearchIndex } from './search-plan.ts';

/**
 * Bump when any page's data below is computed or encoded differently: stored views of an older version are then
 * computed again (and replaced) on the edition's first request instead of being served.
 */
export const PAGE_VIEWS_VERSION = 4;

/** The data each public page of a plan is drawn from, computed once per edition. */
export interface PageViewData {
  /** Pages that need nothing but the plan around them (downloads, editions). */
  frame: null;
  home: PlanOverview;
  /** The 一覧: its rows before filters and sorting, and the plan's roll-ups per year. */
  list: { rows: InitiativeRow[]; overview: PlanOverview };
  /** The search page filters the same rows and searches the edition's index. */
  search: { rows: InitiativeRow[]; index: SearchIndex };
  departments: DepartmentView[];
  goal: GoalView;
  initiative: InitiativeView;
  department: DepartmentView;
}
export type PageViewKind = keyof PageViewData;

/** A page's data and the content it is drawn with (the frame, with the page's own nodes whole). */
export interface PageSlice<K extends PageViewKind> {
  content: EditionContent;
  data: PageViewData[K];
}

/** How a page gets its slice: from the stored views, or (for the test that they never drift) fresh. */
export type PageViewSource = <K extends PageViewKind>(
  ctx: AppContext,
  stamp: PublicEditionStamp,
  kind: K,
  code?: string,
) => Promise<PageSlice<K> | undefined>;

const FRAME = 'page/frame';
const viewName = (kind: PageViewKind, code?: string) => (code === undefined ? `page/${kind}` : `page/${kind}/${code}`);

type Compute = (content: EditionContent, fy: number, code: string) => unknown;
const COMPUTE: Record<PageViewKind, Compute> = {
  frame: () => null,
  home: (c, fy) => describePlan(c, fy),
  list: (c, fy) => ({ rows: initiativeRows(c, fy), overview: describePlan(c, fy) }),
  search: (c, fy) => ({ rows: initiativeRows(c, fy), index: buildSearchIndex(c) }),
  departments: (c, fy) => listPlanDepartments(c, fy),
  goal: (c, fy, code) => describeGoal(c, code, fy),
  initiative: (c, fy, code) => describeInitiative(c, code, fy),
  department: (c, fy, code) => describeDepartment(c, code, fy),
};

function pageData<K extends PageViewKind>(content: EditionContent, fy: number, kind: K, code = '') {
  return COMPUTE[kind](content, fy, code) as PageViewData[K] | undefined;
}

function* nodesOf(nodes: PlanNode[]): Generator<PlanNode> {
  for (const n of nodes) {
    yield n;
    yield* nodesOf(n.children);
  }
}

/** Every page with data of its own, by kind and code: the plan-wide pages, each goal, initiative and 課. */
function pagesOf(content: EditionContent): { kind: PageViewKind; code?: string }[] {
  const nodes = [...nodesOf(content.plan.nodes)];
  const departments = new Set([
    ...content.departments.map((d) => d.code),
    ...nodes.filter((n) => isItemNode(n)).flatMap((n) => n.departments),
  ]);
  return [
    { kind: 'home' },
    { kind: 'list' },
    { kind: 'search' },
    { kind: 'departments' },
    ...nodes.map((n) => ({ kind: (isGoalNode(n) ? 'goal' : 'initiative') as PageViewKind, code: n.code })),
    ...[...departments].map((code) => ({ kind: 'department' as const, code })),
  ];
}

/** The nodes a page shows in full (its goal's subtree, its initiative); the frame has the others lean. */
function wholeNodesOf(kind: PageViewKind, data: unknown): PlanNode[] {
  return kind === 'goal' || kind === 'initiative' ? [(data as GoalView | InitiativeView).node] : [];
}

/**
 * The stored views of an edition, computed from its presented content (see presentedContent) as every reader
 * sees it: one row per page with data of its own, and the frame last, so an edition that has the frame at this
 * version has them all.
 */
export function buildPageViews(content: EditionContent, fy: number): EditionViewRecord[] {
  const views: EditionViewRecord[] = [];
  for (const { kind, code } of pagesOf(content)) {
    const data = pageData(content, fy, kind, code);
    if (data === undefined) continue;
    const body = `{"nodes":${JSON.stringify(wholeNodesOf(kind, data))},"data":${encodePageData(content, data)}}`;
    views.push({ name: viewName(kind, code), version: PAGE_VIEWS_VERSION, encoding: 'utf8', body });
  }
  views.push({ name: FRAME, version: PAGE_VIEWS_VERSION, encoding: 'utf8', body: JSON.stringify(frameOf(content)) });
  return views;
}

/**
 * Stores the page views of an edition just written, in the caller's transaction (publish, import), from the
 * content as it was stored (`json`), so they are exactly what a reader would compute.
 */
export async function storePageViews(
  tx: Executor,
  ref: { organizationId: string; editionId: string; fy: number; json: string; now: string },
): Promise<void> {
  const views = buildPageViews(presentedContent(JSON.parse(ref.json) as EditionContent), ref.fy);
  await upsertEditionViews(tx, ref.organizationId, ref.editionId, views, ref.now);
}

// Parsed frames of recently read editions: a frame is a few kilobytes and every page of the edition needs it.
// The key holds the content's checksum, so a restored edition with the same id and other content misses.
const frames = new Map<string, EditionContent>();
const FRAME_LIMIT = 64;

function parsedFrame(stamp: PublicEditionStamp, row: EditionViewRecord): EditionContent {
  const key = `${stamp.edition.id}:${stamp.edition.contentSha256}`;
  let frame = frames.get(key);
  if (frame) frames.delete(key);
  else frame = JSON.parse(row.body) as EditionContent;
  frames.set(key, frame);
  if (frames.size > FRAME_LIMIT) frames.delete(frames.keys().next().value!);
  return frame;
}

function decodeSlice<K extends PageViewKind>(frame: EditionContent, row: EditionViewRecord): PageSlice<K> {
  // The row is {"nodes":[…],"data":…}; the nodes go into the frame before the data's references are resolved.
  const split = row.body.indexOf(',"data":');
  const nodes = JSON.parse(row.body.slice('{"nodes":'.length, split)) as PlanNode[];
  const content = withWholeNodes(frame, nodes);
  return { content, data: decodePageData(content, row.body.slice(split + ',"data":'.length, -1)) as PageViewData[K] };
}

// Builds in progress, so that simultaneous first requests for an edition without views compute them once.
const pending = new Map<string, Promise<EditionViewRecord[]>>();

/** Computes and stores the views of an edition published before they existed (or by an older release). */
function buildMissing(
  ctx: AppContext,
  organizationId: string,
  edition: Pick<EditionSummary, 'id' | 'contentSha256' | 'fy'>,
): Promise<EditionViewRecord[]> {
  const key = `${edition.id}:${edition.contentSha256}`;
  let made = pending.get(key);
  if (!made) {
    made = (async () => {
      const content = presentedContent(await readEditionContent(ctx.store.db, organizationId, edition));
      const views = buildPageViews(content, edition.fy);
      await upsertEditionViews(ctx.store.db, organizationId, edition.id, views, ctx.now().toISOString());
      return views;
    })().finally(() => pending.delete(key));
    pending.set(key, made);
  }
  return made;
}

/**
 * A page's slice from the stored views: one query for the page's row and the frame. Undefined when the edition
 * has no such page (an unknown code), which is known without reading the edition: its frame says its views are
 * complete. An edition without current views gets them computed and stored on its first request, once.
 */
export const storedPageView: PageViewSource = async (ctx, stamp, kind, code) => {
  const name = kind === 'frame' ? FRAME : viewName(kind, code);
  let rows = await getEditionViewPair(ctx.store.db, stamp.organization.id, stamp.edition.id, [FRAME, name]);
  let frameRow = rows.find((r) => r.name === FRAME && r.version === PAGE_VIEWS_VERSION);
  if (!frameRow) {
    rows = await buildMissing(ctx, stamp.organization.id, stamp.edition);
    frameRow = rows.at(-1)!;
  }
  const frame = parsedFrame(stamp, frameRow);
  if (kind === 'frame') return { content: frame, data: null as PageViewData[typeof kind] };
  const row = rows.find((r) => r.name === name && r.version === PAGE_VIEWS_VERSION);
  return row && decodeSlice(frame, row);
};

/** A page's slice computed now from the edition's whole content: what the stored views must always equal. */
export const freshPageView: PageViewSource = async (ctx, stamp, kind, code) => {
  const content = presentedContent(await readEditionContent(ctx.store.db, stamp.organization.id, stamp.edition));
  const data = pageData(content, stamp.edition.fy, kind, code);
  return data === undefined ? undefined : { content, data };
};

/**
 * The idempotent start-up step: page views of editions that lack them at this version (published before they
 * were stored, by an older release, or restored from an older backup), one edition at a time.
 */
export async function fillPageViews(ctx: AppContext, options: { signal?: AbortSignal } = {}): Promise<number> {
  const lacking = await listEditionsLackingView(ctx.store.db, FRAME, PAGE_VIEWS_VERSION);
  let filled = 0;
  for (const ref of lacking) {
    if (options.signal?.aborted) break;
    const record = await getEdition(ctx.store.db, ref.organizationId, ref.editionId);
    if (!record) continue;
    await buildMissing(ctx, ref.organizationId, record);
    filled++;
  }
  return filled;
}
