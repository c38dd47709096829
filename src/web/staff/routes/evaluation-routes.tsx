import { Hono } from 'hono';
import type { z } from 'zod';
import {
  type AppContext,
  type EvaluationFormValues,
  editPlanEvaluation,
  evaluationFormOf,
  getPlanForEditing,
  isAppError,
  nodesWithIndicators,
  overrideFormOf,
  previewPlanEvaluation,
} from '../../../app/index.ts';
import { EVALUATION_PRESETS, Evaluation, type EvaluationPreview, latestActualFy } from '../../../domain/index.ts';
import { readForm } from '../forms/form-body.ts';
import { EvaluationForm } from '../forms/plan-forms.ts';
import { noticeText } from '../notices.ts';
import { EvaluationPage } from '../pages/evaluation-page.tsx';
import { actorProps, fieldErrorsOf, planParam } from '../route-helpers.ts';
import { redirectWithNotice, sendPage } from '../send-page.ts';
import type { FormFields, StaffContext, StaffEnv } from '../staff-env.ts';
import { planPath } from '../staff-paths.ts';

/** Every field of the form as typed (the page's field names are the bundle's paths). */
function valuesFromForm(form: FormFields): EvaluationFormValues {
  const skip = new Set(['_csrf', 'version', 'intent']);
  return Object.fromEntries([...form].filter(([k]) => !skip.has(k)).map(([k, v]) => [k, v[0] ?? '']));
}

/** The evaluation-method settings of a plan (plan office): load a preset, preview on the current data, save. */
export function evaluationRoutes(ctx: AppContext) {
  const app = new Hono<StaffEnv>();
  const who = (c: StaffContext) => ({ ...actorProps(ctx, c), planSlug: planParam(c) });

  const page = async (
    c: StaffContext,
    opts: {
      values?: EvaluationFormValues;
      errors?: Record<string, string>;
      preview?: EvaluationPreview;
      conflict?: boolean;
      version?: number;
    },
    status = 200,
  ) => {
    const plan = await getPlanForEditing(who(c));
    const d = plan.document;
    const values = opts.values ?? {
      ...evaluationFormOf(d.evaluation, d.rollup.shareRounding),
      ...overrideFormOf(d),
      previewFy: String(latestActualFy(d)),
    };
    return sendPage(
      c,
      <EvaluationPage
        text={c.get('text')}
        session={c.get('staff')}
        planSlug={planParam(c)}
        planTitle={d.title}
        // A refused older form keeps the version it was opened at, so saving it again is refused again.
        version={opts.version ?? plan.version}
        values={values}
        overrideRows={nodesWithIndicators(d.nodes).map((n) => ({
          code: n.code,
          title: n.title,
          indicators: n.indicators.filter((i) => i.kind !== 'text').map((i) => ({ key: i.key, name: i.name })),
        }))}
        errors={opts.errors ?? {}}
        preview={opts.preview}
        conflict={opts.conflict}
        notice={noticeText(c)}
      />,
      status,
    );
  };

  app.get('/plans/:plan/evaluation', (c) => page(c, {}));
  app.post('/plans/:plan/evaluation', async (c) => {
    const form = c.get('form');
    let values = valuesFromForm(form);
    let body: z.output<typeof EvaluationForm>;
    try {
      body = readForm(form, EvaluationForm);
    } catch (e) {
      // A form not as the page sent it: shown again as typed, on the plan's own version.
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return page(c, { values, errors }, 400);
    }
    const { intent, version } = body;
    if (intent === 'preset') {
      const key = values.preset ?? '';
      const preset = EVALUATION_PRESETS[key as keyof typeof EVALUATION_PRESETS];
      if (preset) {
        // A preset is the plan's method; each indicator's own override stays as typed.
        const overrides = Object.entries(values).filter(([k]) => k.startsWith('override['));
        values = {
          ...evaluationFormOf(Evaluation.parse(preset.evaluation), values.shareRounding),
          ...Object.fromEntries(overrides),
          previewFy: values.previewFy ?? '',
        };
      }
    }
    try {
      if (intent === 'save') {
        await editPlanEvaluation({ ...who(c), expectedVersion: version, input: values });
        return redirectWithNotice(c, `${planPath(planParam(c))}/evaluation`, 'plan-saved');
      }
      const fy = Number((values.previewFy ?? '').normalize('NFKC'));
      const preview = await previewPlanEvaluation({ ...who(c), input: values, fy });
      return page(c, { values, preview, version });
    } catch (e) {
      if (isAppError(e) && e.code === 'conflict') return page(c, { values, conflict: true, version }, 409);
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return page(c, { values, errors, version }, 400);
    }
  });
  return app;
}
