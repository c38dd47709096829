import type { ReportValues, ReportView } from '../../app/index.ts';
import {
  type DomainError,
  type Indicator,
  indicatorQuantity,
  parseQuantity,
  quantityWarnings,
  targetInForce,
  withUnit,
} from '../../domain/index.ts';
import type { FormFields } from './staff-env.ts';

export type { ReportValues, ReportView };

/** The year's target of an indicator as printed beside its field, e.g. "35件". */
export function targetOf(ind: Indicator, fy: number): string | null {
  const yearly = ind.values.find((v) => v.fy === fy && v.period === 'FY')?.target;
  const value = yearly ?? targetInForce(ind, fy)?.value ?? null;
  if (value === null || value === undefined) return null;
  return withUnit(indicatorQuantity(ind, value), ind.unit);
}

/** Actuals of the years before `fy`, latest first, for the entry form to show beside the input. */
export function earlierActualsOf(ind: Indicator, fy: number): { fy: number; value: number; text: string }[] {
  return ind.values
    .filter((v) => v.fy < fy && v.period === 'FY' && typeof v.actual === 'number')
    .sort((a, b) => b.fy - a.fy)
    .map((v) => ({ fy: v.fy, value: v.actual!, text: withUnit(indicatorQuantity(ind, v.actual!), ind.unit) }));
}

/** Warnings (never refusals) for the value in the field as typed: see quantityWarnings. */
export function kpiWarningsOf(ind: Indicator, fy: number, typed: string): DomainError[] {
  const parsed = parseQuantity(typed, ind.unit);
  if (!parsed.ok) return [];
  return quantityWarnings({ value: parsed.value, unit: ind.unit, previous: earlierActualsOf(ind, fy)[0] });
}

/** The posted entry form as the app's string-valued ReportValues (so it can be shown again unchanged). */
export function reportValuesFromForm(form: FormFields): ReportValues {
  const one = (k: string) => form.get(k)?.[0] ?? '';
  const plans: Record<string, string> = {};
  const indicators: Record<string, { actual: string; provisional: boolean; note: string }> = {};
  for (const name of form.keys()) {
    const plan = /^plan\.(\d{4})$/.exec(name);
    if (plan) plans[plan[1]!] = one(name);
    const kpi = /^kpi\.([a-z0-9-]+)\.(actual|note|provisional)$/.exec(name);
    if (kpi) indicators[kpi[1]!] ??= { actual: '', provisional: false, note: '' };
  }
  for (const key of Object.keys(indicators)) {
    indicators[key] = {
      actual: one(`kpi.${key}.actual`),
      provisional: form.has(`kpi.${key}.provisional`),
      note: one(`kpi.${key}.note`),
    };
  }
  const fields: Record<string, string> = {};
  for (const name of form.keys()) {
    const field = /^field\.(.+)$/.exec(name);
    if (field) fields[field[1]!] = one(name);
  }
  return {
    actual: one('actual'),
    plans,
    indicators,
    rating: one('rating'),
    comment: one('comment'),
    // Only a form that shows the field posts it; without it the saved verdict set by hand is kept.
    ...(form.has('override') && { override: one('override'), overrideReason: one('overrideReason') }),
    fields,
  };
}

/**
 * The user's input with each field the user chose to leave as saved taken from the saved content instead
 * (`takeSaved` gets the field's form name: "actual", "plan.2024", "kpi.<key>", "rating", "comment").
 */
export function chooseValues(
  yours: ReportValues,
  saved: ReportValues,
  takeSaved: (name: string) => boolean,
): ReportValues {
  const plans = { ...yours.plans };
  for (const y of new Set([...Object.keys(yours.plans), ...Object.keys(saved.plans)])) {
    if (takeSaved(`plan.${y}`)) plans[y] = saved.plans[y] ?? '';
  }
  const indicators = { ...yours.indicators };
  for (const key of new Set([...Object.keys(yours.indicators), ...Object.keys(saved.indicators)])) {
    const s = saved.indicators[key];
    if (takeSaved(`kpi.${key}`)) indicators[key] = s ?? { actual: '', provisional: false, note: '' };
  }
  return {
    actual: takeSaved('actual') ? saved.actual : yours.actual,
    plans,
    indicators,
    rating: takeSaved('rating') ? saved.rating : yours.rating,
    comment: takeSaved('comment') ? saved.comment : yours.comment,
    fields: Object.fromEntries(
      [...new Set([...Object.keys(yours.fields), ...Object.keys(saved.fields)])].map((name) => [
        name,
        (takeSaved(`field.${name}`) ? saved.fields[name] : yours.fields[name]) ?? '',
      ]),
    ),
  };
}

/**
 * The entry form's values from a body cut at the size limit: each field up to the last one that arrived as
 * typed, every later one as saved, and the path of the first field that did not arrive (where the cut was).
 */
export function reportValuesThatFitted(
  form: FormFields,
  view: ReportView,
): { values: ReportValues; cutAt: string | undefined } {
  const typed = reportValuesFromForm(form);
  const saved = view.values;
  // The form's fields in the order the browser sends them, each with its path in ReportValues.
  const order: [string, string][] = [['actual', 'actual']];
  for (const y of view.nextYears) order.push([`plan.${y}`, `plans.${y}`]);
  for (const ind of view.node.indicators) {
    for (const part of ['actual', 'provisional', 'note'])
      order.push([`kpi.${ind.key}.${part}`, `indicators.${ind.key}.${part}`]);
  }
  order.push(['rating', 'rating'], ['comment', 'comment']);
  if (saved.override !== undefined) order.push(['override', 'override'], ['overrideReason', 'overrideReason']);
  for (const name of Object.keys(view.values.fields)) order.push([`field.${name}`, `fields.${name}`]);
  let last = -1;
  order.forEach(([name], i) => {
    if (form.has(name)) last = i;
  });
  const arrived = (name: string) => order.findIndex(([n]) => n === name) <= last;
  const values: ReportValues = {
    actual: arrived('actual') ? typed.actual : saved.actual,
    plans: Object.fromEntries(
      view.nextYears.map((y) => [y, (arrived(`plan.${y}`) ? typed.plans[y] : saved.plans[y]) ?? '']),
    ),
    indicators: Object.fromEntries(
      view.node.indicators.map((ind) => {
        const mine = typed.indicators[ind.key] ?? { actual: '', provisional: false, note: '' };
        const theirs = saved.indicators[ind.key] ?? { actual: '', provisional: false, note: '' };
        const k = `kpi.${ind.key}`;
        return [
          ind.key,
          {
            actual: arrived(`${k}.actual`) ? mine.actual : theirs.actual,
            provisional: arrived(`${k}.provisional`) ? form.has(`${k}.provisional`) : theirs.provisional,
            note: arrived(`${k}.note`) ? mine.note : theirs.note,
          },
        ];
      }),
    ),
    rating: arrived('rating') ? typed.rating : saved.rating,
    comment: arrived('comment') ? typed.comment : saved.comment,
    ...(saved.override !== undefined && {
      override: arrived('override') ? (typed.override ?? '') : saved.override,
      overrideReason: arrived('overrideReason') ? (typed.overrideReason ?? '') : (saved.overrideReason ?? ''),
    }),
    fields: Object.fromEntries(
      Object.keys(saved.fields).map((name) => [
        name,
        (arrived(`field.${name}`) ? typed.fields[name] : saved.fields[name]) ?? '',
      ]),
    ),
  };
  return { values, cutAt: order[last + 1]?.[1] };
}
