import type { Context } from 'hono';
import { type AppContext, type EndedSession, keepUnsavedForm, unsavedFormOf } from '../../app/index.ts';
import type { FormFields, StaffEnv } from './staff-env.ts';
import { fromOwnOrigin, parseForm, sameToken } from './staff-middleware.ts';

const ENTRY_FORM = /^\/staff\/plans\/[^/]+\/rounds\/\d{4}\/tasks\/[^/]+$/;

/**
 * The entry form of an initiative, where a person types for a long while: its page can show kept input again
 * (after a new login, or with what fitted of a body over the limit). Another form posted after the session
 * ended goes to the login page with the notice only.
 */
export const isEntryFormPath = (path: string) => ENTRY_FORM.test(path);

/**
 * Keeps the form of a POST that arrived just after its session ran out, when it is a form that can be shown
 * again and it carries that session's own token from our own origin (so nobody else can place input in the
 * user's form). Returns the kept form's id, or undefined.
 */
export async function keepPostedForm(
  c: Context<StaffEnv>,
  ctx: AppContext,
  ended: EndedSession,
): Promise<string | undefined> {
  if (!isEntryFormPath(c.req.path) || !fromOwnOrigin(c)) return undefined;
  const form = await parseForm(c);
  if (!form || !sameToken(form.get('_csrf')?.[0] ?? '', ended.csrfToken)) return undefined;
  const fields = [...form].flatMap(([name, values]) => values.map((v) => [name, v] as [string, string]));
  return keepUnsavedForm({ ctx, ended, path: c.req.path, fields });
}

/** The kept form that ?restore= names on this page, when it is the signed-in user's own; else undefined. */
export async function restoredForm(
  c: Context<StaffEnv>,
  ctx: AppContext,
): Promise<{ id: string; form: FormFields } | undefined> {
  const id = c.req.query('restore');
  if (!id) return undefined;
  const fields = await unsavedFormOf({ ctx, session: c.get('staff'), id, path: c.req.path });
  if (!fields) return undefined;
  const form: FormFields = new Map();
  for (const [name, value] of fields) form.set(name, [...(form.get(name) ?? []), value]);
  return { id, form };
}
