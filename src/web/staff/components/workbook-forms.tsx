import type { StaffText } from '../staff-text.ts';
import { CsrfField, SelectField } from './form-parts.tsx';

/** Download of a 課's 照会 workbook and upload of the filled-in file (works without scripts). */
export function WorkbookForms(props: {
  text: StaffText;
  action: string;
  csrf: string;
  /** The user's own 課, or every 課 for the plan office. */
  departments: { code: string; name: string }[];
  error?: string | undefined;
}) {
  const { text } = props;
  const t = text.t;
  const [only] = props.departments;
  return (
    <section aria-labelledby="workbook-title">
      <h2 id="workbook-title">{t('workbook.title')}</h2>
      <p>{t('workbook.lead')}</p>
      {props.departments.length === 1 && only ? (
        <p>
          <a href={`${props.action}?department=${encodeURIComponent(only.code)}`}>
            {t('workbook.download', { department: only.name })}
          </a>
        </p>
      ) : (
        <form method="get" action={props.action}>
          <SelectField
            path="workbook-department"
            name="department"
            label={t('workbook.department')}
            value=""
            options={props.departments.map((d) => ({ value: d.code, label: d.name }))}
          />
          <button type="submit" class="secondary">
            {t('workbook.downloadButton')}
          </button>
        </form>
      )}
      <form method="post" action={props.action} enctype="multipart/form-data">
        <CsrfField token={props.csrf} />
        <div class={props.error ? 'field field--error' : 'field'}>
          <label for="f-workbook">{t('workbook.file')}</label>
          {props.error && (
            <p class="field__error" id="f-workbook-error">
              {props.error}
            </p>
          )}
          <input
            id="f-workbook"
            name="file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={props.error ? 'f-workbook-error' : undefined}
          />
        </div>
        <div class="field field--check">
          <input
            id="f-workbook-submit"
            name="submit"
            type="checkbox"
            value="1"
            aria-describedby="f-workbook-submit-hint"
          />
          <label for="f-workbook-submit">{t('workbook.submitToo')}</label>
          <p class="field__hint" id="f-workbook-submit-hint">
            {t('workbook.submitTooHint')}
          </p>
        </div>
        <button type="submit">{t('workbook.upload')}</button>
      </form>
    </section>
  );
}
