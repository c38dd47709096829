import type { SheetFieldFormInput, StaffSession } from '../../../app/index.ts';
import { FIELD_SHAPE_KINDS, type PlanDocument, type SheetFieldDef } from '../../../domain/index.ts';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../components/form-parts.tsx';
import { StaffLayout } from '../components/staff-layout.tsx';
import { planPath } from '../staff-paths.ts';
import type { StaffText } from '../staff-text.ts';

/** The form values of one field, as typed (a refused save shows them again). */
export type SheetFieldValues = Required<{ [K in keyof SheetFieldFormInput]: string }>;

/** Which form a refused save came from: a field's key, or "new" for the add form. */
export interface RefusedForm {
  target: string;
  values: SheetFieldValues;
  errors: Record<string, string>;
}

/** One field's form (the add form when `def` is undefined); inputs are prefixed so ids stay unique on the page. */
function FieldForm(props: {
  text: StaffText;
  action: string;
  version: number;
  csrf: string;
  prefix: string;
  values: SheetFieldValues;
  errors: Record<string, string>;
  editing: boolean;
}) {
  const { text, values, errors, prefix } = props;
  const t = text.t;
  const field = (name: Exclude<keyof SheetFieldValues, 'enteredBy' | 'kind' | 'options'>) => (
    <TextField
      path={`${prefix}.${name}`}
      name={name}
      label={t(`fields.${name}`)}
      value={values[name]}
      error={errors[name]}
    />
  );
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="version" value={String(props.version)} />
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="target" value={props.editing ? 'edit' : 'new'} />
      {props.editing ? <input type="hidden" name="key" value={values.key} /> : field('key')}
      {field('labelJa')}
      {field('labelEn')}
      <SelectField
        path={`${prefix}.enteredBy`}
        name="enteredBy"
        label={t('fields.enteredBy')}
        value={values.enteredBy}
        options={(['department', 'plan-office'] as const).map((v) => ({ value: v, label: t(`fields.enteredBy.${v}`) }))}
      />
      <SelectField
        path={`${prefix}.kind`}
        name="kind"
        label={t('fields.kind')}
        value={values.kind}
        error={errors.kind}
        options={FIELD_SHAPE_KINDS.map((k) => ({ value: k, label: t(`fields.kind.${k}`) }))}
      />
      {field('unit')}
      {field('decimals')}
      {field('min')}
      {field('max')}
      {field('maxLength')}
      <TextArea
        path={`${prefix}.options`}
        name="options"
        label={t('fields.options')}
        value={values.options}
        error={errors.options}
        rows={4}
      />
      {errors.form && <p class="field__error">{errors.form}</p>}
      <button type="submit">{t('fields.save')}</button>
    </form>
  );
}

const EMPTY: SheetFieldValues = {
  key: '',
  labelJa: '',
  labelEn: '',
  enteredBy: 'department',
  kind: 'text',
  unit: '',
  decimals: '',
  min: '',
  max: '',
  maxLength: '',
  options: '',
};

/**
 * The plan's own sheet fields (plan office): the list in the order every surface shows them, with moving and
 * removing, a form to edit each, and one to add a field.
 */
export function SheetFieldsPage(props: {
  text: StaffText;
  session: StaffSession;
  planSlug: string;
  plan: Pick<PlanDocument, 'title' | 'sheetFields'>;
  version: number;
  formOf: (def: SheetFieldDef) => SheetFieldValues;
  usedBy: (key: string) => number;
  refused?: RefusedForm | undefined;
  notice?: string | undefined;
}) {
  const { text, session, refused } = props;
  const t = text.t;
  const action = `${planPath(props.planSlug)}/fields`;
  const defs = props.plan.sheetFields ?? [];
  const csrf = session.csrfToken;
  const small = (intent: string, key: string, label: string) => (
    <form method="post" action={action} class="inline-form" novalidate>
      <CsrfField token={csrf} />
      <input type="hidden" name="version" value={String(props.version)} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="key" value={key} />
      <button type="submit" class="secondary">
        {label}
      </button>
    </form>
  );
  // The summary links each message to its input in the form it came from (ids carry the form's prefix).
  const prefixOf = (target: string) => (target === 'new' ? 'new' : `f${defs.findIndex((d) => d.key === target)}`);
  const summaryErrors = Object.fromEntries(
    Object.entries(refused?.errors ?? {}).map(([k, v]) => [k === 'form' ? k : `${prefixOf(refused!.target)}.${k}`, v]),
  );
  const formFor = (target: string, values: SheetFieldValues, editing: boolean, prefix: string) => (
    <FieldForm
      text={text}
      action={action}
      version={props.version}
      csrf={csrf}
      prefix={prefix}
      values={refused?.target === target ? refused.values : values}
      errors={refused?.target === target ? refused.errors : {}}
      editing={editing}
    />
  );
  return (
    <StaffLayout
      text={text}
      session={session}
      title={t('fields.title')}
      notice={props.notice}
      back={`${planPath(props.planSlug)}/edit`}
      crumbs={[
        { label: t('app.home'), href: '/staff/' },
        { label: props.plan.title, href: `${planPath(props.planSlug)}/edit` },
        { label: t('fields.title') },
      ]}
    >
      <ErrorSummary title={t('form.errorSummary')} errors={summaryErrors} />
      <p>{t('fields.lead')}</p>
      <h2>{t('fields.list')}</h2>
      {defs.length === 0 ? (
        <p>{t('fields.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.shape')}</th>
                <th scope="col">{t('fields.enteredBy')}</th>
                <th scope="col">{t('fields.used')}</th>
                <th scope="col">{t('fields.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {defs.map((d, i) => {
                const name = text.lang === 'en' ? (d.label.en ?? d.label.ja) : d.label.ja;
                return (
                  <tr>
                    <th scope="row">{name}</th>
                    <td>{t(`fields.kind.${d.shape.kind}`)}</td>
                    <td>{t(`fields.enteredBy.${d.enteredBy}`)}</td>
                    <td>{String(props.usedBy(d.key))}</td>
                    <td>
                      {i > 0 && small('up', d.key, t('fields.up', { name }))}
                      {i < defs.length - 1 && small('down', d.key, t('fields.down', { name }))}
                      {small('remove', d.key, t('fields.remove', { name }))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p class="field__hint">{t('fields.removeHint')}</p>
      {defs.map((d, i) => {
        const name = text.lang === 'en' ? (d.label.en ?? d.label.ja) : d.label.ja;
        return (
          <section aria-labelledby={`field-edit-${i}`}>
            <h2 id={`field-edit-${i}`}>{t('fields.edit', { name })}</h2>
            {formFor(d.key, props.formOf(d), true, `f${i}`)}
          </section>
        );
      })}
      <section aria-labelledby="field-add">
        <h2 id="field-add">{t('fields.add')}</h2>
        {formFor('new', EMPTY, false, 'new')}
      </section>
    </StaffLayout>
  );
}
