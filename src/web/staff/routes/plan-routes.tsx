import { Hono } from 'hono';
import {
  type AppContext,
  can,
  compareEditions,
  getExecutiveView,
  getNodeHistory,
  getPublishStatus,
  publishEdition,
  withdrawEdition,
} from '../../../app/index.ts';
import { storePublishedFiles } from '../../../reports/index.ts';
import { readForm } from '../forms/form-body.ts';
import { PublishForm, WithdrawForm } from '../forms/plan-forms.ts';
import { noticeText } from '../notices.ts';
import { DiffPage } from '../pages/diff-page.tsx';
import { ExecutivePage } from '../pages/executive-page.tsx';
import { HistoryPage } from '../pages/history-page.tsx';
import { PublishPage } from '../pages/publish-page.tsx';
import { actorProps, formRefusal, planParam, refuseCutBody } from '../route-helpers.ts';
import { redirectWithNotice, sendPage } from '../send-page.ts';
import { field, type StaffContext, type StaffEnv } from '../staff-env.ts';
import { historyPath, planPath } from '../staff-paths.ts';

/** Publishing, edition comparison, an initiative's history and the executive view. */
export function planRoutes(ctx: AppContext) {
  const app = new Hono<StaffEnv>();
  const who = (c: StaffContext) => ({ ...actorProps(ctx, c), planSlug: planParam(c) });

  const publishPage = async (
    c: StaffContext,
    values?: { name: string; fy: string; confirmWithheld?: string },
    errors = {},
    status = 200,
  ) => {
    const s = c.get('staff');
    const st = await getPublishStatus(who(c));
    return sendPage(
      c,
      <PublishPage
        text={c.get('text')}
        session={s}
        planSlug={planParam(c)}
        organizationSlug={s.organization.slug}
        status={st}
        values={
          values ?? {
            name: c.get('text').t('publish.suggestedName', { fy: c.get('text').fy(st.suggestedFy) }),
            fy: String(st.suggestedFy),
          }
        }
        errors={errors}
        notice={noticeText(c, { editionName: st.editions.find((e) => e.id === c.req.query('edition'))?.name })}
      />,
      status,
    );
  };
  app.get('/plans/:plan/publish', (c) => publishPage(c));
  app.post('/plans/:plan/publish', async (c) => {
    const form = c.get('form');
    const values = {
      name: field(form, 'name'),
      fy: field(form, 'fy'),
      confirmWithheld: field(form, 'confirmWithheld'),
    };
    try {
      refuseCutBody(c);
      const body = readForm(form, PublishForm);
      // Only four digits count as a year (Number('') would be 0); the use case says what the year must be.
      const fy = /^\d{4}$/.test(body.fy) ? Number(body.fy) : Number.NaN;
      const r = await publishEdition({ ...who(c), name: body.name, fy, confirmWithheld: body.confirmWithheld });
      await storePublishedFiles(ctx, { organizationId: r.organizationId, editionId: r.id });
      return redirectWithNotice(c, `${planPath(planParam(c))}/publish`, 'published', { edition: r.id });
    } catch (e) {
      const refused = formRefusal(c, e);
      if (!refused) throw e;
      return publishPage(c, values, refused.errors, refused.status);
    }
  });

  app.post('/plans/:plan/editions/:id/withdraw', async (c) => {
    try {
      refuseCutBody(c);
      const { reason } = readForm(c.get('form'), WithdrawForm);
      await withdrawEdition({ ...who(c), editionId: c.req.param('id'), reason });
      return redirectWithNotice(c, `${planPath(planParam(c))}/publish`, 'withdrawn');
    } catch (e) {
      const refused = formRefusal(c, e);
      if (!refused) throw e;
      return publishPage(c, undefined, refused.errors, refused.status);
    }
  });

  app.get('/plans/:plan/editions/diff', async (c) => {
    const s = c.get('staff');
    const comparison = await compareEditions({ ...who(c), from: c.req.query('from'), to: c.req.query('to') });
    return sendPage(
      c,
      <DiffPage
        text={c.get('text')}
        session={s}
        planSlug={planParam(c)}
        comparison={comparison}
        canReadDraft={can(s.actor, 'plan.read-draft', { organizationId: s.actor.organizationId })}
      />,
    );
  });

  app.get('/plans/:plan/history/:code', async (c) => {
    const code = c.req.param('code');
    const history = await getNodeHistory({ ...who(c), code });
    return sendPage(
      c,
      <HistoryPage
        text={c.get('text')}
        session={c.get('staff')}
        history={history}
        back={historyPath(planParam(c), code)}
      />,
    );
  });

  app.get('/plans/:plan/executive', async (c) => {
    const fy = c.req.query('fy');
    const view = await getExecutiveView({ ...who(c), fy: fy && /^\d{4}$/.test(fy) ? Number(fy) : undefined });
    return sendPage(
      c,
      <ExecutivePage text={c.get('text')} session={c.get('staff')} planSlug={planParam(c)} view={view} />,
    );
  });
  return app;
}
