import { z } from 'zod';
import { checkDistinctKeys, type IssueSink } from './distinct-keys.ts';
import { FieldShape, type FieldValue, fieldValueSchema } from './field-shape.ts';
import { RESERVED_FIELD_KEYS, STORED_BUILT_IN_FIELDS } from './sheet-fields.ts';
import { TEXT_LIMITS as L } from './text-limits.ts';

/**
 * A sheet field a plan declares itself in its bundle or its settings, e.g. 事業費（決算額）, 実施方法 or 従事人員:
 * it has the shapes of the built-in fields and appears on every surface they do.
 */
export const SheetFieldDef = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9-]{0,39}$/, 'a letter a–z, then letters, digits or "-" (e.g. "settledCost")'),
    label: z.object({ ja: z.string().trim().min(1).max(L.name), en: z.string().trim().min(1).max(L.name).optional() }),
    shape: FieldShape,
    /** Who enters it: the 課 with its report (form and workbook; the default) or the plan office. */
    enteredBy: z.enum(['department', 'plan-office']).default('department'),
  })
  .refine((d) => !RESERVED_FIELD_KEYS.has(d.key), {
    path: ['key'],
    message: `a key of a built-in field; reserved keys: ${[...RESERVED_FIELD_KEYS].join(', ')}`,
    params: { ja: `組み込みの項目のキーです（使えないキー: ${[...RESERVED_FIELD_KEYS].join(', ')}）` },
  });
export type SheetFieldDef = z.output<typeof SheetFieldDef>;
export type SheetFieldDefInput = z.input<typeof SheetFieldDef>;

/** The values of a node's fields kept in `node.fields`, before they are checked against their shapes. */
export const NodeFieldValues = z.record(
  z.string(),
  z.union([
    z.string(),
    z.number(),
    z.array(z.string()),
    z.array(z.object({ fy: z.number(), amount: z.number() })),
  ]) as z.ZodType<FieldValue>,
);

/** Checks that a plan's own fields have distinct keys. */
export function checkFieldDefs(defs: readonly SheetFieldDef[], ctx: IssueSink): void {
  checkDistinctKeys(defs, ['sheetFields'], { ja: '項目', en: 'field' }, ctx);
}

/** Checks a node's `fields` against the fields kept there (built-in ones and the plan's): known keys, valid values. */
export function checkNodeFields(
  values: Readonly<Record<string, FieldValue>> | undefined,
  defs: readonly SheetFieldDef[],
  path: (string | number)[],
  ctx: IssueSink,
): void {
  if (!values) return;
  const shapes = new Map<string, FieldShape>([
    ...STORED_BUILT_IN_FIELDS.map((f) => [f.key, f.shape] as const),
    ...defs.map((d) => [d.key, d.shape] as const),
  ]);
  for (const [key, value] of Object.entries(values)) {
    const shape = shapes.get(key);
    if (!shape) {
      const valid = [...shapes.keys()].join(', ') || '—';
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'fields', key],
        message: `unknown field "${key}"; fields: ${valid}`,
        params: { ja: `項目「${key}」はありません（項目: ${valid}）` },
      });
      continue;
    }
    const checked = fieldValueSchema(shape).safeParse(value);
    for (const issue of checked.error?.issues ?? []) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'fields', key, ...(issue.path as (string | number)[])],
        message: issue.message,
        params: { ja: `項目「${key}」の値が正しくありません（${issue.message}）` },
      });
    }
  }
}
