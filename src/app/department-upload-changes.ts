import {
  type Assessment,
  finerThanDeclared,
  type Indicator,
  type IndicatorValue,
  inStage,
  itemsToText,
  type PlanDocument,
  type PlanNode,
  type RoadmapEntry,
} from '../domain/index.ts';
import { parseContribution } from './contribution-form.ts';
import { type CellRef, type DepartmentUpload, type UploadIssue, uploadIssue } from './department-upload.ts';
import { mergeStaleIndicator, mergeStaleRow, type UploadConflict } from './merge-stale-upload.ts';
import { departmentFields } from './report-fields.ts';
import type { NodeChanges } from './update-node.ts';
import { applyFieldCells, typedFieldCells } from './upload-field-cells.ts';
import { levelOf } from './upload-rating-level.ts';

export interface UploadChange {
  code: string;
  expectedVersion: number;
  changes: NodeChanges;
}

function setRoadmap(roadmap: RoadmapEntry[], fy: number, kind: 'actual' | 'plan', items: string[]): RoadmapEntry[] {
  const existing = roadmap.find((r) => r.fy === fy);
  if (!existing) {
    if (items.length === 0) return roadmap;
    const entry = { fy, plan: kind === 'plan' ? items : [], actual: kind === 'actual' ? items : [] };
    return [...roadmap, entry].sort((a, b) => a.fy - b.fy);
  }
  return roadmap.map((r) => (r.fy === fy ? { ...r, [kind]: items } : r));
}

function setAssessment(
  node: PlanNode,
  fy: number,
  primary: string,
  listedStage: string | undefined,
  level: string | undefined,
  comment: string | null,
) {
  // The workbook holds the listed stage's rating: ratings of other stages (事中, 外部評価) are kept as they are.
  const mine = (a: Assessment) =>
    a.fy === fy &&
    a.period === 'FY' &&
    (a.scale === undefined || a.scale === primary) &&
    inStage(a, undefined, listedStage);
  const existing = node.assessments.find(mine);
  if (!level) return node.assessments.filter((a) => !mine(a));
  if (existing && existing.level === level && (existing.comment ?? null) === comment) return node.assessments;
  const next: Assessment = { ...existing, fy, period: 'FY', level, ...(comment !== null && { comment }) };
  if (comment === null) delete next.comment;
  return existing ? node.assessments.map((a) => (a === existing ? next : a)) : [...node.assessments, next];
}

function setActual(indicator: Indicator, fy: number, actual: number | null, note: string | null): Indicator {
  const existing = indicator.values.find((v) => v.fy === fy && v.period === 'FY');
  if (!existing && actual === null && note === null) return indicator;
  if (existing && (existing.actual ?? null) === actual && (existing.actualNote ?? null) === note) return indicator;
  // Keep the value's other fields (target, notes) and their order; only the actual and its note change.
  const next: IndicatorValue = { ...(existing ?? { fy, period: 'FY', provisional: false }) };
  if (actual === null) delete next.actual;
  else next.actual = actual;
  if (note === null) delete next.actualNote;
  else next.actualNote = note;
  const values = existing ? indicator.values.map((v) => (v === existing ? next : v)) : [...indicator.values, next];
  return { ...indicator, values };
}

const stable = (n: Pick<PlanNode, 'roadmap' | 'assessments' | 'indicators' | 'contributions' | 'fields'>) =>
  JSON.stringify([n.roadmap, n.assessments, n.indicators, n.contributions ?? [], n.fields ?? {}]);

const leadWrites = {
  ja: (code: string) =>
    `取組「${code}」の評価・計画・指標は主担当課が記入します（共同担当課が書けるのはこの課の実績とコメントだけです）`,
  en: (code: string) =>
    `Item "${code}": its lead department enters ratings, plans and KPIs (a co-department writes only its own results and comment)`,
};

/**
 * A row of a shared initiative in a co-department's workbook: its 実績 and comment become that 課's part of the
 * sheet (parseContribution, as the form does); a rating or 計画 typed in it is refused at its cell.
 */
function contributionRow(
  row: DepartmentUpload['rows'][number],
  entry: { node: PlanNode },
  upload: DepartmentUpload,
  issues: UploadIssue[],
): void {
  const leadCells = [
    ...(row.rating.value !== null && String(row.rating.value).trim() !== '' ? [row.rating.at] : []),
    ...row.roadmap.filter((r) => r.kind === 'plan' && r.items.length > 0).map((r) => r.at),
    ...typedFieldCells(row),
  ];
  for (const at of leadCells) issues.push(uploadIssue(at, leadWrites.ja(row.code), leadWrites.en(row.code)));
  if (leadCells.length > 0) return;
  const actual = row.roadmap.find((r) => r.kind === 'actual' && r.fy === upload.fy);
  const values = { actual: itemsToText(actual?.items ?? []), comment: row.comment.value ?? '' };
  const parsed = parseContribution(values, entry.node, upload.fy, upload.department);
  if (parsed.errors.actual && actual) {
    issues.push(uploadIssue(actual.at, parsed.errors.actual.ja, parsed.errors.actual.en));
    return;
  }
  entry.node = { ...entry.node, contributions: parsed.contributions };
}

/**
 * Checks an uploaded 課 workbook against the plan as it is now and works out each initiative's new sheet.
 * Pure: `current` maps codes to the stored node and its version. Rows whose values equal what is stored produce
 * no change (uploading an untouched workbook changes nothing). A row made from an older version is merged per
 * field (the fields changed on both sides are returned as conflicts, left as the server has them; `merged` lists
 * the initiatives where the clerk's fields apply over a newer sheet). Every problem is returned, not just the first.
 */
