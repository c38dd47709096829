import type { EditionContent } from './edition-content.ts';
import type { FieldValue } from './field-shape.ts';
import type { PlanNode } from './plan-document.ts';
import { leafNodes, walkNodes } from './plan-tree.ts';

/** Where a text item sits in an initiative sheet. */
export type TextField = 'situation' | 'challenges' | 'goal' | 'roadmap-plan' | 'roadmap-actual' | 'rating-comment';

export interface TextChange {
  field: TextField;
  /** For 工程表 items and rating comments, the fiscal year of the entry. */
  fy?: number;
  item: string;
}

export interface RatingChange {
  fy: number;
  scale?: string;
  from: string | null;
  to: string | null;
}

export interface IndicatorChange {
  key: string;
  name: string;
  fy: number;
  field: 'actual' | 'target' | 'provisional';
  from: number | boolean | null;
  to: number | boolean | null;
}

/** A field kept by key (see sheet-fields.ts) whose value differs; null where a version gives none. */
export interface FieldChange {
  key: string;
  from: FieldValue | null;
  to: FieldValue | null;
}

export interface InitiativeDiff {
  code: string;
  title: string;
  /** Code of the top-level node (goal) it belongs to in the newer edition (or the older one, if removed). */
  goalCode: string | null;
  status: 'added' | 'removed' | 'changed';
  titleChange?: { from: string; to: string };
  lifecycleChange?: { from: string; to: string };
  textAdded: TextChange[];
  textRemoved: TextChange[];
  ratings: RatingChange[];
  indicators: IndicatorChange[];
  fieldChanges: FieldChange[];
}

export interface EditionDiff {
  /** Initiatives that differ, in the newer edition's order (removed ones last). */
  initiatives: InitiativeDiff[];
  unchanged: number;
}

type Items = Map<string, { change: TextChange; count: number }>;

function textItems(node: PlanNode | undefined): Items {
  const out: Items = new Map();
  const add = (change: TextChange) => {
    const k = JSON.stringify([change.field, change.fy ?? null, change.item]);
    const e = out.get(k);
    if (e) e.count++;
    else out.set(k, { change, count: 1 });
  };
  if (!node) return out;
  for (const item of node.situation?.items ?? []) add({ field: 'situation', item });
  for (const item of node.challenges?.items ?? []) add({ field: 'challenges', item });
  if (node.goal) add({ field: 'goal', item: node.goal });
  for (const r of node.roadmap) {
    for (const item of r.plan) add({ field: 'roadmap-plan', fy: r.fy, item });
    for (const item of r.actual) add({ field: 'roadmap-actual', fy: r.fy, item });
  }
  // The reason given with a year's rating (the primary scale's and any other), a text readers see beside it.
  for (const a of node.assessments)
    if (a.period === 'FY' && a.comment) add({ field: 'rating-comment', fy: a.fy, item: a.comment });
  return out;
}

/** Items in `a` more often than in `b` (a multiset difference, so a repeated line counts). */
function minus(a: Items, b: Items): TextChange[] {
  const out: TextChange[] = [];
  for (const [k, e] of a) for (let i = b.get(k)?.count ?? 0; i < e.count; i++) out.push(e.change);
  return out;
}

function ratingChanges(a: PlanNode | undefined, b: PlanNode | undefined): RatingChange[] {
  const key = (x: { fy: number; period: string; scale?: string | undefined }) => `${x.fy}/${x.period}/${x.scale ?? ''}`;
  const before = new Map((a?.assessments ?? []).map((x) => [key(x), x]));
  const after = new Map((b?.assessments ?? []).map((x) => [key(x), x]));
  const out: RatingChange[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const x = before.get(k);
    const y = after.get(k);
    if (x?.level === y?.level) continue;
    const ref = (y ?? x)!;
    out.push({ fy: ref.fy, ...(ref.scale && { scale: ref.scale }), from: x?.level ?? null, to: y?.level ?? null });
  }
  return out.sort((p, q) => p.fy - q.fy);
}

