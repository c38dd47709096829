import { overrideField } from '../../../app/index.ts';
import { ProgressBasis } from '../../../domain/index.ts';
import type { StaffMessageKey } from '../staff-messages.ts';
import type { StaffText } from '../staff-text.ts';
import { SelectField, TextField } from './form-parts.tsx';

export interface OverrideRow {
  code: string;
  title: string;
  indicators: { key: string; name: string }[];
}

/**
 * Each numeric indicator's own progress basis and tolerance, overriding the plan's (blank: the plan's applies),
 * as `indicators[].method` and `indicators[].tolerance` in the bundle.
 */
export function IndicatorOverrides(props: {
  text: StaffText;
  rows: OverrideRow[];
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { text, rows, values: v, errors } = props;
  const t = text.t;
  return (
    <fieldset>
      <legend>{t('eval.overridesLegend')}</legend>
      <p class="field__hint">{t('eval.overridesHint')}</p>
      {rows.flatMap((row) =>
        row.indicators.map((i) => {
          const f = (part: 'basis' | 'toleranceUnit' | 'toleranceSize') => overrideField(row.code, i.key, part);
          return (
            <fieldset>
              <legend>{t('eval.overrideOf', { item: `${row.code} ${row.title}`, indicator: i.name })}</legend>
              <SelectField
                path={f('basis')}
                name={f('basis')}
                label={t('eval.overrideBasis')}
                value={v[f('basis')] ?? ''}
                error={errors[f('basis')]}
                options={[
                  { value: '', label: t('eval.overrideDefault') },
                  ...ProgressBasis.options.map((b) => ({ value: b, label: t(`basis.${b}` as StaffMessageKey) })),
                ]}
              />
              <SelectField
                path={f('toleranceUnit')}
                name={f('toleranceUnit')}
                label={t('eval.toleranceUnit')}
                value={v[f('toleranceUnit')] ?? 'points'}
                options={[
                  { value: 'points', label: t('eval.toleranceUnit.points') },
                  { value: 'percent', label: t('eval.toleranceUnit.percent') },
                ]}
              />
              <TextField
                path={f('toleranceSize')}
                name={f('toleranceSize')}
                label={t('eval.overrideTolerance')}
                value={v[f('toleranceSize')] ?? ''}
                error={errors[f('toleranceSize')]}
                inputmode="decimal"
              />
            </fieldset>
          );
        }),
      )}
    </fieldset>
  );
}
