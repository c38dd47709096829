import { Hono } from 'hono';
import { type AppContext, listStaffPlans } from '../../../app/index.ts';
import { noticeText } from '../notices.ts';
import { HomePage } from '../pages/home-page.tsx';
import { sendPage } from '../send-page.ts';
import type { StaffEnv } from '../staff-env.ts';

export function homeRoutes(ctx: AppContext) {
  const app = new Hono<StaffEnv>();
  app.get('/', async (c) => {
    const session = c.get('staff');
    const plans = await listStaffPlans({ ctx, actor: session.actor, organizationSlug: session.organization.slug });
    return sendPage(c, <HomePage text={c.get('text')} session={session} plans={plans} notice={noticeText(c)} />);
  });
  return app;
}