function indicatorChanges(a: PlanNode | undefined, b: PlanNode | undefined): IndicatorChange[] {
  const out: IndicatorChange[] = [];
  const keys = new Set([...(a?.indicators ?? []), ...(b?.indicators ?? [])].map((i) => i.key));
  for (const key of keys) {
    const x = a?.indicators.find((i) => i.key === key);
    const y = b?.indicators.find((i) => i.key === key);
    const name = (y ?? x)!.name;
    const fys = new Set([...(x?.values ?? []), ...(y?.values ?? [])].filter((v) => v.period === 'FY').map((v) => v.fy));
    for (const fy of [...fys].sort()) {
      const vx = x?.values.find((v) => v.fy === fy && v.period === 'FY');
      const vy = y?.values.find((v) => v.fy === fy && v.period === 'FY');
      for (const field of ['actual', 'target'] as const) {
        const from = vx?.[field] ?? null;
        const to = vy?.[field] ?? null;
        if (from !== to) out.push({ key, name, fy, field, from, to });
      }
      const pFrom = vx?.provisional ?? false;
      const pTo = vy?.provisional ?? false;
      if (pFrom !== pTo && vx?.actual != null && vy?.actual != null) {
        out.push({ key, name, fy, field: 'provisional', from: pFrom, to: pTo });
      }
    }
    if ((x?.target?.value ?? null) !== (y?.target?.value ?? null) && x && y) {
      out.push({
        key,
        name,
        fy: (y.target ?? x.target)!.fy,
        field: 'target',
        from: x.target?.value ?? null,
        to: y.target?.value ?? null,
      });
    }
  }
  return out;
}

/**
 * What changed in one initiative between two versions of its sheet; undefined when nothing did.
 * @example diffInitiative(r4Node, r5Node)?.ratings // [{ fy: 2023, from: null, to: "60" }]
 */
export function diffInitiative(
  a: PlanNode | undefined,
  b: PlanNode | undefined,
  goalCode: string | null = null,
): InitiativeDiff | undefined {
  const ref = (b ?? a)!;
  const ta = textItems(a);
  const tb = textItems(b);
  const diff: InitiativeDiff = {
    code: ref.code,
    title: ref.title,
    goalCode,
    status: !a ? 'added' : !b ? 'removed' : 'changed',
    textAdded: minus(tb, ta),
    textRemoved: minus(ta, tb),
    ratings: ratingChanges(a, b),
    indicators: indicatorChanges(a, b),
    fieldChanges: fieldChanges(a, b),
  };
  if (a && b && a.title !== b.title) diff.titleChange = { from: a.title, to: b.title };
  if (a && b && a.lifecycle.status !== b.lifecycle.status) {
    diff.lifecycleChange = { from: a.lifecycle.status, to: b.lifecycle.status };
  }
  const changed =
    diff.status !== 'changed' ||
    diff.titleChange ||
    diff.lifecycleChange ||
    diff.textAdded.length + diff.textRemoved.length + diff.ratings.length + diff.indicators.length > 0 ||
    diff.fieldChanges.length > 0;
  return changed ? diff : undefined;
}

function fieldChanges(a: PlanNode | undefined, b: PlanNode | undefined): FieldChange[] {
  const keys = new Set([...Object.keys(a?.fields ?? {}), ...Object.keys(b?.fields ?? {})]);
  return [...keys].flatMap((key) => {
    const from = a?.fields?.[key] ?? null;
    const to = b?.fields?.[key] ?? null;
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ key, from, to }];
  });
}

function goalsByCode(content: EditionContent): Map<string, string> {
  const out = new Map<string, string>();
  for (const { node, ancestors } of walkNodes(content.plan)) out.set(node.code, (ancestors[0] ?? node).code);
  return out;
}

/**
 * Per initiative, what changed from edition `a` to edition `b`: text items added and removed, ratings and KPI
 * values changed. Initiatives are matched by code, or by a code the newer one lists in `previousCodes`.
 * @example diffEditions(r4, r5).initiatives.find((d) => d.code === '1-1')?.ratings
 *   // [{ fy: 2023, from: null, to: "60" }]
 */
export function diffEditions(a: EditionContent, b: EditionContent): EditionDiff {
  const older = new Map(leafNodes(a.plan).map((n) => [n.code, n]));
  const goalsA = goalsByCode(a);
  const goalsB = goalsByCode(b);
  const matched = new Set<string>();
  const initiatives: InitiativeDiff[] = [];
  let unchanged = 0;
  for (const node of leafNodes(b.plan)) {
    const prevCode = [node.code, ...node.previousCodes].find((c) => older.has(c) && !matched.has(c));
    if (prevCode) matched.add(prevCode);
    const d = diffInitiative(prevCode ? older.get(prevCode) : undefined, node, goalsB.get(node.code) ?? null);
    if (d) initiatives.push(d);
    else unchanged++;
  }
  for (const [code, node] of older) {
    if (!matched.has(code)) initiatives.push(diffInitiative(node, undefined, goalsA.get(code) ?? null)!);
  }
  return { initiatives, unchanged };
}
