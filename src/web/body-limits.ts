import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Request body limits, checked before anything reads a body: 1 MB for forms and JSON (the largest staff form, a
 * whole initiative sheet, is a few tens of KB), 10 MB for multipart uploads (a 課 workbook is well under 1 MB;
 * nginx's `client_max_body_size 10m` in deploy/nginx.conf matches). A declared Content-Length over the limit is
 * refused before the body is read; a chunked body is counted as it arrives.
 */
export const FORM_LIMIT_BYTES = 1024 * 1024;
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

const megabytes = (n: number) => `${n / (1024 * 1024)} MB`;

function tooLarge(limit: number) {
  const mb = megabytes(limit);
  return bodyLimit({
    maxSize: limit,
    onError: (c) =>
      c.text(`送信されたデータが大きすぎます（上限 ${mb}）。\nThe request is too large (the limit is ${mb}).\n`, 413),
  });
}

export function bodyLimits(): MiddlewareHandler {
  const forms = tooLarge(FORM_LIMIT_BYTES);
  const uploads = tooLarge(UPLOAD_LIMIT_BYTES);
  return (c, next) => {
    const type = c.req.header('Content-Type')?.toLowerCase() ?? '';
    return (type.startsWith('multipart/form-data') ? uploads : forms)(c, next);
  };
}
