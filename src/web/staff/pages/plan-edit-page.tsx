import type { PlanForEditing, StaffSession } from '../../../app/index.ts';
import { CheckboxField, CsrfField, ErrorSummary, SelectField, TextField } from '../components/form-parts.tsx';
import { StaffLayout } from '../components/staff-layout.tsx';
import type { StaffMessageKey } from '../staff-messages.ts';
import { nodeEditPath, planPath } from '../staff-paths.ts';
import type { StaffText } from '../staff-text.ts';

/** The form values of the settings form, as typed (so a refused save shows them again). */
export interface SettingsValues {
  title: string;
  shortTitle: string;
  vision: string;
  startFy: string;
  endFy: string;
  levels: string[];
  scaleName: string;
  scaleLevels: { key: string; label: string; definition: string; score: string; excluded: boolean }[];
  sharedInitiatives: string;
}

export function settingsValuesOf(p: PlanForEditing): SettingsValues {
  const d = p.document;
  const scale = d.ratingScales[0]!;
  return {
    title: d.title,
    shortTitle: d.shortTitle ?? '',
    vision: d.vision ?? '',
    startFy: String(d.period.startFy),
    endFy: String(d.period.endFy),
    levels: d.levels.map((l) => l.ja),
    scaleName: scale.name,
    scaleLevels: scale.levels.map((l) => ({
      key: l.key,
      label: l.label,
      definition: l.definition ?? '',
      score: l.score === null ? '' : String(l.score),
      excluded: l.excluded,
    })),
    sharedInitiatives: d.sharedInitiatives ?? 'lead-submits',
  };
}

