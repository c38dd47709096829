import { z } from 'zod';
import {
  FIELD_SHAPE_KINDS,
  type FieldShape,
  issueMessage,
  type SheetFieldDef,
  type SheetFieldDefInput,
  SheetFieldDef as SheetFieldDefSchema,
} from '../domain/index.ts';
import type { FieldErrors } from './errors.ts';
import { FIELD_MESSAGES as M } from './field-messages.ts';

/** The form of one plan-defined field as typed (plan office, the plan's field settings). */
export const SheetFieldFormInput = z.object({
  key: z.string().trim().default(''),
  labelJa: z.string().trim().default(''),
  labelEn: z.string().trim().default(''),
  // An absent choice (a form that leaves it out) is the default; anything the lists do not offer is refused.
  enteredBy: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['department', 'plan-office'], { message: 'choose' }).default('department'),
  ),
  kind: z.enum(FIELD_SHAPE_KINDS, { message: 'choose' }),
  unit: z.string().trim().default(''),
  decimals: z.string().trim().default(''),
  min: z.string().trim().default(''),
  max: z.string().trim().default(''),
  maxLength: z.string().trim().default(''),
  /** A choice's options, one a line: "key | 名称 | English name". */
  options: z.string().default(''),
});
export type SheetFieldFormInput = z.input<typeof SheetFieldFormInput>;

/** A field's definition as the form shows it. */
export function sheetFieldFormOf(def: SheetFieldDef): z.output<typeof SheetFieldFormInput> {
  const s = def.shape as FieldShape & Partial<Record<'unit' | 'decimals' | 'min' | 'max' | 'maxLength', unknown>>;
  const str = (v: unknown) => (v === undefined ? '' : String(v));
  return {
    key: def.key,
    labelJa: def.label.ja,
    labelEn: def.label.en ?? '',
    enteredBy: def.enteredBy,
    kind: def.shape.kind,
    unit: str(s.unit),
    decimals: str(s.decimals),
    min: str(s.min),
    max: str(s.max),
    maxLength: str(s.maxLength),
    options:
      def.shape.kind === 'choice'
        ? def.shape.options
            .map((o) => [o.key, o.label.ja, o.label.en ?? ''].join(' | ').replace(/ \| $/, ''))
            .join('\n')
        : '',
  };
}

/** Which form input a definition's schema path belongs to. */
function inputOf(path: readonly PropertyKey[]): string {
  if (path[0] === 'label') return path[1] === 'en' ? 'labelEn' : 'labelJa';
  if (path[0] === 'shape') return path[1] === undefined ? 'kind' : String(path[1]);
  return String(path[0] ?? 'form');
}

/**
 * The definition the form describes, checked by the same schema as a bundle's `sheetFields`; errors by input, in
 * Japanese and English. Only the limits of the chosen shape are read.
 */
export function readSheetFieldForm(
  form: z.output<typeof SheetFieldFormInput>,
): { def: SheetFieldDef; errors?: undefined } | { def?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const num = (name: 'decimals' | 'min' | 'max' | 'maxLength') => {
    const t = form[name].normalize('NFKC').replace(/,/g, '');
    if (t === '') return undefined;
    const n = Number(t);
    if (!Number.isFinite(n)) errors[name] = M.number;
    return n;
  };
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  let shape: Record<string, unknown>;
  switch (form.kind) {
    case 'text':
    case 'lines':
      shape = defined({ kind: form.kind, maxLength: num('maxLength') });
      break;
    case 'number':
      shape = defined({
        kind: form.kind,
        unit: form.unit,
        decimals: num('decimals'),
        min: num('min'),
        max: num('max'),
      });
      break;
    case 'money-per-year':
      shape = defined({ kind: form.kind, unit: form.unit || undefined, decimals: num('decimals') });
      break;
    case 'choice':
      shape = {
        kind: form.kind,
        options: form.options
          .split(/\r?\n/)
          .filter((line) => line.trim() !== '')
          .map((line) => {
            const [key = '', ja = '', en = ''] = line.split(/[|｜]/).map((p) => p.trim());
            return { key, label: defined({ ja: ja || key, en: en || undefined }) };
          }),
      };
      break;
    default:
      shape = { kind: form.kind };
  }
  if (Object.keys(errors).length > 0) return { errors };
  const input: SheetFieldDefInput = {
    key: form.key,
    label: defined({ ja: form.labelJa, en: form.labelEn || undefined }) as SheetFieldDefInput['label'],
    shape: shape as SheetFieldDefInput['shape'],
    enteredBy: form.enteredBy,
  };
  const parsed = SheetFieldDefSchema.safeParse(input);
  if (parsed.success) return { def: parsed.data };
  for (const issue of parsed.error.issues) {
    const name = inputOf(issue.path);
    errors[name] ??= issueMessage(issue, undefined);
  }
  return { errors };
}
