import { type Context, Hono } from 'hono';
import { type AppContext, expectedError } from '../../app/index.ts';
import { logger } from '../logger.ts';
import { renderStaffError } from './pages/error-page.tsx';
import { adminRoutes } from './routes/admin-routes.tsx';
import { authRoutes } from './routes/auth-routes.tsx';
import { evaluationRoutes } from './routes/evaluation-routes.tsx';
import { homeRoutes } from './routes/home-routes.tsx';
import { planEditRoutes } from './routes/plan-edit-routes.tsx';
import { planRoutes } from './routes/plan-routes.tsx';
import { reportRoutes } from './routes/report-routes.tsx';
import { roundRoutes } from './routes/round-routes.tsx';
import { sheetFieldRoutes } from './routes/sheet-field-routes.tsx';
import { workbookRoutes } from './routes/workbook-routes.tsx';
import { staffAssetRoutes } from './staff-assets.ts';
import type { StaffEnv } from './staff-env.ts';
import { requireSession, staffContext, verifyCsrf } from './staff-middleware.ts';
import { type StaffOptions, staffOptionsFromEnv } from './staff-options.ts';

/**
 * The staff workspace under /staff: login, the yearly reporting round, review, publishing, plan editing and
 * user administration. Every route below the login checks the session and (for POST) the CSRF token here, and
 * every use case it calls checks the permission again in the app layer.
 */
export function staffRoutes(ctx: AppContext, options: StaffOptions = staffOptionsFromEnv()): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  app.route('/', staffAssetRoutes() as unknown as Hono<StaffEnv>);
  app.use(staffContext(ctx, options));
  app.route('/', authRoutes(ctx, options));

  const signedIn = new Hono<StaffEnv>();
  signedIn.use(
    requireSession(ctx),
    verifyCsrf((c) => c.get('session')?.csrfToken),
  );
  signedIn.route('/', homeRoutes(ctx, options));
  signedIn.route('/', roundRoutes(ctx, options));
  signedIn.route('/', reportRoutes(ctx));
  signedIn.route('/', planRoutes(ctx));
  signedIn.route('/', planEditRoutes(ctx));
  signedIn.route('/', evaluationRoutes(ctx));
  signedIn.route('/', sheetFieldRoutes(ctx));
  signedIn.route('/', adminRoutes(ctx));
  signedIn.route('/', workbookRoutes(ctx));
  // Hono calls only the top-level app's notFound, which is the portal's; an unknown /staff/… address is still
  // the workspace's, so it answers with the workspace's page (after the session check above).
  const staffNotFound = (c: Context<StaffEnv>) =>
    c.html(renderStaffError(c, 404, c.get('text').t('error.notFound')), 404);
  signedIn.all('*', staffNotFound);
  app.route('/', signedIn);
  app.notFound(staffNotFound);
  app.onError((thrown, c) => {
    const text = c.get('text');
    const err = expectedError(thrown);
    if (err) {
      if (err.code === 'unavailable') {
        logger.warn({ err: thrown, path: c.req.path }, 'database unavailable');
        c.header('Retry-After', '5');
      }
      if (err.code === 'unauthenticated') return c.redirect('/staff/login', 303);
      const message =
        err.code === 'forbidden' ? text.t('error.forbidden') : text.lang === 'ja' ? err.messageJa : err.messageEn;
      return c.html(renderStaffError(c, err.status, message), err.status as 400);
    }
    logger.error({ err: thrown, path: c.req.path }, 'unhandled error in the staff workspace');
    return c.html(renderStaffError(c, 500, text.t('error.internal')), 500);
  });
  return app;
}
