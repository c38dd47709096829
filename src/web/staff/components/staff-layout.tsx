import type { Child } from 'hono/jsx';
import type { StaffSession } from '../../../app/index.ts';
import { assetUrl } from '../../portal/asset-routes.ts';
import { staffAssetUrl } from '../staff-assets.ts';
import type { StaffText } from '../staff-text.ts';
import { CsrfField } from './form-parts.tsx';

export interface Crumb {
  label: string;
  href?: string;
}

/** The one layout of the staff workspace: skip link, header with the user, menu, breadcrumbs, main. */
export function StaffLayout(props: {
  text: StaffText;
  session: StaffSession | null;
  title: string;
  crumbs?: Crumb[] | undefined;
  /** A confirmation shown at the top (after a redirect), announced politely. */
  notice?: string | undefined;
  back?: string | undefined;
  children?: Child;
}) {
  const { text, session } = props;
  const t = text.t;
  const other = text.lang === 'ja' ? 'en' : 'ja';
  return (
    <html lang={text.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} | ${t('app.name')}`}</title>
        <link rel="stylesheet" href={assetUrl('tokens.css')} />
        <link rel="stylesheet" href={assetUrl('fonts.css')} />
        <link rel="stylesheet" href={staffAssetUrl()} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('app.skip')}
        </a>
        <header class="staff-header">
          <p class="staff-header__brand">
            <a href="/staff/">{t('app.name')}</a>
          </p>
          {session && (
            <p class="staff-header__user">
              {t('app.signedInAs', { name: session.user.displayName, role: text.role(session.user.role) })}
            </p>
          )}
          <nav class="staff-nav" aria-label={t('app.nav')}>
            <ul>
              {session && (
                <li>
                  <a href="/staff/">{t('app.home')}</a>
                </li>
              )}
              {session?.user.role === 'admin' && (
                <li>
                  <a href="/staff/admin/users">{t('app.users')}</a>
                </li>
              )}
              {session?.user.role === 'admin' && (
                <li>
                  <a href="/staff/admin/departments">{t('app.departments')}</a>
                </li>
              )}
              {session && (
                <li>
                  <a href="/staff/account/password">{t('app.password')}</a>
                </li>
              )}
              <li>
                <a
                  href={`/staff/lang/${other}?back=${encodeURIComponent(props.back ?? '/staff/')}`}
                  lang={other}
                  aria-label={t('app.langLabel')}
                >
                  {t('app.lang')}
                </a>
              </li>
              {session && (
                <li>
                  <form method="post" action="/staff/logout" class="inline-form">
                    <CsrfField token={session.csrfToken} />
                    <button type="submit" class="link-button">
                      {t('app.logout')}
                    </button>
                  </form>
                </li>
              )}
            </ul>
          </nav>
        </header>
        {props.crumbs && props.crumbs.length > 0 && (
          <nav class="breadcrumbs" aria-label={t('app.breadcrumbs')}>
            <ol>
              {props.crumbs.map((c) => (
                <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
              ))}
            </ol>
          </nav>
        )}
        <main id="main" class="staff-main">
          <h1>{props.title}</h1>
          {props.notice && (
            <div class="notice" role="status">
              <p>{props.notice}</p>
            </div>
          )}
          {props.children}
        </main>
      </body>
    </html>
  );
}
