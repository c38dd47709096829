import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { type AppContext, AppError, FIELD_MESSAGES, resolveStaffRequest } from '../../app/index.ts';
import { controlCharacterAt, timeZoneOf } from '../../domain/index.ts';
import { bufferedBody } from '../body-limits.ts';
import { clientIp } from './client-ip.ts';
import { renderStaffError } from './pages/error-page.tsx';
import { isSecureRequest, LANG_COOKIE, readCookie, SESSION_COOKIE, writeCookie } from './staff-cookies.ts';
import type { FormFields, StaffEnv } from './staff-env.ts';
import type { StaffOptions } from './staff-options.ts';
import { staffText } from './staff-text.ts';
import { keepPostedForm } from './unsaved-forms.ts';

/** Language, HTTPS detection, client address, the session (if any), and no caching of staff pages. */
export function staffContext(ctx: AppContext, options: StaffOptions): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    c.set('secure', isSecureRequest(c, options.trustProxy));
    c.set('clientIp', clientIp(c, options.trustProxy));
    // ?lang=en (a link sent to someone, a bookmark) switches like the header's language link and is kept; without
    // either, the language the signed-in user chose in their settings, else Japanese.
    const query = c.req.query('lang');
    const chosen = query === 'en' || query === 'ja' ? query : readCookie(c, LANG_COOKIE, c.get('secure'));
    if (query === 'en' || query === 'ja') writeCookie(c, LANG_COOKIE, query, c.get('secure'), 365 * 86_400);
    // Set before the session is looked up, so that a database that cannot be reached still gets its 503 page in
    // a language (the error handler needs it).
    c.set('text', staffText(chosen === 'en' ? 'en' : 'ja'));
    const resolved = await resolveStaffRequest(ctx, readCookie(c, SESSION_COOKIE, c.get('secure')), options.auth);
    c.set('session', resolved.session);
    c.set('endedSession', resolved.ended);
    const asked = chosen ?? resolved.session?.language;
    c.set('text', staffText(asked === 'en' ? 'en' : 'ja', timeZoneOf(resolved.session?.organization ?? {})));
    await next();
    // Drafts and personal pages must not linger in shared or browser caches.
    c.header('Cache-Control', 'no-store');
  };
}

/**
 * Sends anyone without a session to the login page, and anyone with an initial password to change it. A form
 * posted just after the session ran out is kept for its user (keepPostedForm), and signing in brings it back.
 */
export function requireSession(ctx: AppContext): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (!session) {
      const ended = c.get('endedSession');
      const kept = ended && c.req.method === 'POST' ? await keepPostedForm(c, ctx, ended) : undefined;
      const query = kept
        ? { notice: 'expired-kept', next: `${c.req.path}?restore=${kept}` }
        : { ...(ended && { notice: 'expired' }), ...(c.req.method === 'GET' && { next: c.req.path }) };
      const q = new URLSearchParams(query).toString();
      return c.redirect(`/staff/login${q ? `?${q}` : ''}`, 303);
    }
    if (session.user.mustChangePassword && c.req.path !== '/staff/account/password' && c.req.path !== '/staff/logout') {
      return c.redirect('/staff/account/password', 303);
    }
    c.set('staff', session);
    await next();
  };
}

/** The body of a POST that is no well-formed form; the staff error page shows it with status 400. */
export const badForm = () => new AppError('invalid-input', FIELD_MESSAGES.formUnreadable);

/**
 * The POST body as form fields, or undefined when it is no well-formed form (a truncated multipart body, a
 * boundary that never comes): the caller answers 400 rather than letting the parser's error become a 500.
 * A URL-encoded form (every form but the workbook upload) is decoded straight from the bytes bodyLimits read.
 */
export async function parseForm(c: Parameters<MiddlewareHandler<StaffEnv>>[0]): Promise<FormFields | undefined> {
  try {
    const bytes = bufferedBody(c);
    const type = c.req.header('Content-Type')?.toLowerCase() ?? '';
    if (bytes && type.startsWith('application/x-www-form-urlencoded')) {
      return formOf(new URLSearchParams(bytes.toString('utf8')));
    }
    const body = await c.req.parseBody({ all: true });
    return formOf(
      Object.entries(body).flatMap(([k, v]) =>
        (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').map((x) => [k, x] as const),
      ),
    );
  } catch {
    return undefined;
  }
}

/** Fields in the order sent, repeated names collected; files are not fields (the upload route reads its own). */
function formOf(pairs: Iterable<readonly [string, string]>): FormFields | undefined {
  const form: FormFields = new Map();
  for (const [k, v] of pairs) {
    // No field takes a control character (the one test every channel applies); PostgreSQL refuses NUL in
    // text, and ESC would reach pages raw: a 400 here, not a 500 or a stored escape sequence there.
    if (controlCharacterAt(k) !== -1 || controlCharacterAt(v) !== -1) return undefined;
    const values = form.get(k);
    if (values) values.push(v);
    else form.set(k, [v]);
  }
  return form;
}

/** True when `url` (an Origin or Referer) names this host; a value that is no URL at all counts as foreign. */
function sameHost(url: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(url).host === host;
  } catch {
    return false;
  }
}

/**
 * Whether a POST comes from another site: its Origin names another host (or is "null", a sandboxed or
 * privacy-stripped context), or, without an Origin, its Referer does. Browsers send an Origin with every POST;
 * a client that sends neither (a script) still needs the form's token.
 */
export function fromOtherSite(c: Context): boolean {
  const host = c.req.header('Host');
  const origin = c.req.header('Origin');
  if (origin !== undefined) return !sameHost(origin, host);
  const referer = c.req.header('Referer');
  return referer !== undefined && !sameHost(referer, host);
}

/** The answer to a cross-site POST, before anything else is read: 403 with the reason. */
export const otherSiteRefused = (c: Context<StaffEnv>) =>
  c.html(renderStaffError(c, 403, c.get('text').t('error.otherSite')), 403);

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Whether a POST comes from our own site: the opposite of `fromOtherSite`. */
export function fromOwnOrigin(c: Context): boolean {
  return !fromOtherSite(c);
}

/**
 * Every POST must come from our own site (Origin, else Referer) and carry the session's synchroniser token
 * (hidden field `_csrf`). Parses the form once for the route.
 */
export function verifyCsrf(expected: (c: Parameters<MiddlewareHandler<StaffEnv>>[0]) => string | undefined) {
  const handler: MiddlewareHandler<StaffEnv> = async (c, next) => {
    if (c.req.method !== 'POST') return next();
    if (fromOtherSite(c)) return otherSiteRefused(c);
    const form = await parseForm(c);
    if (!form) throw badForm();
    const token = expected(c);
    if (!token || !sameToken(form.get('_csrf')?.[0] ?? '', token)) {
      return c.html(renderStaffError(c, 403, c.get('text').t('error.csrf')), 403);
    }
    c.set('form', form);
    await next();
  };
  return handler;
}
