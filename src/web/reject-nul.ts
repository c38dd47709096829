import type { MiddlewareHandler } from 'hono';

/**
 * Refuses addresses that carry a NUL character (%00) in the path or query. No slug, code, id or search word
 * contains one, and PostgreSQL refuses NUL in any text value, so letting it through would only turn a hostile
 * address into a database error (500) on PostgreSQL where SQLite answers 404.
 */
export function rejectNul(): MiddlewareHandler {
  return async (c, next) => {
    if (!/%00/i.test(c.req.url)) return next();
    return c.text('アドレスに使用できない文字（NUL）が含まれています。\nThe address contains a NUL character.\n', 400);
  };
}
