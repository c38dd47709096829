import { type Assessment, findLevel, inStage, itemsToText, type PlanNode, type RatingScale } from '../domain/index.ts';
import type { CellRef, DepartmentUpload } from './department-upload.ts';
import { type FieldFrame, fieldInputsOf } from './report-fields.ts';
import { canonicalFieldText, fieldInputLabel } from './upload-field-cells.ts';
import { levelOf } from './upload-rating-level.ts';

type Row = DepartmentUpload['rows'][number];
type IndicatorRow = DepartmentUpload['indicators'][number];

/** A field changed both in the file and on the server since the file was made: kept for the clerk to decide. */
export interface UploadConflict {
  code: string;
  field: 'actual' | 'plan' | 'rating' | 'comment' | 'kpi-actual' | 'kpi-note' | 'field';
  /** The year of a 実績/計画 field and of a KPI value (of a sheet field: the round's year). */
  fy: number;
  /**
   * The indicator of a KPI field: its key and its name as the plan has it. For a sheet field: the entry form's
   * input name, and `label` its title.
   */
  key?: string;
  label?: { ja: string; en: string };
  indicatorName?: string;
  at: CellRef;
  /** What the cell held when the file was made; null when the file no longer says (then every difference counts). */
  base: string | null;
  yours: string;
  theirs: string;
}

export interface MergeContext {
  scale: RatingScale;
  /** The plan's listed evaluation stage, whose rating the workbook holds. */
  listedStage?: string | undefined;
  /** The round's year. */
  fy: number;
  /** The 課 of the file. */
  department: string;
  /** The plan's period and fields, for the sheet fields the 課 enters. */
  plan: FieldFrame;
}

type Decision = 'file' | 'server' | 'conflict';

/**
 * Three-way choice for one field: the clerk's value applies when the server still has the value the file was
 * made from; the server's stays when the clerk left the cell as it was; both changed (differently) is a conflict.
 */
function decide(yours: string, base: string | undefined, theirs: string): Decision {
  if (yours === theirs) return 'file';
  if (base !== undefined && yours === base) return 'server';
  if (base !== undefined && theirs === base) return 'file';
  return 'conflict';
}

// As the entry form shows them (an item's own line breaks as continuation lines), so a choice can be saved by it.
const lines = itemsToText;

const primaryAssessment = (node: PlanNode, m: MergeContext): Assessment | undefined =>
  node.assessments.find(
    (a) =>
      a.fy === m.fy &&
      a.period === 'FY' &&
      (a.scale === undefined || a.scale === m.scale.key) &&
      inStage(a, undefined, m.listedStage),
  );

/** A rating as compared: the level's key, '' when empty, the typed text when it names no level. */
const ratingKey = (scale: RatingScale, value: string | number | null) =>
  value === null || String(value).trim() === '' ? '' : (levelOf(scale, value) ?? String(value).trim());

const ratingLabel = (scale: RatingScale, key: string) =>
  scale.kind === 'numeric' ? key : (findLevel(scale, key)?.label ?? key);

/** What the server holds now for a row's entry cells (a co-department's row: its own part). */
function serverRow(node: PlanNode, m: MergeContext) {
  if (node.departments[0] !== m.department) {
    const mine = node.contributions?.find((c) => c.fy === m.fy && c.department === m.department);
    return {
      items: (fy: number, kind: 'actual' | 'plan') => (kind === 'actual' && fy === m.fy ? (mine?.actual ?? []) : []),
      rating: '',
      comment: mine?.comment ?? null,
    };
  }
  const a = primaryAssessment(node, m);
  return {
    items: (fy: number, kind: 'actual' | 'plan') => node.roadmap.find((r) => r.fy === fy)?.[kind] ?? [],
    rating: a?.level ?? '',
    comment: a?.comment ?? null,
  };
}

/**
 * A row of a file made from an older version of its initiative, merged per field with the sheet as it is now:
 * returns the row to apply (fields the server changed alone, or both changed, hold the server's value) and the
 * conflicts. `merged` says whether some field of the clerk's applies over a newer sheet.
 */
