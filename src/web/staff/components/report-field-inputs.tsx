import { fieldInputName, type ReportValues, type ReportView } from '../../../app/index.ts';
import { choiceLabel, fieldTitle } from '../../../domain/index.ts';
import type { StaffText } from '../staff-text.ts';
import { SelectField, TextArea, TextField } from './form-parts.tsx';

/**
 * The inputs of the plan's own fields the 課 enters (after the comment, as the browser sends them): a text area
 * for text and lines, a list for a choice, one input a year for an amount per year. Posted as `field.<name>`.
 */
export function ReportFieldInputs(props: {
  text: StaffText;
  view: ReportView;
  values: ReportValues;
  errors: Record<string, string>;
}) {
  const { view, values, errors } = props;
  const lang = props.text.lang;
  return (
    <>
      {view.entryFields.flatMap((f) => {
        const input = (fy?: number) => {
          const name = fieldInputName(f, fy);
          const common = {
            path: `fields.${name}`,
            name: `field.${name}`,
            label: fieldTitle(f, lang, fy),
            value: values.fields[name] ?? '',
            error: errors[`fields.${name}`],
          };
          if (f.shape.kind === 'text' || f.shape.kind === 'lines') return <TextArea {...common} rows={3} />;
          if (f.shape.kind === 'choice') {
            const shape = f.shape;
            const options = shape.options.map((o) => ({ value: o.key, label: choiceLabel(shape, o.key, lang) }));
            return <SelectField {...common} options={[{ value: '', label: '—' }, ...options]} />;
          }
          const numeric = f.shape.kind === 'number' || f.shape.kind === 'money-per-year';
          return (
            <TextField
              {...common}
              type={f.shape.kind === 'date' ? 'date' : f.shape.kind === 'link' ? 'url' : 'text'}
              inputmode={numeric ? 'decimal' : undefined}
            />
          );
        };
        return f.shape.kind === 'money-per-year' ? view.planYears.map((fy) => input(fy)) : [input()];
      })}
    </>
  );
}
