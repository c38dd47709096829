import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';

/** Renders a page element as a full HTML document. */
export async function sendPage(c: Context, element: JSX.Element, status = 200): Promise<Response> {
  return c.html(`<!DOCTYPE html>${await element.toString()}`, status as 200);
}

/** Post/redirect/get: after a successful POST, go to `path` with a notice key shown once there. */
export function redirectWithNotice(c: Context, path: string, notice?: string, params: Record<string, string> = {}) {
  const q = new URLSearchParams({ ...(notice && { notice }), ...params }).toString();
  return c.redirect(q ? `${path}?${q}` : path, 303);
}

/** Only local paths are followed after login, never another site. */
export function safeLocalPath(next: string | undefined, fallback = '/staff/'): string {
  return next && /^\/staff\/[^\s\\]*$/.test(next) && !next.startsWith('//') ? next : fallback;
}
