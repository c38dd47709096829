import { type Context, Hono } from 'hono';
import {
  type AppContext,
  changeOwnPassword,
  isAppError,
  issueLoginFormToken,
  LOGIN_FORM_TOKEN_SECONDS,
  listOrganizations,
  login,
  loginFormTokenAge,
  logout,
  setOwnLanguage,
} from '../../../app/index.ts';
import { LanguageForm, LoginForm, PasswordForm } from '../forms/account-forms.ts';
import { readForm } from '../forms/form-body.ts';
import { LoginPage } from '../pages/login-page.tsx';
import { PasswordPage } from '../pages/password-page.tsx';
import { formRefusal, refuseCutBody } from '../route-helpers.ts';
import { redirectWithNotice, safeLocalPath, sendPage } from '../send-page.ts';
import {
  clearCookie,
  LANG_COOKIE,
  LOGIN_CSRF_COOKIE,
  readCookie,
  SESSION_COOKIE,
  writeCookie,
} from '../staff-cookies.ts';
import type { StaffEnv } from '../staff-env.ts';
import {
  badForm,
  fromOtherSite,
  otherSiteRefused,
  parseForm,
  requireSession,
  sameToken,
  verifyCsrf,
} from '../staff-middleware.ts';
import type { StaffOptions } from '../staff-options.ts';

const LOGIN_NOTICES = {
  'logged-out': 'login.loggedOut',
  expired: 'login.expired',
  'expired-kept': 'login.expiredKept',
} as const;

