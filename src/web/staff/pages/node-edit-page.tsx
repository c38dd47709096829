import type { IndicatorFormInput, NodeFormInput, StaffSession } from '../../../app/index.ts';
import { LIFECYCLE_STATUS, NodeType, type PlanDocument, type PlanNode, valueKeys } from '../../../domain/index.ts';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../components/form-parts.tsx';
import { StaffLayout } from '../components/staff-layout.tsx';
import type { StaffMessageKey } from '../staff-messages.ts';
import { historyPath, nodeEditPath, planPath } from '../staff-paths.ts';
import type { StaffText } from '../staff-text.ts';

export function nodeValuesOf(node: PlanNode): NodeFormInput {
  return {
    title: node.title,
    departments: node.departments,
    goal: node.goal ?? '',
    situationFy: node.situation ? String(node.situation.asOfFy) : '',
    situation: node.situation?.items.join('\n') ?? '',
    challengesFy: node.challenges ? String(node.challenges.asOfFy) : '',
    challenges: node.challenges?.items.join('\n') ?? '',
    sdgs: node.sdgs.join(', '),
    lifecycleStatus: node.lifecycle.status,
    lifecycleFromFy: node.lifecycle.fromFy ? String(node.lifecycle.fromFy) : '',
    lifecycleInto: node.lifecycle.into.join(', '),
    lifecycleNote: node.lifecycle.note ?? '',
    type: node.type ?? '',
  };
}

export function indicatorValuesOf(ind: PlanNode['indicators'][number]): IndicatorFormInput {
  return {
    key: ind.key,
    name: ind.name,
    unit: ind.unit,
    kind: ind.kind,
    direction: ind.direction,
    baselineFy: ind.baseline ? String(ind.baseline.fy) : '',
    baselineValue: ind.baseline ? String(ind.baseline.value) : '',
    targetFy: ind.target ? String(ind.target.fy) : '',
    targetValue: ind.target?.value == null ? '' : String(ind.target.value),
    targetNote: ind.target?.note ?? '',
    reviseFromFy: '',
  };
}

const EMPTY_KPI: IndicatorFormInput = {
  key: '',
  name: '',
  unit: '',
  kind: 'level',
  direction: 'higher',
  baselineFy: '',
  baselineValue: '',
  targetFy: '',
  targetValue: '',
  targetNote: '',
  reviseFromFy: '',
};

