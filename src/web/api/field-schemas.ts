import { z } from '@hono/zod-openapi';
import { FIELD_SHAPE_KINDS } from '../../domain/index.ts';

/** A sheet field kept by key (a field the plan declares, or a newer built-in one) with its value on one sheet. */
export const SheetFieldValue = z
  .object({
    key: z.string().openapi({ example: 'settledCost' }),
    label: z.object({ ja: z.string(), en: z.string() }),
    shape: z.enum(FIELD_SHAPE_KINDS),
    unit: z.string().nullable().openapi({ description: 'Unit of a number or an amount, e.g. 千円' }),
    value: z
      .union([
        z.string(),
        z.number(),
        z.array(z.string()),
        z.array(z.object({ fy: z.number().int(), amount: z.number() })),
      ])
      .nullable()
      .openapi({
        description: 'By shape: text, lines, a number, amounts by fiscal year, an option key; null when none',
      }),
    text: z.string().nullable().openapi({ description: 'The value as the portal prints it (an option by its label)' }),
  })
  .openapi('SheetFieldValue');
