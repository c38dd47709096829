import { Hono } from 'hono';
import { type AppContext, checkReady, expectedError } from '../app/index.ts';
import { apiRoutes } from './api/api-routes.ts';
import { bodyLimits } from './body-limits.ts';
import type { HotPages } from './hot-pages.ts';
import { logger } from './logger.ts';
import { assetRoutes } from './portal/asset-routes.ts';
import { portalRoutes } from './portal/portal-routes.tsx';
import { rejectNul } from './reject-nul.ts';
import { reportRoutes } from './report-routes.ts';
import { securityHeaders } from './security-headers.ts';
import { isFormShownWhenCut } from './staff/route-helpers.ts';
import { staffRoutes } from './staff/staff-routes.tsx';
import { isEntryFormPath } from './staff/unsaved-forms.ts';

export type WebEnv = { Variables: { requestId: string } };

/** The whole HTTP surface: health checks, public portal, and (later) the API and staff workspace. */
export function createWebApp(ctx: AppContext, options: { hotPages?: HotPages } = {}): Hono<WebEnv> {
  const app = new Hono<WebEnv>();

  // First, so that it keeps the final headers of the published pages it may repeat (see hot-pages.ts).
  if (options.hotPages) app.use(options.hotPages.capture);
  app.use(securityHeaders());
  app.use(bodyLimits({ keepsWhatFits: (path) => isEntryFormPath(path) || isFormShownWhenCut(path) }));
  app.use(rejectNul());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const { ready, database } = await checkReady(ctx);
    // The driver's message stays in the log: it may name hosts and users.
    const shown = { dialect: database.dialect, state: database.state };
    if (ready) return c.json({ status: 'ready', database: shown });
    logger.warn({ database }, 'not ready: database unavailable');
    return c.json({ status: 'unavailable', database: shown }, 503);
  });

  // Before the portal, whose /:org/:plan/ patterns would otherwise claim /staff/….
  app.get('/staff', (c) => c.redirect('/staff/', 301));
  app.route('/staff/', staffRoutes(ctx));
  app.route('/', assetRoutes());
  app.route('/', apiRoutes(ctx));
  app.route('/', reportRoutes(ctx));
  app.route('/', portalRoutes(ctx));

  app.onError((err, c) => {
    const known = expectedError(err);
    if (known?.code === 'unavailable') {
      logger.warn({ err, path: c.req.path }, 'database unavailable');
      c.header('Retry-After', '5');
    }
    if (known) return c.text(`${known.messageJa}\n${known.messageEn}\n`, known.status as 400);
    logger.error({ err, path: c.req.path }, 'unhandled error');
    return c.text('内部エラーが発生しました / Internal error\n', 500);
  });
  return app;
}
