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
 * Field messages of an invalid-input error: `details.fieldErrors`, or `details.field` with the error's message.
 * Returns undefined for any other error, which the caller rethrows.
 */
export function fieldErrorsOf(e: unknown, lang: 'ja' | 'en'): Record<string, string> | undefined {
  if (!isAppError(e) || (e.code !== 'invalid-input' && e.code !== 'already-exists')) return undefined;
  const d = e.details as { fieldErrors?: Record<string, string>; field?: string } | undefined;
  if (d?.fieldErrors) return d.fieldErrors;
  return { [d?.field ?? 'form']: messageOf(e, lang) };
}

export function messageOf(e: AppError, lang: 'ja' | 'en'): string {
  return lang === 'ja' ? e.messageJa : e.messageEn;
}
