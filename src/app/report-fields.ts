import {
  type FieldValue,
  keyedFields,
  type PlanDocument,
  type PlanNode,
  parseFieldText,
  type SheetField,
  valueText,
  yearText,
} from '../domain/index.ts';
import type { FieldErrors } from './errors.ts';

/** What the entry form needs of the plan to list the fields a 課 enters. */
export type FieldFrame = Pick<PlanDocument, 'period' | 'sheetFields'>;

/**
 * The sheet fields a 課 enters with its report (the plan's own fields marked for the 課): the same list for the
 * entry form and the 課 workbook, so both offer and check the same inputs.
 */
export function departmentFields(plan: FieldFrame): SheetField[] {
  return keyedFields(plan, 'form').filter((f) => f.enteredBy === 'department');
}

/** The plan's years, for a field with an amount per year. */
export function planYears(plan: FieldFrame): number[] {
  const out: number[] = [];
  for (let y = plan.period.startFy; y <= plan.period.endFy; y++) out.push(y);
  return out;
}

/**
 * The name of one input of a field: its key, and for an amount per year the year ("settledCost.2022"); also the
 * key of its text in ReportValues.fields and of its error.
 */
export const fieldInputName = (field: SheetField, fy?: number) => (fy === undefined ? field.key : `${field.key}.${fy}`);

/** Each input of the fields a 課 enters, by input name: its field and, for an amount per year, its year. */
export function fieldInputs(plan: FieldFrame): Map<string, { field: SheetField; fy?: number }> {
  const out = new Map<string, { field: SheetField; fy?: number }>();
  for (const field of departmentFields(plan)) {
    if (field.shape.kind !== 'money-per-year') out.set(fieldInputName(field), { field });
    else for (const fy of planYears(plan)) out.set(fieldInputName(field, fy), { field, fy });
  }
  return out;
}

/** The inputs of the fields a 課 enters, as text, for the form and the workbook. */
export function fieldInputsOf(node: PlanNode, plan: FieldFrame): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, { field, fy }] of fieldInputs(plan)) {
    const value = field.read(node);
    out[name] = fy === undefined ? valueText(field.shape, value) : yearText(value, fy);
  }
  return out;
}

/**
 * Reads the typed inputs into the node's `fields`, each checked against its shape as a bundle is; errors by
 * input name (`fields.<name>`). Fields the 課 does not enter keep their values; undefined when the plan has no
 * field the 課 enters, so the sheet is left exactly as it was.
 */
export function parseFieldInputs(
  inputs: Readonly<Record<string, string>>,
  node: PlanNode,
  plan: FieldFrame,
): { fields: Record<string, FieldValue> | undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const entered = departmentFields(plan);
  if (entered.length === 0) return { fields: node.fields, errors };
  const fields: Record<string, FieldValue> = { ...node.fields };
  for (const f of entered) {
    let parsed: ReturnType<typeof parseFieldText>;
    if (f.shape.kind === 'money-per-year') {
      const years = new Map(planYears(plan).map((fy) => [fy, inputs[fieldInputName(f, fy)] ?? ''] as const));
      parsed = parseFieldText(f.shape, years);
      // An amount is refused in its own year's input, so the message stands beside what was typed.
      if (!parsed.ok) {
        const bad = [...years].find(([fy, t]) => !parseFieldText(f.shape, new Map([[fy, t]])).ok)?.[0];
        errors[`fields.${fieldInputName(f, bad)}`] = { ja: parsed.ja, en: parsed.en };
        continue;
      }
    } else {
      parsed = parseFieldText(f.shape, inputs[fieldInputName(f)] ?? '');
      if (!parsed.ok) {
        errors[`fields.${fieldInputName(f)}`] = { ja: parsed.ja, en: parsed.en };
        continue;
      }
    }
    if (parsed.value === undefined) delete fields[f.key];
    else fields[f.key] = parsed.value;
  }
  return { fields: Object.keys(fields).length > 0 ? fields : undefined, errors };
}
