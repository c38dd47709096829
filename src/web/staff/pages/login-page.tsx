import { CsrfField, ErrorSummary, SelectField, TextField } from '../components/form-parts.tsx';
import { StaffLayout } from '../components/staff-layout.tsx';
import type { StaffText } from '../staff-text.ts';

export function LoginPage(props: {
  text: StaffText;
  csrf: string;
  identifier: string;
  next: string;
  /** Organizations to choose from (shown when the installation serves more than one), and the one chosen. */
  organizations?: { slug: string; name: string }[] | undefined;
  organization?: string | undefined;
  error?: string | undefined;
  notice?: string | undefined;
  /** What is missing, by field (an empty identifier or password). */
  errors?: Record<string, string> | undefined;
}) {
  const errors = props.errors ?? {};
  const { text } = props;
  const t = text.t;
  return (
    <StaffLayout text={text} session={null} title={t('login.title')} notice={props.notice} back="/staff/login">
      {props.error && (
        <div class="error-summary" role="alert">
          <p>{props.error}</p>
        </div>
      )}
      <ErrorSummary title={t('form.errorSummary')} errors={errors} />
      <form method="post" action="/staff/login" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <TextField
          path="identifier"
          name="identifier"
          label={t('login.identifier')}
          value={props.identifier}
          autocomplete="username"
          required
          error={errors.identifier}
        />
        {props.organizations && props.organizations.length > 1 && (
          <SelectField
            path="organization"
            name="organization"
            label={t('login.organization')}
            hint={t('login.organizationHint')}
            value={props.organization ?? ''}
            options={[
              { value: '', label: t('login.organizationAny') },
              ...props.organizations.map((o) => ({ value: o.slug, label: o.name })),
            ]}
          />
        )}
        <TextField
          path="password"
          name="password"
          type="password"
          label={t('login.password')}
          value=""
          autocomplete="current-password"
          required
          error={errors.password}
        />
        <div class="actions">
          <button type="submit">{t('login.submit')}</button>
        </div>
      </form>
    </StaffLayout>
  );
}
