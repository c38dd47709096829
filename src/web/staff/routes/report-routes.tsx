import { Hono } from 'hono';
import {
  type AppContext,
  addReviewComment,
  forgetUnsavedForm,
  forgetUploadConflicts,
  getReport,
  getUploadConflicts,
  isAppError,
  type KeptUploadConflicts,
  type ReportConflict,
  type ReportValues,
  reviewReport,
  saveReport,
} from '../../../app/index.ts';
import { bodyWasCut } from '../../body-limits.ts';
import { readForm } from '../forms/form-body.ts';
import { CommentForm, ForgetConflictsForm, ReportForm, ResolveForm, ReviewForm } from '../forms/report-forms.ts';
import { noticeText } from '../notices.ts';
import { ReportPage } from '../pages/report-page.tsx';
import { chooseValues, reportValuesFromForm, reportValuesThatFitted } from '../report-view-helpers.ts';
import { actorProps, fieldErrorsOf, fyParam, planParam } from '../route-helpers.ts';
import { redirectWithNotice, sendPage } from '../send-page.ts';
import { field, type StaffContext, type StaffEnv } from '../staff-env.ts';
import { taskPath } from '../staff-paths.ts';
import { restoredForm } from '../unsaved-forms.ts';

/** One initiative's report: view, save/submit (with the conflict screen), review decisions and comments. */
export function reportRoutes(ctx: AppContext) {
  const app = new Hono<StaffEnv>();
  const ref = (c: StaffContext) => ({
    ...actorProps(ctx, c),
    planSlug: planParam(c),
    fy: fyParam(c),
    code: c.req.param('code') ?? '',
  });
  const render = async (
    c: StaffContext,
    extra: {
      values?: ReportValues;
      errors?: Record<string, string>;
      conflict?: ReportConflict;
      reviewNote?: string;
      version?: number;
      restoredId?: string;
      notice?: string;
      kept?: KeptUploadConflicts['fields'];
    } = {},
    status = 200,
  ) => {
    const view = await getReport(ref(c));
    // Fields the user's uploaded workbook left for them to decide: a link to the conflict page on the task page.
    const keptCount = extra.kept || !view.can.edit ? 0 : ((await getUploadConflicts(ref(c)))?.fields.length ?? 0);
    return sendPage(
      c,
      <ReportPage
        text={c.get('text')}
        session={c.get('staff')}
        view={view}
        values={extra.values ?? view.values}
        errors={extra.errors ?? {}}
        conflict={extra.conflict}
        notice={extra.notice ?? noticeText(c)}
        version={extra.version}
        restoredId={extra.restoredId}
        kept={extra.kept}
        keptCount={keptCount}
        {...(extra.reviewNote !== undefined && { reviewNote: extra.reviewNote })}
      />,
      status,
    );
  };
  const base = '/plans/:plan/rounds/:fy/tasks/:code';

  app.get(base, async (c) => {
    // After a new login, the input posted while the session had run out comes back, not saved: the user saves
    // it (on the version it was typed on, so a save by someone else meanwhile is the conflict page, not lost).
    const kept = await restoredForm(c, ctx);
    if (!kept) return render(c);
    return render(c, {
      values: reportValuesFromForm(kept.form),
      version: Number(field(kept.form, 'version')),
      restoredId: kept.id,
      notice: c.get('text').t('report.restored'),
    });
  });

  app.post(base, async (c) => {
    const form = c.get('form');
    if (bodyWasCut(c)) {
      // Over the size limit: nothing is saved; the fields that fitted come back as typed, the rest as saved.
      const view = await getReport(ref(c));
      const text = c.get('text');
      const fitted = reportValuesThatFitted(form, view);
      const errors: Record<string, string> = { form: text.t('report.tooLarge') };
      if (fitted.cutAt) errors[fitted.cutAt] = text.t('report.cutHere');
      return render(c, { values: fitted.values, version: Number(field(form, 'version')), errors }, 413);
    }
    const input = reportValuesFromForm(form);
    const r = ref(c);
    try {
      const body = readForm(form, ReportForm);
      const submit = body.intent === 'submit';
      await saveReport({ ...r, expectedVersion: body.version, values: input, submit });
      if (body.restored) await forgetUnsavedForm({ ctx, session: c.get('staff'), id: body.restored });
      return redirectWithNotice(c, taskPath(r.planSlug, r.fy, r.code), submit ? 'submitted' : 'saved');
    } catch (e) {
      // Shown again exactly as typed: a refused save may be refused for its size, so it is not parsed again.
      const values = input;
      if (isAppError(e) && e.details?.kind === 'report-conflict')
        return render(c, { values, conflict: e.details }, 409);
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return render(c, { values, errors }, 400);
    }
  });

  // The fields an uploaded workbook left, kept for this user: the conflict panel with the file's content as
  // "your input" and the saved content as it is now, saved through /resolve like any conflict.
  app.get(`${base}/conflicts`, async (c) => {
    const r = ref(c);
    const kept = await getUploadConflicts(r);
    if (!kept) return c.redirect(taskPath(r.planSlug, r.fy, r.code), 303);
    return render(c, { values: kept.yours, conflict: kept.conflict, kept: kept.fields });
  });

  app.post(`${base}/conflicts/forget`, async (c) => {
    const r = ref(c);
    const { kept } = readForm(c.get('form'), ForgetConflictsForm);
    await forgetUploadConflicts({ ...r, ids: kept });
    return redirectWithNotice(c, taskPath(r.planSlug, r.fy, r.code), 'conflicts-kept-saved');
  });

  // The conflict panel's choice per field: each field the user's input or the saved content, saved through the
  // same use case as the form, on the version the panel showed (someone saving again meanwhile is a new conflict).
  // From the workbook conflict page the kept fields it decided are then forgotten.
  app.post(`${base}/resolve`, async (c) => {
    const form = c.get('form');
    const r = ref(c);
    const yours = reportValuesFromForm(form);
    const saved = (await getReport(r)).values;
    const values = chooseValues(yours, saved, (name) => field(form, `take.${name}`) === 'theirs');
    const keptIds = form.get('kept') ?? [];
    try {
      const { version } = readForm(form, ResolveForm);
      await saveReport({ ...r, expectedVersion: version, values, submit: false });
      await forgetUploadConflicts({ ...r, ids: keptIds });
      return redirectWithNotice(c, taskPath(r.planSlug, r.fy, r.code), 'saved');
    } catch (e) {
      if (isAppError(e) && e.details?.kind === 'report-conflict') {
        const kept = keptIds.length > 0 ? (await getUploadConflicts(r))?.fields : undefined;
        return render(c, { values, conflict: e.details, ...(kept && { kept }) }, 409);
      }
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return render(c, { values, errors }, 400);
    }
  });

  app.post(`${base}/review`, async (c) => {
    const form = c.get('form');
    const r = ref(c);
    const note = field(form, 'note');
    try {
      const { decision, part, taskVersion } = readForm(form, ReviewForm);
      await reviewReport({ ...r, decision, note, part: part || undefined, expectedTaskVersion: taskVersion });
      return redirectWithNotice(c, taskPath(r.planSlug, r.fy, r.code), decision === 'return' ? 'returned' : 'approved');
    } catch (e) {
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return render(c, { errors, reviewNote: note }, 400);
    }
  });

  app.post(`${base}/comments`, async (c) => {
    const r = ref(c);
    try {
      await addReviewComment({ ...r, ...readForm(c.get('form'), CommentForm) });
      return redirectWithNotice(c, taskPath(r.planSlug, r.fy, r.code), 'commented');
    } catch (e) {
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return render(c, { errors }, 400);
    }
  });
  return app;
}
