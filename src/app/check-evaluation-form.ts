import type { z } from 'zod';
import { issueMessage, PlanDocument } from '../domain/index.ts';
import type { FieldErrors } from './errors.ts';
import { type EvaluationFormValues, evaluationFromForm } from './evaluation-form.ts';
import { formatIssuePath } from './format-zod-error.ts';
import { overrideField } from './indicator-overrides.ts';
import type { LoadedPlan } from './load-plan.ts';

type Checked = { ok: true; plan: PlanDocument } | { ok: false; errors: FieldErrors };

/** The form field an issue of the plan schema belongs to (rows renumbered to the rows as typed). */
function fieldOf(path: readonly PropertyKey[], rows: { levels: number[]; bands: number[] }, input: unknown): string {
  if (path[0] === 'rollup' && path[1] === 'shareRounding') return 'shareRounding';
  const at = path.findIndex((p) => p === 'method' || p === 'tolerance');
  if (path[0] === 'nodes' && at > 0 && path[at - 2] === 'indicators') {
    const node = valueAt(input, path.slice(0, at - 2)) as { code?: string } | undefined;
    const ind = valueAt(input, path.slice(0, at)) as { key?: string } | undefined;
    return overrideField(node?.code ?? '', ind?.key ?? '', path[at] === 'method' ? 'basis' : 'toleranceSize');
  }
  if (path[0] !== 'evaluation') return 'form';
  const rest = [...path.slice(1)];
  if (rest[0] === 'status' && (rest[1] === 'levels' || rest[1] === 'bands') && typeof rest[2] === 'number') {
    rest[2] = rows[rest[1]][rest[2]] ?? rest[2];
  }
  // Points or percent are one "size" field with a unit beside it.
  if (
    rest[0] === 'status' &&
    rest[1] === 'tolerance' &&
    (rest.length === 2 || rest[2] === 'points' || rest[2] === 'percent')
  ) {
    return 'status.tolerance.size';
  }
  return rest.length === 0 ? 'form' : formatIssuePath(rest);
}

/**
 * The plan as it would be with the form's evaluation method, checked by the very schema a bundle import uses
 * (levels, bands, keys, references), every problem at once, each on its field.
 */
export function checkEvaluationForm(loaded: LoadedPlan, values: EvaluationFormValues): Checked {
  const parsed = evaluationFromForm(values, loaded.document.nodes);
  const { evaluation: _e, ...rest } = loaded.document;
  const candidate = {
    ...rest,
    rollup: { ...loaded.document.rollup, shareRounding: parsed.shareRounding },
    nodes: parsed.nodes,
    ...(parsed.evaluation === undefined ? {} : { evaluation: parsed.evaluation }),
  };
  const check = PlanDocument.safeParse(candidate);
  const errors: FieldErrors = { ...parsed.errors };
  if (!check.success) {
    for (const issue of check.error.issues) {
      const key = fieldOf(issue.path, parsed.rows, candidate);
      if (errors[key]) continue;
      errors[key] = issueMessage(issue as z.core.$ZodIssue, valueAt(candidate, issue.path));
    }
  }
  if (Object.keys(errors).length > 0 || !check.success) return { ok: false, errors };
  return { ok: true, plan: check.data };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const p of path) {
    value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return value;
}
