import type { Context, MiddlewareHandler } from 'hono';

/**
 * Request body limits, checked before anything reads a body: 1 MB for forms and JSON (the largest staff form, a
 * whole initiative sheet, is a few tens of KB), 10 MB for multipart uploads (a 課 workbook is well under 1 MB;
 * nginx's `client_max_body_size 10m` in deploy/nginx.conf matches).
 */
export const FORM_LIMIT_BYTES = 1024 * 1024;
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

const megabytes = (n: number) => `${n / (1024 * 1024)} MB`;

function tooLarge(c: Context, limit: number): Response {
  const mb = megabytes(limit);
  // The rest of the body is never read, so the connection cannot carry another request.
  c.header('Connection', 'close');
  return c.text(
    `送信されたデータが大きすぎます（上限 ${mb}）。\nThe request is too large (the limit is ${mb}).\n`,
    413,
  );
}

/**
 * A declared Content-Length over the limit is refused at once; any other body is read in full (counting, so a
 * chunked body stops at the limit) before the routes run. Reading it here also means a route that answers
 * without looking at the body (a redirect to the login page, a 404) leaves the connection clean: an unread
 * body otherwise gets the socket closed under a client still sending, which it sees as a network error.
 */
export function bodyLimits(): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const type = c.req.header('Content-Type')?.toLowerCase() ?? '';
    const limit = type.startsWith('multipart/form-data') ? UPLOAD_LIMIT_BYTES : FORM_LIMIT_BYTES;
    if (Number(c.req.header('Content-Length') ?? 0) > limit) return tooLarge(c, limit);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = raw.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return tooLarge(c, limit);
      }
      chunks.push(value);
    }
    c.req.raw = new Request(raw, { body: Buffer.concat(chunks) });
    return next();
  };
}