export function PlanEditPage(props: {
  text: StaffText;
  session: StaffSession;
  planSlug: string;
  plan: PlanForEditing;
  values: SettingsValues;
  errors: Record<string, string>;
  notice?: string | undefined;
}) {
  const { text, session, plan, values, errors } = props;
  const t = text.t;
  const base = planPath(props.planSlug);
  const csrf = <CsrfField token={session.csrfToken} />;
  const levels = plan.document.levels;
  const deptName = new Map(plan.departments.map((d) => [d.code, d.name]));
  const goals = plan.nodes.filter((n) => n.depth === 1);
  return (
    <StaffLayout
      text={text}
      session={session}
      title={t('plan.edit.title')}
      notice={props.notice}
      back={`${base}/edit`}
      crumbs={[{ label: t('app.home'), href: '/staff/' }, { label: plan.document.title }]}
    >
      <ErrorSummary title={t('form.errorSummary')} errors={errors} />
      <p>
        <a href={`${base}/evaluation`}>{t('eval.link')}</a>
      </p>
      <p>
        <a href={`${base}/fields`}>{t('fields.link')}</a>
      </p>
      <h2>{t('plan.edit.settings')}</h2>
      <form method="post" action={`${base}/edit`} novalidate>
        {csrf}
        <input type="hidden" name="version" value={String(plan.version)} />
        <TextField
          path="title"
          name="title"
          label={t('plan.edit.titleField')}
          value={values.title}
          error={errors.title}
        />
        <TextField path="shortTitle" name="shortTitle" label={t('plan.edit.shortTitle')} value={values.shortTitle} />
        <TextField path="vision" name="vision" label={t('plan.edit.vision')} value={values.vision} />
        <TextField
          path="startFy"
          name="startFy"
          label={t('plan.edit.startFy')}
          value={values.startFy}
          inputmode="numeric"
          error={errors.startFy}
        />
        <TextField
          path="endFy"
          name="endFy"
          label={t('plan.edit.endFy')}
          value={values.endFy}
          inputmode="numeric"
          error={errors.endFy}
        />
        {values.levels.map((l, i) => (
          <TextField
            path={`levels[${i}]`}
            name="level"
            label={t('plan.edit.level', { n: i + 1 })}
            value={l}
            error={errors[`levels[${i}]`]}
          />
        ))}
        <SelectField
          path="sharedInitiatives"
          name="sharedInitiatives"
          label={t('plan.edit.sharedInitiatives')}
          hint={t('plan.edit.sharedInitiativesHint')}
          value={values.sharedInitiatives}
          error={errors.sharedInitiatives}
          options={[
            { value: 'lead-submits', label: t('plan.edit.shared.lead-submits') },
            { value: 'each-submits', label: t('plan.edit.shared.each-submits') },
          ]}
        />
        <TextField
          path="scaleName"
          name="scaleName"
          label={t('plan.edit.scaleName')}
          value={values.scaleName}
          error={errors.scaleName}
        />
        <fieldset>
          <legend>{t('plan.edit.scale')}</legend>
          {errors.scaleLevels && <p class="field__error">{errors.scaleLevels}</p>}
          {[...values.scaleLevels, { key: '', label: '', definition: '', score: '', excluded: false }].map((l, i) => (
            <fieldset>
              <legend>{l.key ? `${l.label}${text.paren(`${l.key}`)}` : t('plan.edit.newLevel')}</legend>
              {l.key ? (
                <input type="hidden" name={`scale.${i}.key`} value={l.key} />
              ) : (
                <TextField
                  path={`scaleLevels[${i}].key`}
                  name={`scale.${i}.key`}
                  label={t('plan.edit.levelKey')}
                  value=""
                  error={errors[`scaleLevels[${i}].key`]}
                />
              )}
              <TextField
                path={`scaleLevels[${i}].label`}
                name={`scale.${i}.label`}
                label={t('plan.edit.levelLabel')}
                value={l.label}
                error={errors[`scaleLevels[${i}].label`]}
              />
              <TextField
                path={`scaleLevels[${i}].definition`}
                name={`scale.${i}.definition`}
                label={t('plan.edit.levelDefinition')}
                value={l.definition}
              />
              <TextField
                path={`scaleLevels[${i}].score`}
                name={`scale.${i}.score`}
                label={t('plan.edit.levelScore')}
                value={l.score}
                inputmode="decimal"
                error={errors[`scaleLevels[${i}].score`]}
              />
              <CheckboxField
                path={`scaleLevels[${i}].excluded`}
                name={`scale.${i}.excluded`}
                label={t('plan.edit.levelExcluded')}
                checked={l.excluded}
              />
            </fieldset>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
        </div>
      </form>

      <h2 id="tree">{t('plan.edit.tree')}</h2>
      <div class="table-scroll">
        <table aria-labelledby="tree">
          <thead>
            <tr>
              <th scope="col">{t('common.code')}</th>
              <th scope="col">{t('common.title')}</th>
              <th scope="col">{t('common.departments')}</th>
              <th scope="col">{t('plan.edit.lifecycle')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.nodes.map((n) => (
              <tr>
                <td>{n.code}</td>
                <td>{n.depth > 1 ? `　${n.title}` : <strong>{n.title}</strong>}</td>
                <td>{n.departments.map((d) => deptName.get(d) ?? d).join(text.sep)}</td>
                <td>{t(`lifecycle.${n.lifecycle}` as StaffMessageKey)}</td>
                <td>
                  <a href={nodeEditPath(props.planSlug, n.code)} aria-label={`${t('plan.edit.edit')}: ${n.code}`}>
                    {t('plan.edit.edit')}
                  </a>
                  {(['up', 'down'] as const).map((dir) => (
                    <form method="post" action={`${base}/nodes/${encodeURIComponent(n.code)}/move`} class="inline-form">
                      {csrf}
                      <input type="hidden" name="direction" value={dir} />{' '}
                      <button
                        type="submit"
                        class="link-button"
                        aria-label={`${t(dir === 'up' ? 'plan.edit.up' : 'plan.edit.down')}: ${n.code}`}
                      >
                        {t(dir === 'up' ? 'plan.edit.up' : 'plan.edit.down')}
                      </button>
                    </form>
                  ))}
                  {n.depth > 1 && (
                    <form method="post" action={`${base}/nodes/${encodeURIComponent(n.code)}/move`} class="inline-form">
                      {csrf}{' '}
                      <label
                        for={`move-${n.code}`}
                        class="muted"
                      >{`${t('plan.edit.moveTo')}${text.paren(`${n.code}`)}`}</label>{' '}
                      <select id={`move-${n.code}`} name="newParentCode">
                        {goals.map((g) => (
                          <option value={g.code} selected={g.code === n.parentCode}>{`${g.code} ${g.title}`}</option>
                        ))}
                      </select>{' '}
                      <button type="submit" class="link-button" aria-label={`${t('plan.edit.move')}: ${n.code}`}>
                        {t('plan.edit.move')}
                      </button>
                    </form>
                  )}
                  {!n.hasChildren && (
                    <form
                      method="post"
                      action={`${base}/nodes/${encodeURIComponent(n.code)}/delete`}
                      class="inline-form"
                    >
                      {csrf}{' '}
                      <button type="submit" class="link-button" aria-label={`${t('plan.edit.delete')}: ${n.code}`}>
                        {t('plan.edit.delete')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {levels.map((level, depthIndex) => (
        <form method="post" action={`${base}/nodes`} novalidate>
          <fieldset>
            <legend>{t('plan.edit.addGoal', { level: level.ja })}</legend>
            {csrf}
            {depthIndex > 0 && (
              <SelectField
                path={`add${depthIndex}.parentCode`}
                name="parentCode"
                label={t('plan.edit.parent')}
                value=""
                options={plan.nodes
                  .filter((n) => n.depth === depthIndex)
                  .map((g) => ({ value: g.code, label: `${g.code} ${g.title}` }))}
              />
            )}
            <TextField path={`add${depthIndex}.code`} name="code" label={t('plan.edit.code')} value="" />
            <TextField path={`add${depthIndex}.title`} name="title" label={t('plan.edit.nodeTitle')} value="" />
            {depthIndex > 0 && (
              <SelectField
                path={`add${depthIndex}.department`}
                name="department"
                label={t('plan.edit.lead')}
                value=""
                options={[
                  { value: '', label: t('common.none') },
                  ...plan.departments.map((d) => ({ value: d.code, label: d.name })),
                ]}
              />
            )}
            <button type="submit">{t('plan.edit.add')}</button>
          </fieldset>
        </form>
      ))}
    </StaffLayout>
  );
}
