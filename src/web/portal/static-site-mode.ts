import type { Context, MiddlewareHandler } from 'hono';

/**
 * Marks the requests of the static export (`shinchoku export-site`), which renders the portal in-process and
 * never through the public server; the portal then renders pages for a site with no server behind it
 * (`PortalContext.staticSite`). A context variable rather than a header, so no visitor can ask for it.
 */
const KEY = 'shinchokuStaticSite';

export const staticSiteMode: MiddlewareHandler = async (c, next) => {
  c.set(KEY, true);
  await next();
};

export function isStaticSite(c: Context): boolean {
  return c.get(KEY) === true;
}
