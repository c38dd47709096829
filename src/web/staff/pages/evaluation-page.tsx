import { type EvaluationFormValues, MISSING_REASONS, type StaffSession } from '../../../app/index.ts';
import { EVALUATION_PRESETS, type EvaluationPreview, ProgressBasis } from '../../../domain/index.ts';
import { EvaluationPreviewTable } from '../components/evaluation-preview-table.tsx';
import { CheckboxField, CsrfField, ErrorSummary, SelectField, TextField } from '../components/form-parts.tsx';
import { IndicatorOverrides, type OverrideRow } from '../components/indicator-overrides.tsx';
import { StaffLayout } from '../components/staff-layout.tsx';
import type { StaffMessageKey } from '../staff-messages.ts';
import { planPath } from '../staff-paths.ts';
import type { StaffText } from '../staff-text.ts';

/** How many rows a repeated group shows: the ones typed so far and one empty row to add another. */
function rowCount(v: EvaluationFormValues, prefix: string): number {
  let n = 0;
  for (const key of Object.keys(v)) {
    const m = key.startsWith(`${prefix}[`) ? /^[^[]+\[(\d+)\]/.exec(key) : null;
    if (m && (v[key] ?? '').trim() !== '') n = Math.max(n, Number(m[1]) + 1);
  }
  return n + 1;
}

/**
 * The plan office's evaluation-method form: a preset to start from, the progress basis, the status rule (levels,
 * bands with edges or a tolerance, rounding, combination, improvement, direction of travel), KPI verdicts with
 * missing-value reasons and the share rounding; a preview of the result on the current data; save.
 */
export function EvaluationPage(props: {
  text: StaffText;
  session: StaffSession;
  planSlug: string;
  planTitle: string;
  version: number;
  values: EvaluationFormValues;
  overrideRows: OverrideRow[];
  errors: Record<string, string>;
  preview?: EvaluationPreview | undefined;
  conflict?: boolean;
  notice?: string | undefined;
}) {
  const { text, values: v, errors } = props;
  const t = text.t;
  const base = planPath(props.planSlug);
  const opt = (value: string, key: StaffMessageKey) => ({ value, label: t(key) });
  const field = (path: string, key: StaffMessageKey, extra: { hint?: string; numeric?: boolean } = {}) => (
    <TextField
      path={path}
      name={path}
      label={t(key)}
      value={v[path] ?? ''}
      error={errors[path]}
      hint={extra.hint}
      inputmode={extra.numeric ? 'decimal' : undefined}
    />
  );
  const select = (path: string, key: StaffMessageKey, options: { value: string; label: string }[]) => (
    <SelectField path={path} name={path} label={t(key)} value={v[path] ?? ''} error={errors[path]} options={options} />
  );
  const check = (path: string, key: StaffMessageKey) => (
    <CheckboxField path={path} name={path} label={t(key)} checked={v[path] === 'on'} error={errors[path]} />
  );
  const rounding = (prefix: string) => (
    <>
      {select(`${prefix}.mode`, 'eval.roundingMode', [
        opt('half-up', 'eval.rounding.half-up'),
        opt('truncate', 'eval.rounding.truncate'),
        opt('none', 'eval.rounding.none'),
      ])}
      {field(`${prefix}.decimals`, 'eval.roundingDecimals', { numeric: true })}
    </>
  );
  const presets = Object.entries(EVALUATION_PRESETS).map(([key, p]) => ({ value: key, label: p.name[text.lang] }));
  return (
    <StaffLayout
      text={text}
      session={props.session}
      title={t('eval.title')}
      notice={props.notice}
      back={`${base}/edit`}
      crumbs={[
        { label: t('app.home'), href: '/staff/' },
        { label: props.planTitle, href: `${base}/edit` },
        { label: t('eval.title') },
      ]}
    >
      {props.conflict && (
        <p class="callout callout--warn" role="alert" id="f-form">
          {t('eval.conflict')}
        </p>
      )}
      <ErrorSummary title={t('form.errorSummary')} errors={errors} />
      <p>{t('eval.lead')}</p>
      <form method="post" action={`${base}/evaluation`} novalidate>
        <CsrfField token={props.session.csrfToken} />
        <input type="hidden" name="version" value={String(props.version)} />
        <fieldset>
          <legend>{t('eval.presetLegend')}</legend>
          {select('preset', 'eval.preset', [opt('', 'eval.presetNone'), ...presets])}
          <p class="field__hint">{t('eval.presetHint')}</p>
          <button type="submit" name="intent" value="preset" class="secondary">
            {t('eval.applyPreset')}
          </button>
        </fieldset>
        <fieldset>
          <legend>{t('eval.progressLegend')}</legend>
          {select('progress.basis', 'eval.basis', [
            opt('', 'eval.basisNone'),
            ...ProgressBasis.options.map((b) => ({ value: b, label: t(`basis.${b}` as StaffMessageKey) })),
          ])}
          {field('progress.path', 'eval.path', { hint: t('eval.pathHint') })}
        </fieldset>
        <fieldset>
          <legend>{t('eval.statusLegend')}</legend>
          {select('status.measure', 'eval.measure', [
            opt('', 'eval.measureNone'),
            opt('progress', 'eval.measure.progress'),
            opt('pro-rata', 'eval.measure.pro-rata'),
          ])}
          <input type="hidden" name="status.key" value={v['status.key'] ?? ''} />
          {field('status.name', 'eval.statusName')}
          {field('status.nameEn', 'eval.statusNameEn')}
          {field('status.appliesTo', 'eval.appliesTo')}
          {select('status.combine.method', 'eval.combine', [
            opt('mean', 'eval.combine.mean'),
            opt('min', 'eval.combine.min'),
            opt('all', 'eval.combine.all'),
            opt('any', 'eval.combine.any'),
            opt('n-achieved', 'eval.combine.n-achieved'),
          ])}
          {field('status.combine.n', 'eval.combineN', { numeric: true })}
          {check('status.combine.cap', 'eval.combineCap')}
          {rounding('status.rounding')}
          <fieldset>
            <legend>{t('eval.levelsLegend')}</legend>
            {errors['status.levels'] && <p class="field__error">{errors['status.levels']}</p>}
            {Array.from({ length: rowCount(v, 'status.levels') }, (_, i) => (
              <fieldset>
                <legend>{t('eval.levelRow', { n: i + 1 })}</legend>
                {field(`status.levels[${i}].key`, 'eval.levelKey')}
                {field(`status.levels[${i}].label`, 'eval.levelLabel')}
                {field(`status.levels[${i}].labelEn`, 'eval.levelLabelEn')}
                {field(`status.levels[${i}].color`, 'eval.levelColor')}
              </fieldset>
            ))}
          </fieldset>
          {select('status.kind', 'eval.kind', [
            opt('bands', 'eval.kind.bands'),
            opt('tolerance', 'eval.kind.tolerance'),
          ])}
          <fieldset>
            <legend>{t('eval.bandsLegend')}</legend>
            {Array.from({ length: rowCount(v, 'status.bands') }, (_, i) => (
              <fieldset>
                <legend>{t('eval.bandRow', { n: i + 1 })}</legend>
                {field(`status.bands[${i}].level`, 'eval.bandLevel')}
                {field(`status.bands[${i}].from`, 'eval.bandFrom', { numeric: true })}
                {select(`status.bands[${i}].inclusive`, 'eval.bandInclusive', [
                  opt('true', 'eval.bandInclusive.true'),
                  opt('false', 'eval.bandInclusive.false'),
                ])}
              </fieldset>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('eval.toleranceLegend')}</legend>
            {select('status.tolerance.unit', 'eval.toleranceUnit', [
              opt('points', 'eval.toleranceUnit.points'),
              opt('percent', 'eval.toleranceUnit.percent'),
            ])}
            {field('status.tolerance.size', 'eval.toleranceSize', { numeric: true })}
            {field('status.tolerance.met', 'eval.toleranceMet')}
            {field('status.tolerance.within', 'eval.toleranceWithin')}
            {field('status.tolerance.outside', 'eval.toleranceOutside')}
          </fieldset>
          {field('status.reached', 'eval.reached')}
          {field('status.improving.from', 'eval.improvingFrom')}
          {field('status.improving.level', 'eval.improvingLevel')}
          {select('status.override.rollup', 'eval.overrideRollup', [
            opt('', 'eval.overrideRollup.none'),
            opt('override', 'eval.overrideRollup.override'),
            opt('computed', 'eval.overrideRollup.computed'),
          ])}
          {field('status.override.levels', 'eval.overrideLevels')}
          {check('status.travel.on', 'eval.travel')}
          {field('status.travel.tolerance', 'eval.travelTolerance', { numeric: true })}
        </fieldset>
        <fieldset>
          <legend>{t('eval.kpiLegend')}</legend>
          {check('kpiVerdict.on', 'eval.kpiOn')}
          {field('kpiVerdict.achievedFrom', 'eval.achievedFrom', { numeric: true })}
          {rounding('kpiVerdict.rounding')}
          <fieldset>
            <legend>{t('eval.missingLegend')}</legend>
            {MISSING_REASONS.map((r) =>
              select(`kpiVerdict.missing.${r}`, `eval.missing.${r}` as StaffMessageKey, [
                opt('', 'eval.missingAs.default'),
                opt('unmeasurable', 'eval.missingAs.unmeasurable'),
                opt('excluded', 'eval.missingAs.excluded'),
              ]),
            )}
          </fieldset>
        </fieldset>
        <IndicatorOverrides text={text} rows={props.overrideRows} values={v} errors={errors} />
        {select('shareRounding', 'eval.shareRounding', [
          opt('', 'eval.shareRounding.default'),
          opt('largest-remainder', 'eval.shareRounding.largest-remainder'),
          opt('half-up', 'eval.shareRounding.half-up'),
          opt('truncate', 'eval.shareRounding.truncate'),
        ])}
        {field('previewFy', 'eval.previewFy', { numeric: true })}
        <div class="actions">
          <button type="submit" name="intent" value="preview" class="secondary">
            {t('eval.preview')}
          </button>
          <button type="submit" name="intent" value="save">
            {t('eval.save')}
          </button>
        </div>
      </form>
      {props.preview && <EvaluationPreviewTable text={text} preview={props.preview} />}
    </StaffLayout>
  );
}
