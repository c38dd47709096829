import type { StaffSession } from '../../../app/index.ts';
import { CsrfField, ErrorSummary, TextField } from '../components/form-parts.tsx';
import { StaffLayout } from '../components/staff-layout.tsx';
import type { StaffText } from '../staff-text.ts';

export function DepartmentsPage(props: {
  text: StaffText;
  session: StaffSession;
  departments: { code: string; name: string; nameEn?: string | undefined }[];
  values: { code: string; name: string; nameEn: string };
  errors: Record<string, string>;
  notice?: string | undefined;
}) {
  const { text, session, errors } = props;
  const t = text.t;
  return (
    <StaffLayout
      text={text}
      session={session}
      title={t('departments.title')}
      notice={props.notice}
      back="/staff/admin/departments"
    >
      <ErrorSummary title={t('form.errorSummary')} errors={errors} />
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('common.code')}</th>
              <th scope="col">{t('departments.name')}</th>
            </tr>
          </thead>
          <tbody>
            {props.departments.map((d) => (
              <tr>
                <td>{d.code}</td>
                <td>
                  <form
                    method="post"
                    action={`/staff/admin/departments/${encodeURIComponent(d.code)}`}
                    class="inline-form"
                  >
                    <CsrfField token={session.csrfToken} />
                    <label
                      for={`name-${d.code}`}
                      class="muted"
                    >{`${t('departments.name')}${text.paren(d.code)}`}</label>{' '}
                    <input id={`name-${d.code}`} name="name" type="text" value={d.name} />{' '}
                    <input type="hidden" name="nameEn" value={d.nameEn ?? ''} />
                    <button type="submit" class="link-button" aria-label={`${t('departments.rename')}: ${d.code}`}>
                      {t('departments.rename')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('departments.add')}</h2>
      <form method="post" action="/staff/admin/departments" novalidate>
        <CsrfField token={session.csrfToken} />
        <TextField
          path="code"
          name="code"
          label={t('departments.code')}
          value={props.values.code}
          error={errors.code}
        />
        <TextField
          path="name"
          name="name"
          label={t('departments.name')}
          value={props.values.name}
          error={errors.name}
        />
        <TextField path="nameEn" name="nameEn" label={t('departments.nameEn')} value={props.values.nameEn} />
        <div class="actions">
          <button type="submit">{t('departments.add')}</button>
        </div>
      </form>
    </StaffLayout>
  );
}
