import type { StaffSession } from '../../../app/index.ts';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../components/form-parts.tsx';
import { StaffLayout } from '../components/staff-layout.tsx';
import type { StaffText } from '../staff-text.ts';

export function PasswordPage(props: {
  text: StaffText;
  session: StaffSession;
  errors: Record<string, string>;
  /** Errors of the display language form. */
  languageErrors?: Record<string, string> | undefined;
  notice?: string | undefined;
}) {
  const { text, session } = props;
  const t = text.t;
  return (
    <StaffLayout
      text={text}
      session={session}
      title={t('password.title')}
      notice={props.notice}
      back="/staff/account/password"
    >
      {session.user.mustChangePassword && (
        <div class="callout callout--warn">
          <p>{t('password.mustChange')}</p>
        </div>
      )}
      <ErrorSummary title={t('form.errorSummary')} errors={props.errors} />
      <form method="post" action="/staff/account/password" novalidate>
        <CsrfField token={session.csrfToken} />
        <TextField
          path="currentPassword"
          name="currentPassword"
          type="password"
          label={t('password.current')}
          value=""
          autocomplete="current-password"
          error={props.errors.currentPassword}
          required
        />
        <TextField
          path="password"
          name="password"
          type="password"
          label={t('password.new')}
          value=""
          autocomplete="new-password"
          error={props.errors.password}
          required
        />
        <TextField
          path="confirm"
          name="confirm"
          type="password"
          label={t('password.confirm')}
          value=""
          autocomplete="new-password"
          error={props.errors.confirm}
          required
        />
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
        </div>
      </form>
      <h2 id="language">{t('account.language')}</h2>
      <ErrorSummary title={t('form.errorSummary')} errors={props.languageErrors ?? {}} />
      <form method="post" action="/staff/account/language" novalidate>
        <CsrfField token={session.csrfToken} />
        <SelectField
          path="language"
          name="language"
          label={t('account.language')}
          hint={t('account.languageHint')}
          value={session.language ?? text.lang}
          options={[
            { value: 'ja', label: t('account.lang.ja') },
            { value: 'en', label: t('account.lang.en') },
          ]}
          error={props.languageErrors?.language}
        />
        <div class="actions">
          <button type="submit">{t('account.languageSave')}</button>
        </div>
      </form>
    </StaffLayout>
  );
}