/** Login (with a pre-session CSRF cookie), logout, password change and the language switch. */
export function authRoutes(ctx: AppContext, options: StaffOptions) {
  const app = new Hono<StaffEnv>();

  // The form's token, signed by the server: the cookie's while it has half its time left, else a new one.
  const loginToken = async (c: Context<StaffEnv>) => {
    const current = readCookie(c, LOGIN_CSRF_COOKIE, c.get('secure'));
    const age = await loginFormTokenAge(ctx, current);
    if (current && age !== undefined && age < LOGIN_FORM_TOKEN_SECONDS / 2) return current;
    const token = await issueLoginFormToken(ctx);
    writeCookie(c, LOGIN_CSRF_COOKIE, token, c.get('secure'), LOGIN_FORM_TOKEN_SECONDS);
    return token;
  };

  // The choice of organization a staff ID may need (shown only when there is more than one).
  const organizations = async (c: Context<StaffEnv>) =>
    (await listOrganizations(ctx)).map((o) => ({
      slug: o.slug,
      name: c.get('text').lang === 'en' && o.nameEn ? o.nameEn : o.name,
    }));

  app.get('/login', async (c) => {
    if (c.get('session')) return c.redirect('/staff/', 303);
    const asked = c.req.query('notice') ?? '';
    const noticeKey = Object.hasOwn(LOGIN_NOTICES, asked)
      ? LOGIN_NOTICES[asked as keyof typeof LOGIN_NOTICES]
      : undefined;
    return sendPage(
      c,
      <LoginPage
        text={c.get('text')}
        csrf={await loginToken(c)}
        identifier=""
        organizations={await organizations(c)}
        next={safeLocalPath(c.req.query('next'))}
        notice={noticeKey && c.get('text').t(noticeKey)}
      />,
    );
  });

  app.post('/login', async (c) => {
    // A login sent from another site would sign the browser into an account of the sender's choosing.
    if (fromOtherSite(c)) return otherSiteRefused(c);
    const form = await parseForm(c);
    if (!form) throw badForm();
    const text = c.get('text');
    const cookieToken = readCookie(c, LOGIN_CSRF_COOKIE, c.get('secure'));
    const body = readForm(form, LoginForm);
    const { identifier, organization } = body;
    const next = safeLocalPath(body.next);
    const page = async (status: number, shown: { error?: string; errors?: Record<string, string> }) =>
      sendPage(
        c,
        <LoginPage
          text={text}
          csrf={await loginToken(c)}
          identifier={identifier}
          organizations={await organizations(c)}
          organization={organization}
          next={next}
          {...shown}
        />,
        status,
      );
    const again = (error: string, status: number) => page(status, { error });
    const signed = (await loginFormTokenAge(ctx, cookieToken)) !== undefined;
    if (!signed || !sameToken(body._csrf, cookieToken ?? '')) return again(text.t('error.csrf'), 403);
    // An empty field is a typing slip, not a failed login: say which one is missing (nothing about accounts).
    const missing: Record<string, string> = {};
    if (!identifier.trim()) missing.identifier = text.t('login.identifierMissing');
    if (!body.password) missing.password = text.t('login.passwordMissing');
    if (Object.keys(missing).length > 0) return page(400, { errors: missing });
    try {
      const result = await login({
        ctx,
        identifier,
        password: body.password,
        organizationSlug: organization || undefined,
        ip: c.get('clientIp'),
        userAgent: c.req.header('User-Agent'),
        settings: options.auth,
      });
      // A session planted before login is dropped; the new one has a fresh id.
      await logout(ctx, readCookie(c, SESSION_COOKIE, c.get('secure')));
      writeCookie(c, SESSION_COOKIE, result.token, c.get('secure'));
      // Each sign-in starts in the language the user chose (the header's switch changes it until the next one).
      if (result.language) writeCookie(c, LANG_COOKIE, result.language, c.get('secure'), 365 * 86_400);
      clearCookie(c, LOGIN_CSRF_COOKIE, c.get('secure'));
      return c.redirect(result.mustChangePassword ? '/staff/account/password' : next, 303);
    } catch (e) {
      if (isAppError(e) && (e.code === 'unauthenticated' || e.code === 'rate-limited')) {
        return again(text.lang === 'ja' ? e.messageJa : e.messageEn, e.status);
      }
      throw e;
    }
  });

  app.get('/lang/:lang', (c) => {
    const lang = c.req.param('lang') === 'en' ? 'en' : 'ja';
    writeCookie(c, LANG_COOKIE, lang, c.get('secure'), 365 * 86_400);
    return c.redirect(safeLocalPath(c.req.query('back')), 303);
  });

  app.use(
    '/logout',
    requireSession(ctx),
    verifyCsrf((c) => c.get('session')?.csrfToken),
  );
  app.post('/logout', async (c) => {
    await logout(ctx, readCookie(c, SESSION_COOKIE, c.get('secure')));
    clearCookie(c, SESSION_COOKIE, c.get('secure'));
    return redirectWithNotice(c, '/staff/login', 'logged-out');
  });

  app.use(
    '/account/*',
    requireSession(ctx),
    verifyCsrf((c) => c.get('session')?.csrfToken),
  );
  app.get('/account/password', (c) =>
    sendPage(
      c,
      <PasswordPage
        text={c.get('text')}
        session={c.get('staff')}
        errors={{}}
        notice={
          c.req.query('notice') === 'changed'
            ? c.get('text').t('password.changed')
            : c.req.query('notice') === 'language'
              ? c.get('text').t('account.languageSaved')
              : undefined
        }
      />,
    ),
  );
  app.post('/account/language', async (c) => {
    const session = c.get('staff');
    try {
      refuseCutBody(c);
      const { language: chosen } = readForm(c.get('form'), LanguageForm);
      const language = await setOwnLanguage({ ctx, session, language: chosen });
      // Shown at once in this browser too, not only from the next sign-in.
      writeCookie(c, LANG_COOKIE, language, c.get('secure'), 365 * 86_400);
      return redirectWithNotice(c, '/staff/account/password', 'language');
    } catch (e) {
      const refused = formRefusal(c, e);
      if (!refused) throw e;
      return sendPage(
        c,
        <PasswordPage text={c.get('text')} session={session} errors={{}} languageErrors={refused.errors} />,
        refused.status,
      );
    }
  });
  app.post('/account/password', async (c) => {
    const form = c.get('form');
    const text = c.get('text');
    const session = c.get('staff');
    try {
      refuseCutBody(c);
      const body = readForm(form, PasswordForm);
      await changeOwnPassword({
        ctx,
        session,
        currentPassword: body.currentPassword,
        newPassword: body.password,
        confirmPassword: body.confirm,
      });
      return redirectWithNotice(c, session.user.mustChangePassword ? '/staff/' : '/staff/account/password', 'changed');
    } catch (e) {
      const refused = formRefusal(c, e);
      if (!refused) throw e;
      return sendPage(c, <PasswordPage text={text} session={session} errors={refused.errors} />, refused.status);
    }
  });
  return app;
}
