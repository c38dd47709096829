import { z } from 'zod';
import { LIFECYCLE_STATUS, valueKeys } from '../../domain/index.ts';
import type { Lang, MessageKey, Translate } from '../i18n/index.ts';

/**
 * Query parameters of portal pages. Each schema's error messages are message keys, so a bad parameter becomes
 * a readable 400 page in the reader's language. Empty values (a form's "all" option) count as absent.
 */

const key = (k: MessageKey) => ({ error: k });

export const commonQuery = z.object({
  lang: z.enum(['ja', 'en'], key('param.lang')).default('ja'),
  edition: z
    .string()
    .regex(/^[0-9A-Za-z-]{1,64}$/, key('param.edition'))
    .optional(),
});

/** The two editions the public comparison shows (compare-page.tsx); absent means its defaults. */
export const compareQuery = z.object({
  from: z
    .string()
    .regex(/^[0-9A-Za-z-]{1,64}$/, key('param.edition'))
    .optional(),
  to: z
    .string()
    .regex(/^[0-9A-Za-z-]{1,64}$/, key('param.edition'))
    .optional(),
});

const percent = (k: MessageKey) => z.coerce.number(key(k)).min(0, key(k)).max(100, key(k));

export const LIST_SORTS = ['code', 'rating-desc', 'rating-asc', 'department'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const STATUSES = valueKeys(LIFECYCLE_STATUS);

const CODE = /^[^\s/?#%\\]{1,40}$/u;
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

const filterFields = {
  goal: z.string().regex(CODE, key('param.goal')).optional(),
  dept: z.string().regex(SLUG, key('param.dept')).optional(),
  min: percent('param.min').optional(),
  max: percent('param.max').optional(),
  sdg: z.coerce
    .number(key('param.sdg'))
    .int(key('param.sdg'))
    .min(1, key('param.sdg'))
    .max(17, key('param.sdg'))
    .optional(),
  status: z.enum(STATUSES, key('param.status')).optional(),
};

const rangeChecked = <T extends { min?: number | undefined; max?: number | undefined }>(q: T, ctx: z.RefinementCtx) => {
  if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
    ctx.addIssue({ code: 'custom', path: ['min'], message: 'param.range' });
  }
};

export const listQuery = z
  .object({
    sort: z.enum(LIST_SORTS, key('param.sort')).default('code'),
    goal: filterFields.goal,
    dept: filterFields.dept,
    min: filterFields.min,
    max: filterFields.max,
    status: filterFields.status,
  })
  .superRefine(rangeChecked);
export type ListQuery = z.output<typeof listQuery>;

export const searchQuery = z
  .object({
    q: z.string().max(200, key('param.q')).optional(),
    goal: filterFields.goal,
    dept: filterFields.dept,
    min: filterFields.min,
    max: filterFields.max,
    sdg: filterFields.sdg,
    status: filterFields.status,
  })
  .superRefine(rangeChecked);
export type SearchQuery = z.output<typeof searchQuery>;

export const csvQuery = z.object({ bom: z.literal('1', key('param.bom')).optional() });

export type Parsed<T> = { ok: true; value: T } | { ok: false; messages: string[] };

/** Drops empty values, then validates; messages come back translated. */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  raw: Record<string, string>,
  t: Translate,
): Parsed<z.output<S>> {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
  const r = schema.safeParse(present);
  if (r.success) return { ok: true, value: r.data };
  const messages = r.error.issues.map((i) => {
    const name = String(i.path[0] ?? '');
    return i.message.startsWith('param.') ? t(i.message as MessageKey) : t('param.other', { name });
  });
  return { ok: false, messages: [...new Set(messages)] };
}

/** The language asked for, falling back to Japanese when the value itself is bad (for the error page). */
export function langOf(raw: Record<string, string>): Lang {
  return raw.lang === 'en' ? 'en' : 'ja';
}