export function departmentUploadChanges(
  plan: PlanDocument,
  current: Map<string, { version: number; node: PlanNode }>,
  upload: DepartmentUpload,
): { issues: UploadIssue[]; changes: UploadChange[]; conflicts: UploadConflict[]; merged: string[] } {
  const issues: UploadIssue[] = [];
  const scale = plan.ratingScales[0]!;
  const edited = new Map<string, { version: number; node: PlanNode; at: CellRef }>();
  const conflicts: UploadConflict[] = [];
  const merged = new Set<string>();
  const merging = { scale, listedStage: plan.listedStage, fy: upload.fy, department: upload.department, plan };
  // A row made from an older version is merged per field with the sheet as it is now (see mergeStaleRow).
  const staleOf = (code: string, version: number) => {
    const found = current.get(code);
    return found && found.version !== version && found.node.departments.includes(upload.department) ? found : null;
  };
  const nodeFor = (code: string, at: CellRef) => {
    const found = current.get(code);
    if (!found) {
      issues.push(uploadIssue(at, `行ID「${code}」の取組はこの計画にありません`, `No item "${code}" in this plan`));
      return undefined;
    }
    if (!found.node.departments.includes(upload.department)) {
      issues.push(
        uploadIssue(
          at,
          `取組「${code}」はこの課の担当ではありません`,
          `Item "${code}" is not one of this department's`,
        ),
      );
      return undefined;
    }
    const entry = edited.get(code) ?? { version: found.version, node: found.node, at };
    edited.set(code, entry);
    return entry;
  };

  const seenRows = new Set<string>();
  for (const fileRow of upload.rows) {
    let row = fileRow;
    if (seenRows.has(row.code)) {
      issues.push(uploadIssue(row.at, `行ID「${row.code}」が重複しています`, `Row id "${row.code}" appears twice`));
      continue;
    }
    seenRows.add(row.code);
    const stale = staleOf(row.code, row.version);
    if (stale) {
      const m = mergeStaleRow(row, stale.node, merging);
      row = m.row;
      conflicts.push(...m.conflicts);
      if (m.merged) merged.add(row.code);
    }
    const entry = nodeFor(row.code, row.at);
    if (entry && entry.node.departments[0] !== upload.department) {
      contributionRow(row, entry, upload, issues);
      continue;
    }
    let level: string | undefined;
    if (row.rating.value !== null && String(row.rating.value).trim() !== '') {
      level = levelOf(scale, row.rating.value);
      if (level === undefined) {
        const options =
          scale.kind === 'numeric' ? `${scale.min}～${scale.max}` : scale.levels.map((l) => l.label).join('、');
        issues.push(
          uploadIssue(
            row.rating.at,
            `「${row.rating.value}」は${scale.name}の選択肢にありません（選択肢: ${options}）`,
            `"${row.rating.value}" is not a level of ${scale.nameEn ?? scale.name} (${options})`,
          ),
        );
        continue;
      }
    } else if (row.comment.value !== null) {
      issues.push(
        uploadIssue(
          row.comment.at,
          '自己評価を選んでからコメントを入力してください',
          'Choose a rating before adding a comment',
        ),
      );
      continue;
    }
    if (!entry) continue;
    let node = entry.node;
    for (const r of row.roadmap) node = { ...node, roadmap: setRoadmap(node.roadmap, r.fy, r.kind, r.items) };
    node = {
      ...node,
      assessments: setAssessment(node, upload.fy, scale.key, plan.listedStage, level, row.comment.value),
    };
    entry.node = applyFieldCells(row, node, plan, issues);
  }

  for (const fileInd of upload.indicators) {
    let ind = fileInd;
    const stale = staleOf(ind.code, ind.version);
    if (stale) {
      const m = mergeStaleIndicator(ind, stale.node, upload.fy);
      ind = m.indicator;
      conflicts.push(...m.conflicts);
      if (m.merged) merged.add(ind.code);
    }
    const entry = nodeFor(ind.code, ind.at);
    if (!entry) continue;
    if (entry.node.departments[0] !== upload.department) {
      issues.push(uploadIssue(ind.at, leadWrites.ja(ind.code), leadWrites.en(ind.code)));
      continue;
    }
    const indicator = entry.node.indicators.find((i) => i.key === ind.key);
    if (!indicator) {
      issues.push(
        uploadIssue(
          ind.at,
          `取組「${ind.code}」に指標「${ind.key}」はありません`,
          `Item "${ind.code}" has no indicator "${ind.key}"`,
        ),
      );
      continue;
    }
    const finer = ind.actual.value === null ? null : finerThanDeclared(indicator, ind.actual.value);
    if (finer) {
      issues.push(uploadIssue(ind.actual.at, finer.ja, finer.en));
      continue;
    }
    const next = setActual(indicator, upload.fy, ind.actual.value, ind.note.value);
    entry.node = { ...entry.node, indicators: entry.node.indicators.map((i) => (i === indicator ? next : i)) };
  }

  const changes: UploadChange[] = [];
  // As the form: a plan with fields the 課 enters writes them with the report; any other plan's are left alone.
  const withFields = departmentFields(plan).length > 0;
  for (const [code, entry] of edited) {
    const before = current.get(code)!.node;
    if (stable(entry.node) === stable(before)) continue;
    const { roadmap, assessments, indicators, contributions, fields } = entry.node;
    const part = entry.node.departments[0] !== upload.department;
    const lead = { roadmap, assessments, indicators, ...(withFields && { fields }) };
    changes.push({
      code,
      expectedVersion: entry.version,
      changes: part ? { contributions: contributions ?? [] } : lead,
    });
  }
  return { issues, changes, conflicts, merged: [...merged].filter((code) => changes.some((c) => c.code === code)) };
}
