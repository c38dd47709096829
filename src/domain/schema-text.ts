import { z } from 'zod';
import { TEXT_LIMITS as L } from './text-limits.ts';

/* Field builders and identifiers shared by every part of the plan document schema. */

/** Text that must not be empty, of a kind in TEXT_LIMITS. */
export const nonEmpty = (max: number) => z.string().trim().min(1).max(max);
/** Optional text of a kind in TEXT_LIMITS. */
export const text = (max: number) => z.string().max(max);

/** A slug used in URLs and as a stable key inside one document. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and "-" only (e.g. "keiei-senryaku")');
/** A node code as printed in the plan, e.g. "1", "1-1", "継1", "2.3.1". */
export const NodeCode = z
  .string()
  .trim()
  .min(1)
  .max(L.code)
  .regex(/^[^\s/?#%\\]+$/u, 'no spaces, slashes, "?", "#", "%" or backslashes')
  // A code is a path segment of the portal and of the exported site: "." and ".." would name another page.
  .regex(/^(?!\.+$)/, 'not only dots ("." and ".." are not codes)');

/**
 * A name in the plan's language with an optional English one. An English plan may give only `en`; `ja` then
 * holds the same text, as `ja` is the primary text every reader of the document falls back to.
 */
export const LocalizedText = z
  .object({ ja: nonEmpty(L.name).optional(), en: nonEmpty(L.name).optional() })
  .refine((t) => t.ja !== undefined || t.en !== undefined, {
    message: 'give ja or en',
    params: { ja: 'ja か en のどちらかを指定してください' },
  })
  .transform((t) => ({ ja: (t.ja ?? t.en)!, ...(t.en !== undefined && { en: t.en }) }));
