import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';

/**
 * Request body limits, checked before anything reads a body: 1 MB for forms and JSON (the largest staff form, a
 * whole initiative sheet, is a few tens of KB), 10 MB for multipart uploads (a 課 workbook is well under 1 MB;
 * nginx's `client_max_body_size 10m` in deploy/nginx.conf matches).
 */
export const FORM_LIMIT_BYTES = 1024 * 1024;
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;
/**
 * The login form (token, identifier, password, next) is well under 1 KB, and anyone may send it: a large body
 * there, multipart of thousands of parts say, would be parsed before the token is checked.
 */
export const LOGIN_LIMIT_BYTES = 16 * 1024;
const LOGIN_PATH = '/staff/login';

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${n / (1024 * 1024)} MB` : `${n / 1024} KB`);

function tooLarge(c: Context, limit: number): Response {
  const mb = sizeText(limit);
  // The rest of the body is never read, so the connection cannot carry another request.
  c.header('Connection', 'close');
  return c.text(
    `送信されたデータが大きすぎます（上限 ${mb}）。\nThe request is too large (the limit is ${mb}).\n`,
    413,
  );
}

function markCut(c: Context) {
  cutBodies.add(c.req.raw);
  c.header('Connection', 'close');
}

/** The Node request under Hono's, when served by @hono/node-server (not in `app.request()` tests). */
type NodeRequest = IncomingMessage & { rawBody?: Buffer };
const nodeRequestOf = (c: Context) => (c.env as { incoming?: NodeRequest } | undefined)?.incoming;

/** Bodies read through the web Request (no Node request underneath), by the Request that now carries them. */
const bufferedBodies = new WeakMap<Request, Buffer>();
/** Requests whose form body was cut at the limit (see `keepsWhatFits`). */
const cutBodies = new WeakSet<Request>();

/** The whole body of this request as bodyLimits read it; undefined for a request without one. */
export function bufferedBody(c: Context): Buffer | undefined {
  return nodeRequestOf(c)?.rawBody ?? bufferedBodies.get(c.req.raw);
}

/** Whether the form body is only the fields that fitted within the limit (the route must not save it). */
export function bodyWasCut(c: Context): boolean {
  return cutBodies.has(c.req.raw);
}

/**
 * Reads chunks until the end; past `limit` bytes stops and returns the first `limit` bytes as `cut` (or
 * undefined, when the caller has no use for them).
 */
async function readWithin(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
  keepCut: boolean,
): Promise<{ body: Buffer<ArrayBuffer>; cut: boolean } | undefined> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > limit) {
      if (!keepCut) return undefined;
      parts.push(chunk.subarray(0, chunk.byteLength - (size - limit)));
      return { body: wholeFields(Buffer.concat(parts)), cut: true };
    }
    parts.push(chunk);
  }
  return { body: Buffer.concat(parts), cut: false };
}

/** A URL-encoded body cut anywhere, without its last, incomplete field. */
function wholeFields(bytes: Buffer<ArrayBuffer>): Buffer<ArrayBuffer> {
  const end = bytes.lastIndexOf(0x26); // '&'
  return bytes.subarray(0, Math.max(end, 0));
}

/**
 * A declared Content-Length over the limit is refused at once; any other body is read in full (counting, so a
 * chunked body stops at the limit) before the routes run. Reading it here also means a route that answers
 * without looking at the body (a redirect to the login page, a 404) leaves the connection clean: an unread
 * body otherwise gets the socket closed under a client still sending, which it sees as a network error.
 *
 * Under @hono/node-server the body is read from the Node request and left as its `rawBody`, which the adapter
 * uses if a route asks for the web Request's body; a form route reads the bytes directly (bufferedBody), so the
 * most frequent requests never build a web Request with its streams (a measurable share of a staff save).
 */
export function bodyLimits(options: { keepsWhatFits?: (path: string) => boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    // The adapter gives GET and HEAD no body; asking the web Request for one would build it for nothing.
    if (method === 'GET' || method === 'HEAD') return next();
    const type = c.req.header('Content-Type')?.toLowerCase() ?? '';
    const limit =
      c.req.path === LOGIN_PATH
        ? LOGIN_LIMIT_BYTES
        : type.startsWith('multipart/form-data')
          ? UPLOAD_LIMIT_BYTES
          : FORM_LIMIT_BYTES;
    // A long entry form over the limit comes back with the fields that fitted rather than as an error text, so
    // what the person typed is not all gone; the route shows it and saves nothing.
    const keepCut =
      method === 'POST' &&
      type.startsWith('application/x-www-form-urlencoded') &&
      options.keepsWhatFits?.(c.req.path) === true;
    if (!keepCut && Number(c.req.header('Content-Length') ?? 0) > limit) return tooLarge(c, limit);
    const incoming = nodeRequestOf(c);
    if (incoming) {
      // Past the limit the rest stays unread (not destroyed, which would reset the socket before the 413 goes
      // out); the response closes the connection.
      const read = await readWithin(incoming.iterator({ destroyOnReturn: false }), limit, keepCut);
      if (!read) return tooLarge(c, limit);
      incoming.rawBody = read.body;
      if (read.cut) markCut(c);
      return nextKeepingCutAt413(c, next, limit);
    }
    const raw = c.req.raw;
    if (!raw.body) return next();
    const read = await readWithin(raw.body, limit, keepCut);
    if (!read) return tooLarge(c, limit);
    c.req.raw = new Request(raw, { body: read.body });
    bufferedBodies.set(c.req.raw, read.body);
    if (read.cut) markCut(c);
    return nextKeepingCutAt413(c, next, limit);
  };
}

/**
 * A body cut at the limit is always answered 413: by the route itself, showing the form again with the fields
 * that fitted, or, when the route refused before it looked at the form (not signed in, a foreign token, a role
 * that may not use it), by the plain too-large text, so that the sender learns what was wrong with the request.
 */
async function nextKeepingCutAt413(c: Context, next: () => Promise<void>, limit: number): Promise<void> {
  await next();
  if (bodyWasCut(c) && c.res.status !== 413) c.res = tooLarge(c, limit);
}
