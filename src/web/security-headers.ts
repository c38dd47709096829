import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Response headers for every page and API call. The CSP allows nothing inline and nothing from elsewhere:
 * pages ship no scripts of their own kind and all assets come from our origin (closed networks, no CDN).
 */
export function securityHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    // HSTS only makes sense behind HTTPS; the reverse proxy sets it (see docs/operations.md).
    strictTransportSecurity: false,
    xXssProtection: false,
  });
  return async (c, next) => {
    await headers(c, next);
    // Hono answers HEAD by rebuilding the GET response from its constructor arguments, and @hono/node-server's
    // lightweight Response then forgets headers set after construction (these): rebuild it with them. Read the
    // headers before anything else of the response, which would make it forget them too.
    if (c.req.method === 'HEAD') {
      const headers = new Headers(c.res.headers);
      const status = c.res.status;
      c.res = undefined;
      c.res = new Response(null, { status, headers });
    }
  };
}

/** The headers `securityHeaders` sets, for answers written outside the app (see client-error.ts). */
export async function securityHeaderValues(): Promise<Headers> {
  const app = new Hono();
  app.use(securityHeaders());
  app.get('/', (c) => c.body(null, 204));
  return new Headers((await app.request('/')).headers);
}
