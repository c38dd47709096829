import { fieldTitle, type PlanNode, parseFieldText, valueText, yearText } from '../domain/index.ts';
import { type DepartmentUpload, type UploadIssue, uploadIssue } from './department-upload.ts';
import { type FieldFrame, fieldInputs, fieldInputsOf, parseFieldInputs } from './report-fields.ts';

type Row = DepartmentUpload['rows'][number];

/** An input's name as the entry form and the upload result call it ("令和6年度 事業費（決算額）（千円）"). */
export function fieldInputLabel(plan: FieldFrame, input: string): { ja: string; en: string } {
  const found = fieldInputs(plan).get(input);
  if (!found) return { ja: input, en: input };
  return { ja: fieldTitle(found.field, 'ja', found.fy), en: fieldTitle(found.field, 'en', found.fy) };
}

/**
 * A typed cell as the form shows the value once saved ("１，５００" → "1500"), so a merge compares values and
 * not how they were typed; text that is no value of the field stays as typed (it is refused on apply).
 */
export function canonicalFieldText(plan: FieldFrame, input: string, text: string): string {
  const found = fieldInputs(plan).get(input);
  if (!found) return text;
  const { field, fy } = found;
  const parsed = parseFieldText(field.shape, fy === undefined ? text : new Map([[fy, text]]));
  if (!parsed.ok) return text;
  return fy === undefined ? valueText(field.shape, parsed.value) : yearText(parsed.value, fy);
}

/**
 * A row's sheet-field cells applied to the node with the entry form's reading and checks (parseFieldInputs): a
 * field whose columns the file lacks keeps its value; a refused cell is an issue at that cell, in both languages.
 */
export function applyFieldCells(row: Row, node: PlanNode, plan: FieldFrame, issues: UploadIssue[]): PlanNode {
  const cells = row.fields ?? [];
  if (cells.length === 0) return node;
  const known = fieldInputs(plan);
  const typed: Record<string, string> = {};
  for (const c of cells) {
    if (known.has(c.input)) typed[c.input] = c.text;
    else
      issues.push(
        uploadIssue(c.at, `この列の項目「${c.input}」は計画にありません`, `No field "${c.input}" in this plan`),
      );
  }
  const { fields, errors } = parseFieldInputs({ ...fieldInputsOf(node, plan), ...typed }, node, plan);
  const refused = Object.entries(errors);
  for (const [key, message] of refused) {
    const at = cells.find((c) => `fields.${c.input}` === key)?.at ?? row.at;
    issues.push(uploadIssue(at, message.ja, message.en));
  }
  if (refused.length > 0) return node;
  const { fields: _old, ...rest } = node;
  return fields ? { ...rest, fields } : rest;
}

/** The sheet-field cells a co-department typed in a shared initiative's row: they are the lead 課's to fill. */
export const typedFieldCells = (row: Row) => (row.fields ?? []).filter((c) => c.text.trim() !== '').map((c) => c.at);
