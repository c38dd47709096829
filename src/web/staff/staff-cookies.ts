import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'shinchoku_session';
export const LOGIN_CSRF_COOKIE = 'shinchoku_login_csrf';
export const LANG_COOKIE = 'shinchoku_staff_lang';

// Path /staff: the public portal never receives the session cookie. Lax keeps it off cross-site POSTs.
const base = (secure: boolean) => ({ path: '/staff', httpOnly: true, sameSite: 'Lax' as const, secure });

export function readCookie(c: Context, name: string): string | undefined {
  return getCookie(c, name);
}

/** A browser-session cookie: the server decides when the session ends (idle and absolute expiry). */
export function writeCookie(c: Context, name: string, value: string, secure: boolean, maxAgeSeconds?: number) {
  setCookie(c, name, value, { ...base(secure), ...(maxAgeSeconds !== undefined && { maxAge: maxAgeSeconds }) });
}

export function clearCookie(c: Context, name: string, secure: boolean) {
  deleteCookie(c, name, base(secure));
}

/** HTTPS directly, or behind a reverse proxy we were told to trust that says so. */
export function isSecureRequest(c: Context, trustProxy: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy > 0 && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
}
