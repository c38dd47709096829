import {
  earlierActualsOf,
  kpiWarningsOf,
  type ReportValues,
  type ReportView,
  targetOf,
} from '../report-view-helpers.ts';
import type { StaffText } from '../staff-text.ts';
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  RadioGroupField,
  SelectField,
  TextArea,
  TextField,
} from './form-parts.tsx';
import { ReportFieldInputs } from './report-field-inputs.tsx';

/**
 * The entry form of one initiative for the round's year. It always carries the sheet version it was loaded
 * with; after a conflict it carries the newer version and the user's own input.
 */
export function ReportForm(props: {
  text: StaffText;
  view: ReportView;
  values: ReportValues;
  version: number;
  action: string;
  csrf: string;
  errors: Record<string, string>;
  submitLabel?: string | undefined;
  saveLabel?: string | undefined;
  /** The kept form shown again after a new login, forgotten once this form is saved. */
  restoredId?: string | undefined;
}) {
  const { text, view, values, errors } = props;
  const t = text.t;
  const fy = view.round.fy;
  const scale = view.scale;
  // A co-department of a shared initiative writes only its own 実績 and comment.
  const part = view.contributor;
  const labels: Record<string, string> = {
    actual: t('report.actual', { fy: text.fy(fy) }),
    rating: t('report.rating', { scale: scale.name }),
    comment: part ? t('report.part.comment') : t('report.comment'),
  };
  const override = part ? null : view.override;
  const en = text.lang === 'en';
  const ruleName = override?.computed
    ? en
      ? (override.computed.rule.nameEn ?? override.computed.rule.name)
      : override.computed.rule.name
    : '';
  if (override) {
    labels.override = t('report.override', { rule: ruleName });
    labels.overrideReason = t('report.overrideReason');
  }
  for (const y of view.nextYears) labels[`plans.${y}`] = t('report.plan', { fy: text.fy(y) });
  for (const ind of view.node.indicators) {
    labels[`indicators.${ind.key}.actual`] =
      `${ind.name} ${t('report.kpiActual', { fy: text.fy(fy), unit: ind.unit || '-' })}`;
    labels[`indicators.${ind.key}.provisional`] = `${ind.name} ${t('report.kpiProvisional')}`;
  }
  return (
    <form method="post" action={props.action} novalidate>
      <ErrorSummary title={t('form.errorSummary')} errors={errors} labels={labels} />
      <CsrfField token={props.csrf} />
      <input type="hidden" name="version" value={String(props.version)} />
      {props.restoredId && <input type="hidden" name="restored" value={props.restoredId} />}
      {part && (
        <>
          <h2>{t('report.part.title', { dept: text.dept(part) })}</h2>
          <p class="hint">
            {t('report.part.hint', { lead: view.departments[0] ? text.dept(view.departments[0]) : '' })}
          </p>
        </>
      )}
      <TextArea
        path="actual"
        name="actual"
        label={labels.actual}
        hint={t('report.actualHint')}
        value={values.actual}
        rows={6}
        error={errors.actual}
      />
      {!part &&
        view.nextYears.map((y) => (
          <TextArea
            path={`plans.${y}`}
            name={`plan.${y}`}
            label={labels[`plans.${y}`]}
            value={values.plans[String(y)] ?? ''}
            rows={4}
            error={errors[`plans.${y}`]}
          />
        ))}
      {!part && view.node.indicators.length > 0 && (
        <fieldset>
          <legend>{t('report.kpi')}</legend>
          {view.node.indicators.map((ind) => {
            const v = values.indicators[ind.key] ?? { actual: '', provisional: false, note: '' };
            const target = targetOf(ind, fy);
            const earlier = earlierActualsOf(ind, fy);
            const warnings = kpiWarningsOf(ind, fy, v.actual);
            const hint = (target || earlier.length > 0 || warnings.length > 0) && (
              <>
                {target && <span class="kpi-context">{t('report.kpiTarget', { target })}</span>}
                {earlier.length > 0 && (
                  <span class="kpi-context">
                    {t('report.kpiEarlier', {
                      list: earlier.map((e) => `${text.fy(e.fy)} ${e.text}`).join(text.sep),
                    })}
                  </span>
                )}
                {warnings.map((w) => (
                  <strong class="field__warning">
                    {t('report.kpiWarning', { message: text.lang === 'ja' ? w.message : w.messageEn })}
                  </strong>
                ))}
              </>
            );
            return (
              <fieldset>
                <legend>{ind.name}</legend>
                {ind.kind !== 'text' && (
                  <TextField
                    path={`indicators.${ind.key}.actual`}
                    name={`kpi.${ind.key}.actual`}
                    label={t('report.kpiActual', { fy: text.fy(fy), unit: ind.unit || '-' })}
                    hint={hint || undefined}
                    value={v.actual}
                    inputmode="decimal"
                    error={errors[`indicators.${ind.key}.actual`]}
                  />
                )}
                {ind.kind !== 'text' && (
                  <CheckboxField
                    path={`indicators.${ind.key}.provisional`}
                    name={`kpi.${ind.key}.provisional`}
                    label={t('report.kpiProvisional')}
                    checked={v.provisional}
                    error={errors[`indicators.${ind.key}.provisional`]}
                  />
                )}
                <TextField
                  path={`indicators.${ind.key}.note`}
                  name={`kpi.${ind.key}.note`}
                  label={t('report.kpiNote')}
                  value={v.note}
                  error={errors[`indicators.${ind.key}.note`]}
                />
              </fieldset>
            );
          })}
        </fieldset>
      )}
      {part ? null : scale.levels.some((l) => l.definition) ? (
        <RadioGroupField
          path="rating"
          name="rating"
          label={labels.rating}
          value={values.rating}
          options={[
            { value: '', label: t('report.ratingNone') },
            ...scale.levels.map((l) => ({ value: l.key, label: l.label, description: l.definition })),
          ]}
          error={errors.rating}
        />
      ) : (
        <SelectField
          path="rating"
          name="rating"
          label={labels.rating}
          value={values.rating}
          options={[
            { value: '', label: t('report.ratingNone') },
            ...scale.levels.map((l) => ({ value: l.key, label: l.label })),
          ]}
          error={errors.rating}
        />
      )}
      <TextArea
        path="comment"
        name="comment"
        label={labels.comment}
        value={values.comment}
        rows={4}
        error={errors.comment}
      />
      {override && (
        <fieldset class="override">
          <legend>{labels.override}</legend>
          <p class="hint">
            {t('report.overrideComputed', {
              level: override.computed?.level
                ? en
                  ? (override.computed.level.labelEn ?? override.computed.level.label)
                  : override.computed.level.label
                : t('report.overrideNoFigure'),
            })}
          </p>
          <SelectField
            path="override"
            name="override"
            label={labels.override}
            value={values.override ?? ''}
            options={[
              { value: '', label: t('report.overrideNone') },
              ...override.levels.map((l) => ({ value: l.key, label: en ? (l.labelEn ?? l.label) : l.label })),
            ]}
            error={errors.override}
          />
          <TextArea
            path="overrideReason"
            name="overrideReason"
            label={labels.overrideReason}
            value={values.overrideReason ?? ''}
            rows={3}
            error={errors.overrideReason}
          />
        </fieldset>
      )}
      {!part && <ReportFieldInputs text={text} view={view} values={values} errors={errors} />}
      <div class="actions entry-actions">
        <button type="submit" name="intent" value="save">
          {props.saveLabel ?? t('report.save')}
        </button>
        {view.can.submit && (
          <button type="submit" name="intent" value="submit" class="secondary">
            {props.submitLabel ?? (part ? t('report.part.submit') : t('report.submit'))}
          </button>
        )}
      </div>
    </form>
  );
}
