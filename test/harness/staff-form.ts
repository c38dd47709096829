import type { StaffSessionCookie } from './staff-factory.ts';
import type { TestServer } from './test-server.ts';

/**
 * Posts `fields` to `path` as a signed-in staff page's form sends them: URL-encoded, with the session's form
 * token and cookie, and the page language's cookie when `lang` is given.
 */
export function postStaffForm(
  server: TestServer,
  session: StaffSessionCookie,
  path: string,
  fields: Record<string, string>,
  lang?: 'ja' | 'en',
): Promise<Response> {
  return server.get(path, {
    method: 'POST',
    headers: {
      cookie: lang ? `${session.cookie}; shinchoku_staff_lang=${lang}` : session.cookie,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ _csrf: session.csrf, ...fields }),
  });
}
