import { type AppContext, type AppError, isAppError, notFound } from '../../app/index.ts';
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
  const fields = e.details?.fieldErrors;
  if (!fields) return { form: messageOf(e, lang) };
  return Object.fromEntries(Object.entries(fields).map(([key, message]) => [key, message[lang]]));
}

export function messageOf(e: AppError, lang: 'ja' | 'en'): string {
  return lang === 'ja' ? e.messageJa : e.messageEn;
}
