import { Hono } from 'hono';
import {
  type AppContext,
  editSheetFields,
  getPlanForEditing,
  isAppError,
  type SheetFieldChange,
  sheetFieldFormOf,
  sheetsUsing,
} from '../../../app/index.ts';
import { readForm } from '../forms/form-body.ts';
import { SheetFieldsForm } from '../forms/plan-forms.ts';
import { noticeText } from '../notices.ts';
import { type RefusedForm, SheetFieldsPage, type SheetFieldValues } from '../pages/sheet-fields-page.tsx';
import { actorProps, fieldErrorsOf, planParam } from '../route-helpers.ts';
import { redirectWithNotice, sendPage } from '../send-page.ts';
import { field, type StaffContext, type StaffEnv } from '../staff-env.ts';
import { planPath } from '../staff-paths.ts';

const INPUTS = [
  'key',
  'labelJa',
  'labelEn',
  'enteredBy',
  'kind',
  'unit',
  'decimals',
  'min',
  'max',
  'maxLength',
  'options',
];

/** The plan's own sheet fields (plan office): list, add, edit, reorder, remove. */
export function sheetFieldRoutes(ctx: AppContext) {
  const app = new Hono<StaffEnv>();
  const who = (c: StaffContext) => ({ ...actorProps(ctx, c), planSlug: planParam(c) });

  const page = async (c: StaffContext, refused?: RefusedForm, status = 200) => {
    const plan = await getPlanForEditing(who(c));
    return sendPage(
      c,
      <SheetFieldsPage
        text={c.get('text')}
        session={c.get('staff')}
        planSlug={planParam(c)}
        plan={plan.document}
        version={plan.version}
        formOf={(d) => sheetFieldFormOf(d) as SheetFieldValues}
        usedBy={(key) => sheetsUsing(plan.document, key)}
        refused={refused}
        notice={noticeText(c)}
      />,
      status,
    );
  };

  app.get('/plans/:plan/fields', (c) => page(c));
  app.post('/plans/:plan/fields', async (c) => {
    const form = c.get('form');
    const values = Object.fromEntries(INPUTS.map((k) => [k, field(form, k)])) as SheetFieldValues;
    const lang = c.get('text').lang;
    try {
      const body = readForm(form, SheetFieldsForm);
      const existing = body.target === 'edit' ? body.key : undefined;
      const change: SheetFieldChange =
        body.intent === 'save'
          ? { kind: 'save', key: existing, input: values }
          : body.intent === 'remove'
            ? { kind: 'remove', key: body.key }
            : { kind: 'move', key: body.key, by: body.intent === 'up' ? -1 : 1 };
      try {
        await editSheetFields({ ...who(c), expectedVersion: body.version, change });
      } catch (e) {
        const errors = fieldErrorsOf(e, lang);
        if (!errors) throw e;
        return page(c, { target: body.intent === 'save' ? (existing ?? 'new') : '', values, errors }, 400);
      }
      return redirectWithNotice(c, `${planPath(planParam(c))}/fields`, 'fields-saved');
    } catch (e) {
      if (isAppError(e) && e.code === 'conflict') {
        const message = lang === 'ja' ? e.messageJa : e.messageEn;
        return page(c, { target: '', values, errors: { form: message } }, 409);
      }
      const errors = fieldErrorsOf(e, lang);
      if (!errors) throw e;
      return page(c, { target: '', values, errors }, 400);
    }
  });
  return app;
}