export function mergeStaleRow(row: Row, node: PlanNode, m: MergeContext) {
  const server = serverRow(node, m);
  const conflicts: UploadConflict[] = [];
  let merged = false;
  const settle = (d: Decision, c: Omit<UploadConflict, 'code'>) => {
    if (d === 'conflict') conflicts.push({ code: row.code, ...c });
    else if (d === 'file' && c.yours !== c.theirs) merged = true;
    return d === 'file';
  };
  const roadmap = row.roadmap.map((r) => {
    const theirs = server.items(r.fy, r.kind);
    const base = row.base?.roadmap.find((b) => b.fy === r.fy && b.kind === r.kind);
    const yours = lines(r.items);
    const d = decide(yours, base && lines(base.items), lines(theirs));
    const c = {
      field: r.kind,
      fy: r.fy,
      at: r.at,
      base: base ? lines(base.items) : null,
      yours,
      theirs: lines(theirs),
    };
    return settle(d, c) ? r : { ...r, items: [...theirs] };
  });
  const yoursRating = ratingKey(m.scale, row.rating.value);
  const baseRating = row.base && ratingKey(m.scale, row.base.rating);
  const ratingKept = settle(decide(yoursRating, baseRating, server.rating), {
    field: 'rating',
    fy: m.fy,
    at: row.rating.at,
    base: baseRating === undefined ? null : ratingLabel(m.scale, baseRating),
    yours: ratingLabel(m.scale, yoursRating),
    theirs: ratingLabel(m.scale, server.rating),
  });
  const yoursComment = row.comment.value ?? '';
  const baseComment = row.base && (row.base.comment ?? '');
  const commentKept = settle(decide(yoursComment, baseComment, server.comment ?? ''), {
    field: 'comment',
    fy: m.fy,
    at: row.comment.at,
    base: baseComment ?? null,
    yours: yoursComment,
    theirs: server.comment ?? '',
  });
  const lead = node.departments[0] === m.department;
  const theirFields = fieldInputsOf(node, m.plan);
  const fields = (lead ? (row.fields ?? []) : []).map((f) => {
    const yours = canonicalFieldText(m.plan, f.input, f.text);
    const base = row.base?.fields?.[f.input];
    const theirs = theirFields[f.input] ?? '';
    const c = { field: 'field' as const, fy: m.fy, key: f.input, label: fieldInputLabel(m.plan, f.input), at: f.at };
    const kept = settle(decide(yours, base, theirs), { ...c, base: base ?? null, yours, theirs });
    return kept ? f : { ...f, text: theirs };
  });
  const effective: Row = {
    ...row,
    ...(row.fields && { fields: lead ? fields : row.fields }),
    roadmap,
    rating: ratingKept ? row.rating : { value: server.rating === '' ? null : server.rating, at: row.rating.at },
    comment: commentKept ? row.comment : { value: server.comment, at: row.comment.at },
  };
  return { row: effective, conflicts, merged };
}

/** The same for a KPI row: its actual and its note, each on its own. */
export function mergeStaleIndicator(ind: IndicatorRow, node: PlanNode, fy: number) {
  const conflicts: UploadConflict[] = [];
  const indicator = node.indicators.find((i) => i.key === ind.key);
  if (!indicator) return { indicator: ind, conflicts, merged: false };
  const value = indicator.values.find((v) => v.fy === fy && v.period === 'FY');
  const theirs = { actual: value?.actual ?? null, note: value?.actualNote ?? null };
  let merged = false;
  const field = <T extends number | string>(
    kind: 'kpi-actual' | 'kpi-note',
    yours: T | null,
    base: T | null | undefined,
    server: T | null,
    at: CellRef,
  ) => {
    const s = (v: T | null | undefined) => (v === undefined ? undefined : v === null ? '' : String(v));
    const d = decide(s(yours)!, s(base), s(server)!);
    if (d === 'conflict') {
      conflicts.push({
        code: ind.code,
        field: kind,
        fy,
        key: ind.key,
        at,
        base: s(base) ?? null,
        yours: s(yours)!,
        theirs: s(server)!,
      });
    } else if (d === 'file' && s(yours) !== s(server)) merged = true;
    return d === 'file' ? yours : server;
  };
  const actual = field('kpi-actual', ind.actual.value, ind.base?.actual, theirs.actual, ind.actual.at);
  const note = field('kpi-note', ind.note.value, ind.base?.note, theirs.note, ind.note.at);
  return {
    indicator: { ...ind, actual: { ...ind.actual, value: actual }, note: { ...ind.note, value: note } },
    conflicts,
    merged,
  };
}
