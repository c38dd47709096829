import { type AppContext, type AppError, isAppError, notFound } from '../../app/index.ts';
import { bodyWasCut } from '../body-limits.ts';
import type { StaffContext } from './staff-env.ts';

/** The :fy path parameter as a Western year, or not-found. */
export function fyParam(c: StaffContext): number {
  const raw = c.req.param('fy') ?? '';
  if (!/^\d{4}$/.test(raw)) throw notFound({ ja: 'ページ', en: 'page' });
  return Number(raw);
}

export function planParam(c: StaffContext): string {
  return c.req.param('plan') ?? '';
}

/** The props every use case gets from a signed-in request: the actor and their own organization only. */
export function actorProps(ctx: AppContext, c: StaffContext) {
  const s = c.get('staff');
  return { ctx, actor: s.actor, organizationSlug: s.organization.slug };
}

/**
 * Field messages of an invalid-input error in the page's language, by field key; an error without field
 * messages shows its own message on the form. Returns undefined for any other error, which the caller rethrows.
 */
export function fieldErrorsOf(e: unknown, lang: 'ja' | 'en'): Record<string, string> | undefined {
  if (!isAppError(e) || (e.code !== 'invalid-input' && e.code !== 'already-exists')) return undefined;
  if (e.details?.kind !== 'fields') return { form: messageOf(e, lang) };
  return Object.fromEntries(Object.entries(e.details.fieldErrors).map(([key, message]) => [key, message[lang]]));
}

export function messageOf(e: AppError, lang: 'ja' | 'en'): string {
  return lang === 'ja' ? e.messageJa : e.messageEn;
}

/** Thrown by refuseCutBody: the form arrived cut at the size limit, so nothing may be saved from it. */
class CutBody extends Error {}

/** Stops a form route before it saves anything from a body cut at the size limit (see bodyLimits). */
export function refuseCutBody(c: StaffContext): void {
  if (bodyWasCut(c)) throw new CutBody();
}

/**
 * Why a form was refused, as messages to show on the form itself with what was typed (never a bare error page):
 * field messages of invalid input, the message of a stale version or a step the state does not allow, or the
 * size limit; with the status the refusal has. Undefined for anything else (no permission, not found), which
 * the caller rethrows.
 */
export function formRefusal(
  c: StaffContext,
  e: unknown,
): { errors: Record<string, string>; status: 400 | 409 | 413 } | undefined {
  const text = c.get('text');
  if (e instanceof CutBody) return { errors: { form: text.t('form.tooLarge') }, status: 413 };
  const errors = fieldErrorsOf(e, text.lang);
  if (errors) return { errors, status: 400 };
  if (isAppError(e) && (e.code === 'conflict' || e.code === 'invalid-state'))
    return { errors: { form: messageOf(e, text.lang) }, status: 409 };
  return undefined;
}

/** Forms whose routes call refuseCutBody: a body over the limit reaches them cut, to be shown again as typed. */
const FORMS_SHOWN_WHEN_CUT = [
  /^\/staff\/account\/(password|language)$/,
  /^\/staff\/admin\/users$/,
  /^\/staff\/plans\/[^/]+\/publish$/,
  /^\/staff\/plans\/[^/]+\/editions\/[^/]+\/withdraw$/,
  /^\/staff\/plans\/[^/]+\/rounds$/,
  /^\/staff\/plans\/[^/]+\/rounds\/\d{4}\/settings$/,
  /^\/staff\/plans\/[^/]+\/review-settings$/,
];
export const isFormShownWhenCut = (path: string) => FORMS_SHOWN_WHEN_CUT.some((re) => re.test(path));