export function NodeEditPage(props: {
  text: StaffText;
  session: StaffSession;
  planSlug: string;
  plan: PlanDocument;
  node: PlanNode;
  version: number;
  departments: { code: string; name: string }[];
  values: NodeFormInput;
  /** Which KPI form the errors and values belong to ("new" for the add form). */
  kpiForm?: { key: string; values: IndicatorFormInput } | undefined;
  errors: Record<string, string>;
  notice?: string | undefined;
}) {
  const { text, session, node, values, errors } = props;
  const t = text.t;
  const action = nodeEditPath(props.planSlug, node.code);
  const kpiAction = `${planPath(props.planSlug)}/nodes/${encodeURIComponent(node.code)}/indicators`;
  const deptOptions = [
    { value: '', label: t('common.none') },
    ...props.departments.map((d) => ({ value: d.code, label: d.name })),
  ];
  const depts = [...values.departments, '', ''].slice(0, Math.max(3, values.departments.length + 1));
  const kpiErrors = (key: string) => (props.kpiForm?.key === key ? errors : {});
  const kpiValues = (key: string, fallback: IndicatorFormInput) =>
    props.kpiForm?.key === key ? props.kpiForm.values : fallback;
  const KpiFields = (p: { id: string; v: IndicatorFormInput; e: Record<string, string>; isNew: boolean }) => (
    <>
      {p.isNew ? (
        <TextField path={`${p.id}.key`} name="key" label={t('node.edit.kpiKey')} value={p.v.key} error={p.e.key} />
      ) : (
        <input type="hidden" name="key" value={p.v.key} />
      )}
      <TextField path={`${p.id}.name`} name="name" label={t('node.edit.kpiName')} value={p.v.name} error={p.e.name} />
      <TextField path={`${p.id}.unit`} name="unit" label={t('node.edit.kpiUnit')} value={p.v.unit} />
      <SelectField
        path={`${p.id}.kind`}
        name="kind"
        label={t('node.edit.kpiKind')}
        value={p.v.kind}
        options={['cumulative', 'level', 'milestone', 'text'].map((k) => ({
          value: k,
          label: t(`kind.${k}` as StaffMessageKey),
        }))}
        error={p.e.kind}
      />
      <SelectField
        path={`${p.id}.direction`}
        name="direction"
        label={t('node.edit.kpiDirection')}
        value={p.v.direction}
        options={['higher', 'lower', 'unknown'].map((k) => ({
          value: k,
          label: t(`direction.${k}` as StaffMessageKey),
        }))}
        error={p.e.direction}
      />
      <TextField
        path={`${p.id}.baselineFy`}
        name="baselineFy"
        label={t('node.edit.baselineFy')}
        value={p.v.baselineFy}
        inputmode="numeric"
        error={p.e.baselineFy}
      />
      <TextField
        path={`${p.id}.baselineValue`}
        name="baselineValue"
        label={t('node.edit.baselineValue')}
        value={p.v.baselineValue}
        inputmode="decimal"
        error={p.e.baselineValue}
      />
      <TextField
        path={`${p.id}.targetFy`}
        name="targetFy"
        label={t('node.edit.targetFy')}
        value={p.v.targetFy}
        inputmode="numeric"
        error={p.e.targetFy}
      />
      <TextField
        path={`${p.id}.targetValue`}
        name="targetValue"
        label={t('node.edit.targetValue')}
        value={p.v.targetValue}
        inputmode="decimal"
        error={p.e.targetValue}
      />
      <TextField
        path={`${p.id}.targetNote`}
        name="targetNote"
        label={t('node.edit.targetNote')}
        value={p.v.targetNote}
      />
      {!p.isNew && (
        <TextField
          path={`${p.id}.reviseFromFy`}
          name="reviseFromFy"
          label={t('node.edit.reviseFromFy')}
          value={p.v.reviseFromFy}
          inputmode="numeric"
          error={p.e.reviseFromFy}
        />
      )}
    </>
  );
  return (
    <StaffLayout
      text={text}
      session={session}
      title={t('node.edit.title', { code: node.code, title: node.title })}
      notice={props.notice}
      back={action}
      crumbs={[
        { label: t('app.home'), href: '/staff/' },
        { label: t('plan.edit.title'), href: `${planPath(props.planSlug)}/edit` },
        { label: `${node.code} ${node.title}` },
      ]}
    >
      <ErrorSummary title={t('form.errorSummary')} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={session.csrfToken} />
        <input type="hidden" name="version" value={String(props.version)} />
        <TextField
          path="title"
          name="title"
          label={t('plan.edit.nodeTitle')}
          value={values.title}
          error={props.kpiForm ? undefined : errors.title}
        />
        <fieldset>
          <legend>{t('node.edit.departments')}</legend>
          {errors.departments && !props.kpiForm && <p class="field__error">{errors.departments}</p>}
          {depts.map((d, i) => (
            <SelectField
              path={`departments-${i}`}
              name="department"
              label={t('node.edit.department', { n: i + 1 })}
              value={d}
              options={deptOptions}
            />
          ))}
        </fieldset>
        <TextArea path="goal" name="goal" label={t('node.edit.goal')} value={values.goal} rows={2} />
        <TextField
          path="situationFy"
          name="situationFy"
          label={t('node.edit.situationFy')}
          value={values.situationFy}
          inputmode="numeric"
          error={errors.situationFy}
        />
        <TextArea
          path="situation"
          name="situation"
          label={t('node.edit.situation')}
          value={values.situation}
          rows={4}
        />
        <TextField
          path="challengesFy"
          name="challengesFy"
          label={t('node.edit.challengesFy')}
          value={values.challengesFy}
          inputmode="numeric"
          error={errors.challengesFy}
        />
        <TextArea
          path="challenges"
          name="challenges"
          label={t('node.edit.challenges')}
          value={values.challenges}
          rows={4}
        />
        <TextField path="sdgs" name="sdgs" label={t('node.edit.sdgs')} value={values.sdgs} error={errors.sdgs} />
        <SelectField
          path="type"
          name="type"
          label={t('node.edit.type')}
          value={values.type ?? ''}
          options={[
            { value: '', label: t('node.edit.type.auto') },
            ...NodeType.options.map((k) => ({ value: k, label: t(`node.edit.type.${k}` as StaffMessageKey) })),
          ]}
          error={errors.type}
        />
        <SelectField
          path="lifecycleStatus"
          name="lifecycleStatus"
          label={t('node.edit.lifecycle')}
          value={values.lifecycleStatus}
          options={valueKeys(LIFECYCLE_STATUS).map((s) => ({
            value: s,
            label: t(`lifecycle.${s}` as StaffMessageKey),
          }))}
          error={errors.lifecycleStatus}
        />
        <TextField
          path="lifecycleFromFy"
          name="lifecycleFromFy"
          label={t('node.edit.lifecycleFromFy')}
          value={values.lifecycleFromFy}
          inputmode="numeric"
          error={errors.lifecycleFromFy}
        />
        <TextField
          path="lifecycleInto"
          name="lifecycleInto"
          label={t('node.edit.lifecycleInto')}
          value={values.lifecycleInto}
          error={errors.lifecycleInto}
        />
        <TextField
          path="lifecycleNote"
          name="lifecycleNote"
          label={t('node.edit.lifecycleNote')}
          value={values.lifecycleNote}
        />
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
        </div>
      </form>
      <p>
        <a href={historyPath(props.planSlug, node.code)}>{t('report.history')}</a>
      </p>
      <h2>{t('node.edit.kpis')}</h2>
      {node.indicators.map((ind) => (
        <form method="post" action={kpiAction} novalidate>
          <fieldset>
            <legend>{ind.name}</legend>
            <CsrfField token={session.csrfToken} />
            <input type="hidden" name="version" value={String(props.version)} />
            {ind.targetHistory.length > 0 && (
              <p class="muted">
                {t('node.edit.targetHistory', {
                  list: ind.targetHistory.map((h) => `${text.fy(h.fromFy)}〜 ${h.value}${ind.unit}`).join(text.sep),
                })}
              </p>
            )}
            <KpiFields
              id={`kpi-${ind.key}`}
              v={kpiValues(ind.key, indicatorValuesOf(ind))}
              e={kpiErrors(ind.key)}
              isNew={false}
            />
            <button type="submit">{t('node.edit.saveKpi')}</button>
          </fieldset>
        </form>
      ))}
      <form method="post" action={kpiAction} novalidate>
        <fieldset>
          <legend>{t('node.edit.newKpi')}</legend>
          <CsrfField token={session.csrfToken} />
          <input type="hidden" name="version" value={String(props.version)} />
          <input type="hidden" name="isNew" value="1" />
          <KpiFields id="kpi-new" v={kpiValues('new', EMPTY_KPI)} e={kpiErrors('new')} isNew={true} />
          <button type="submit">{t('node.edit.saveKpi')}</button>
        </fieldset>
      </form>
    </StaffLayout>
  );
}
