import { Hono } from 'hono';
import {
  type AppContext,
  addNode,
  deletePlanNode,
  editIndicator,
  editNode,
  editPlanSettings,
  getNodeForEditing,
  getPlanForEditing,
  type IndicatorFormInput,
  moveNode,
  type NodeFormInput,
} from '../../../app/index.ts';
import { readForm } from '../forms/form-body.ts';
import { AddNodeForm, IndicatorForm, MoveNodeForm, NodeSheetForm, PlanSettingsForm } from '../forms/plan-forms.ts';
import { noticeText } from '../notices.ts';
import { NodeEditPage, nodeValuesOf } from '../pages/node-edit-page.tsx';
import { PlanEditPage, type SettingsValues, settingsValuesOf } from '../pages/plan-edit-page.tsx';
import { actorProps, fieldErrorsOf, planParam } from '../route-helpers.ts';
import { redirectWithNotice, sendPage } from '../send-page.ts';
import { type FormFields, field, type StaffContext, type StaffEnv } from '../staff-env.ts';
import { nodeEditPath, planPath } from '../staff-paths.ts';

function settingsFromForm(form: FormFields): SettingsValues {
  const scaleLevels: SettingsValues['scaleLevels'] = [];
  for (let i = 0; form.has(`scale.${i}.label`); i++) {
    const key = field(form, `scale.${i}.key`).trim();
    const label = field(form, `scale.${i}.label`);
    if (!key && !label.trim()) continue; // the empty "add a level" row
    scaleLevels.push({
      key,
      label,
      definition: field(form, `scale.${i}.definition`),
      score: field(form, `scale.${i}.score`),
      excluded: form.has(`scale.${i}.excluded`),
    });
  }
  return {
    title: field(form, 'title'),
    shortTitle: field(form, 'shortTitle'),
    vision: field(form, 'vision'),
    startFy: field(form, 'startFy'),
    endFy: field(form, 'endFy'),
    levels: form.get('level') ?? [],
    scaleName: field(form, 'scaleName'),
    scaleLevels,
    sharedInitiatives: field(form, 'sharedInitiatives'),
  };
}

function nodeFromForm(form: FormFields): NodeFormInput {
  const f = (k: string) => field(form, k);
  return {
    title: f('title'),
    departments: (form.get('department') ?? []).filter(Boolean),
    goal: f('goal'),
    situationFy: f('situationFy'),
    situation: f('situation'),
    challengesFy: f('challengesFy'),
    challenges: f('challenges'),
    sdgs: f('sdgs'),
    lifecycleStatus: f('lifecycleStatus'),
    lifecycleFromFy: f('lifecycleFromFy'),
    lifecycleInto: f('lifecycleInto'),
    lifecycleNote: f('lifecycleNote'),
    ...(form.has('type') && { type: f('type') }),
  };
}

const KPI_FIELDS = [
  'key',
  'name',
  'unit',
  'kind',
  'direction',
  'baselineFy',
  'baselineValue',
  'targetFy',
  'targetValue',
  'targetNote',
  'reviseFromFy',
] as const;

/** Plan editing (plan office): settings, structure, one node's sheet and its KPIs. */
export function planEditRoutes(ctx: AppContext) {
  const app = new Hono<StaffEnv>();
  const who = (c: StaffContext) => ({ ...actorProps(ctx, c), planSlug: planParam(c) });

  const planPage = async (
    c: StaffContext,
    values?: SettingsValues,
    errors: Record<string, string> = {},
    status = 200,
  ) => {
    const plan = await getPlanForEditing(who(c));
    return sendPage(
      c,
      <PlanEditPage
        text={c.get('text')}
        session={c.get('staff')}
        planSlug={planParam(c)}
        plan={plan}
        values={values ?? settingsValuesOf(plan)}
        errors={errors}
        notice={noticeText(c)}
      />,
      status,
    );
  };
  const structural = async (c: StaffContext, run: () => Promise<void>) => {
    try {
      await run();
      return redirectWithNotice(c, `${planPath(planParam(c))}/edit`, 'plan-saved');
    } catch (e) {
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return planPage(c, undefined, errors, 400);
    }
  };

  app.get('/plans/:plan/edit', (c) => planPage(c));
  app.post('/plans/:plan/edit', async (c) => {
    const form = c.get('form');
    const values = settingsFromForm(form);
    try {
      const { version } = readForm(form, PlanSettingsForm);
      await editPlanSettings({ ...who(c), expectedVersion: version, input: values });
      return redirectWithNotice(c, `${planPath(planParam(c))}/edit`, 'plan-saved');
    } catch (e) {
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return planPage(c, values, errors, 400);
    }
  });
  app.post('/plans/:plan/nodes', (c) => {
    return structural(c, () => {
      const body = readForm(c.get('form'), AddNodeForm);
      return addNode({
        ...who(c),
        parentCode: body.parentCode || null,
        code: body.code,
        title: body.title,
        departments: body.department ? [body.department] : [],
      });
    });
  });
  app.post('/plans/:plan/nodes/:code/move', (c) => {
    return structural(c, () => {
      const { direction, newParentCode } = readForm(c.get('form'), MoveNodeForm);
      return moveNode({ ...who(c), code: c.req.param('code'), ...(direction ? { direction } : { newParentCode }) });
    });
  });
  app.post('/plans/:plan/nodes/:code/delete', (c) =>
    structural(c, () => deletePlanNode({ ...who(c), code: c.req.param('code') })),
  );

  const nodePage = async (
    c: StaffContext,
    opts: {
      values?: NodeFormInput;
      kpiForm?: { key: string; values: IndicatorFormInput };
      errors?: Record<string, string>;
    } = {},
    status = 200,
  ) => {
    const data = await getNodeForEditing({ ...who(c), code: c.req.param('code') ?? '' });
    return sendPage(
      c,
      <NodeEditPage
        text={c.get('text')}
        session={c.get('staff')}
        planSlug={planParam(c)}
        plan={data.plan}
        node={data.node}
        version={data.version}
        departments={data.departments}
        values={opts.values ?? nodeValuesOf(data.node)}
        kpiForm={opts.kpiForm}
        errors={opts.errors ?? {}}
        notice={noticeText(c)}
      />,
      status,
    );
  };
  app.get('/plans/:plan/nodes/:code/edit', (c) => nodePage(c));
  app.post('/plans/:plan/nodes/:code/edit', async (c) => {
    const form = c.get('form');
    const values = nodeFromForm(form);
    const code = c.req.param('code');
    try {
      const { version } = readForm(form, NodeSheetForm);
      await editNode({ ...who(c), code, expectedVersion: version, input: values });
      return redirectWithNotice(c, nodeEditPath(planParam(c), code), 'plan-saved');
    } catch (e) {
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return nodePage(c, { values, errors }, 400);
    }
  });
  app.post('/plans/:plan/nodes/:code/indicators', async (c) => {
    const form = c.get('form');
    const code = c.req.param('code');
    const input = Object.fromEntries(KPI_FIELDS.map((k) => [k, field(form, k)])) as unknown as IndicatorFormInput;
    try {
      const { version } = readForm(form, IndicatorForm);
      await editIndicator({ ...who(c), code, expectedVersion: version, input });
      return redirectWithNotice(c, nodeEditPath(planParam(c), code), 'plan-saved');
    } catch (e) {
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return nodePage(c, { kpiForm: { key: field(form, 'isNew') ? 'new' : input.key, values: input }, errors }, 400);
    }
  });
  return app;
}
