import { secureHeaders } from 'hono/secure-headers';

/**
 * Response headers for every page and API call. The CSP allows nothing inline and nothing from elsewhere:
 * pages ship no scripts of their own kind and all assets come from our origin (closed networks, no CDN).
 */
export function securityHeaders() {
  return secureHeaders({
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
}
