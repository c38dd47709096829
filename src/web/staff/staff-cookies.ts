import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'shinchoku_session';
export const LOGIN_CSRF_COOKIE = 'shinchoku_login_csrf';
export const LANG_COOKIE = 'shinchoku_staff_lang';

/**
 * Over HTTPS the session and login-form cookies are `__Host-` cookies (Secure, Path=/, no Domain): the browser
 * then refuses any such cookie that a neighbouring host or a plain-HTTP page tries to set, so nobody can plant
 * a session or a form token. `__Host-` requires Path=/, so on HTTPS the portal receives them too (HttpOnly, it
 * never reads them). Over plain HTTP (a loopback trial run) the prefix is impossible and they stay on /staff.
 */
const HOST_BOUND = new Set([SESSION_COOKIE, LOGIN_CSRF_COOKIE]);
const hostBound = (name: string, secure: boolean) => secure && HOST_BOUND.has(name);

// Path /staff: the public portal never receives these cookies over HTTP. Lax keeps them off cross-site POSTs.
const base = (secure: boolean) => ({ path: '/staff', httpOnly: true, sameSite: 'Lax' as const, secure });
const options = (name: string, secure: boolean) =>
  hostBound(name, secure) ? { ...base(secure), path: '/', prefix: 'host' as const } : base(secure);

/** The cookie as this kind of request carries it: over HTTPS only its `__Host-` form counts. */
export function readCookie(c: Context, name: string, secure: boolean): string | undefined {
  return hostBound(name, secure) ? getCookie(c, name, 'host') : getCookie(c, name);
}

/** A browser-session cookie: the server decides when the session ends (idle and absolute expiry). */
export function writeCookie(c: Context, name: string, value: string, secure: boolean, maxAgeSeconds?: number) {
  setCookie(c, name, value, {
    ...options(name, secure),
    ...(maxAgeSeconds !== undefined && { maxAge: maxAgeSeconds }),
  });
}

export function clearCookie(c: Context, name: string, secure: boolean) {
  deleteCookie(c, name, options(name, secure));
}

/** HTTPS directly, or behind a reverse proxy we were told to trust that says so. */
export function isSecureRequest(c: Context, trustProxy: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy > 0 && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
}
