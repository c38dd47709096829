import { RoleSchema, type StaffSession, type StaffUser } from '../../../app/index.ts';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../components/form-parts.tsx';
import { StaffLayout } from '../components/staff-layout.tsx';
import type { StaffText } from '../staff-text.ts';

export interface NewUserValues {
  email: string;
  displayName: string;
  role: string;
  departmentCode: string;
  staffId: string;
}

export function UsersPage(props: {
  text: StaffText;
  session: StaffSession;
  users: StaffUser[];
  departments: { code: string; name: string }[];
  values: NewUserValues;
  errors: Record<string, string>;
  /** A one-time message with a generated password (never stored, shown once). */
  secretNotice?: string | undefined;
}) {
  const { text, session } = props;
  const t = text.t;
  const deptName = new Map(props.departments.map((d) => [d.code, text.dept(d)]));
  return (
    <StaffLayout
      text={text}
      session={session}
      title={t('users.title')}
      notice={props.secretNotice}
      back="/staff/admin/users"
    >
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('common.departments')}</th>
              <th scope="col">{t('common.state')}</th>
              <th scope="col">{t('users.lastLogin')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((u) => (
              <tr>
                <td>{u.email}</td>
                <td>{u.displayName}</td>
                <td>{text.role(u.role)}</td>
                <td>{u.departmentCode ? (deptName.get(u.departmentCode) ?? u.departmentCode) : '-'}</td>
                <td>{u.disabled ? t('users.disabled') : t('users.active')}</td>
                <td>{u.lastLoginAt ? text.dateTime(u.lastLoginAt) : '-'}</td>
                <td>
                  {u.id !== session.user.id && (
                    <form
                      method="post"
                      action={`/staff/admin/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`}
                      class="inline-form"
                    >
                      <CsrfField token={session.csrfToken} />
                      <button
                        type="submit"
                        class="link-button"
                        aria-label={`${u.disabled ? t('users.enable') : t('users.disable')}: ${u.email}`}
                      >
                        {u.disabled ? t('users.enable') : t('users.disable')}
                      </button>
                    </form>
                  )}{' '}
                  <form method="post" action={`/staff/admin/users/${u.id}/reset-password`} class="inline-form">
                    <CsrfField token={session.csrfToken} />
                    <button type="submit" class="link-button" aria-label={`${t('users.reset')}: ${u.email}`}>
                      {t('users.reset')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('users.add')}</h2>
      <ErrorSummary title={t('form.errorSummary')} errors={props.errors} />
      <form method="post" action="/staff/admin/users" novalidate>
        <CsrfField token={session.csrfToken} />
        <TextField
          path="email"
          name="email"
          type="email"
          label={t('users.email')}
          value={props.values.email}
          error={props.errors.email}
          autocomplete="off"
        />
        <TextField
          path="displayName"
          name="displayName"
          label={t('users.name')}
          value={props.values.displayName}
          error={props.errors.displayName}
        />
        <SelectField
          path="role"
          name="role"
          label={t('users.role')}
          value={props.values.role}
          options={RoleSchema.options.map((r) => ({ value: r, label: text.role(r) }))}
          error={props.errors.role}
        />
        <SelectField
          path="departmentCode"
          name="departmentCode"
          label={t('users.department')}
          value={props.values.departmentCode}
          options={[
            { value: '', label: t('users.noDepartment') },
            ...props.departments.map((d) => ({ value: d.code, label: text.dept(d) })),
          ]}
          error={props.errors.departmentCode}
        />
        <TextField
          path="staffId"
          name="staffId"
          label={t('users.staffId')}
          value={props.values.staffId}
          error={props.errors.staffId}
        />
        <div class="actions">
          <button type="submit">{t('users.add')}</button>
        </div>
      </form>
    </StaffLayout>
  );
}
