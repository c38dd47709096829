import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { type AppContext, resolveStaffSession } from '../../app/index.ts';
import { clientIp } from './client-ip.ts';
import { renderStaffError } from './pages/error-page.tsx';
import { isSecureRequest, LANG_COOKIE, readCookie, SESSION_COOKIE } from './staff-cookies.ts';
import type { FormFields, StaffEnv } from './staff-env.ts';
import type { StaffOptions } from './staff-options.ts';
import { staffText } from './staff-text.ts';

/** Language, HTTPS detection, client address, the session (if any), and no caching of staff pages. */
export function staffContext(ctx: AppContext, options: StaffOptions): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    c.set('text', staffText(readCookie(c, LANG_COOKIE) === 'en' ? 'en' : 'ja'));
    c.set('secure', isSecureRequest(c, options.trustProxy));
    c.set('clientIp', clientIp(c, options.trustProxy));
    c.set('session', await resolveStaffSession(ctx, readCookie(c, SESSION_COOKIE), options.auth));
    await next();
    // Drafts and personal pages must not linger in shared or browser caches.
    c.header('Cache-Control', 'no-store');
  };
}

/** Sends anyone without a session to the login page, and anyone with an initial password to change it. */
export function requireSession(): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (!session) {
      const back = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path)}` : '';
      return c.redirect(`/staff/login${back}`, 303);
    }
    if (session.user.mustChangePassword && c.req.path !== '/staff/account/password' && c.req.path !== '/staff/logout') {
      return c.redirect('/staff/account/password', 303);
    }
    c.set('staff', session);
    await next();
  };
}

export async function readForm(body: Record<string, string | File | (string | File)[]>): Promise<FormFields> {
  const form: FormFields = new Map();
  for (const [k, v] of Object.entries(body)) {
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    form.set(k, values);
  }
  return form;
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * Every POST must carry the session's synchroniser token (hidden field `_csrf`) and, when the browser sends an
 * Origin, come from our own origin. Parses the form once for the route.
 */
export function verifyCsrf(expected: (c: Parameters<MiddlewareHandler<StaffEnv>>[0]) => string | undefined) {
  const handler: MiddlewareHandler<StaffEnv> = async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const origin = c.req.header('Origin');
    const host = c.req.header('Host');
    const originOk = !origin || origin === 'null' ? !origin : host !== undefined && new URL(origin).host === host;
    const form = await readForm(await c.req.parseBody({ all: true }));
    const token = expected(c);
    if (!originOk || !token || !sameToken(form.get('_csrf')?.[0] ?? '', token)) {
      return c.html(renderStaffError(c, 403, c.get('text').t('error.csrf')), 403);
    }
    c.set('form', form);
    await next();
  };
  return handler;
}
