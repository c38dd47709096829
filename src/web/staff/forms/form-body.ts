import { z } from 'zod';
import { FIELD_MESSAGES, type FieldErrors, invalidInput, zodFieldErrors } from '../../../app/index.ts';
import type { FormFields } from '../staff-env.ts';

/**
 * The pieces every staff form schema is built from. A schema states only the form's shape, what the page can
 * send: text as typed, a choice among the values its buttons and lists offer, a box ticked or not, a number the
 * server wrote into a hidden field. What a value must be (a date, a year in the plan period, a known 課) is the
 * use case's rule, checked there for every channel, never here.
 */

/** Marks what a tampered form breaks: its messages go to the form as a whole, since no field shows it. */
const UNREADABLE = 'formUnreadable';

/** A text input, textarea or select as typed; absent (a disabled input) reads as empty, as the page shows it. */
export const text = () => z.string().default('');

/** One of the values the page's buttons or list offer. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: UNREADABLE });

/** One of the values of an enum the app declares (a list the page offers all of). */
export const choiceOf = <T extends z.ZodEnum>(schema: T) => schema.clone({ ...schema.def, error: () => UNREADABLE });

/** A checkbox sending "1": ticked or not. */
export const checkbox = () =>
  z
    .literal('1', { message: UNREADABLE })
    .optional()
    .transform((v) => v === '1');

/** A whole number the server wrote into the form (a version, a count to confirm); the use case compares it. */
export const hiddenInt = () =>
  z
    .string()
    .regex(/^-?\d{1,9}$/, { message: UNREADABLE })
    .transform(Number);

const REPEATED = new WeakSet<z.ZodType>();

/** A name the form sends once per ticked box or row (課 of an item, a plan's levels): every value, in order. */
export const repeated = () => {
  const schema = z.array(z.string()).default([]);
  REPEATED.add(schema);
  return schema;
};

/**
 * The posted form read by its schema: each field's first value (all of them for `repeated` fields), fields the
 * schema does not name left out unless it takes any (catchall). A form the schema refuses throws invalid-input
 * with a message per field, so the route shows the form again with what was typed, as for any wrong value; a
 * value no page sends is reported on the form as a whole (reload and try again).
 * @example readForm(c.get('form'), z.object({ version: hiddenInt(), note: text() }))
 */
export function readForm<S extends z.ZodObject>(form: FormFields, schema: S): z.output<S> {
  const raw: Record<string, unknown> = {};
  for (const [name, values] of form) {
    const field = schema.shape[name] as z.ZodType | undefined;
    raw[name] = field && REPEATED.has(field) ? values : values[0];
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(zodFieldErrors(parsed.error))) {
    if (message === FIELD_MESSAGES[UNREADABLE]) errors.form = message;
    else errors[path] = message;
  }
  throw invalidInput(errors);
}
