import { Hono } from 'hono';
import { type AppContext, listStaffPlans, listWaitingWork } from '../../../app/index.ts';
import { noticeText } from '../notices.ts';
import { HomePage } from '../pages/home-page.tsx';
import { sendPage } from '../send-page.ts';
import type { StaffContext, StaffEnv } from '../staff-env.ts';
import type { StaffOptions } from '../staff-options.ts';

/** The staff home; also shown again with field errors and the typed input when opening a round fails. */
export async function sendHome(
  c: StaffContext,
  ctx: AppContext,
  options: Pick<StaffOptions, 'mailer'>,
  failed?: { errors: Record<string, string>; values: Record<string, string>; status?: number },
) {
  const session = c.get('staff');
  const who = { ctx, actor: session.actor, organizationSlug: session.organization.slug };
  const plans = await listStaffPlans(who);
  const work = await listWaitingWork(who);
  return sendPage(
    c,
    <HomePage
      text={c.get('text')}
      session={session}
      plans={plans}
      work={work}
      mailEnabled={options.mailer !== null}
      notice={noticeText(c)}
      errors={failed?.errors}
      values={failed?.values}
    />,
    failed ? (failed.status ?? 400) : 200,
  );
}

export function homeRoutes(ctx: AppContext, options: Pick<StaffOptions, 'mailer'>) {
  const app = new Hono<StaffEnv>();
  app.get('/', (c) => sendHome(c, ctx, options));
  return app;
}
