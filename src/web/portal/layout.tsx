import type { Child } from 'hono/jsx';
import type { MessageKey } from '../i18n/index.ts';
import { assetUrl } from './asset-routes.ts';
import type { PortalContext } from './portal-context.ts';

export interface Crumb {
  label: Child;
  href?: string;
}

/** The plan a page belongs to: drives the header, the plan navigation and the edition notice. */
export interface PlanChrome {
  /** "/ogori/action-plan-2" */
  base: string;
  organizationName: Child;
  planTitle: Child;
  /** The plan title as plain text, for <title>. */
  planTitleText: string;
  editionName: string;
  /** Which plan navigation item is the current page. */
  current?: 'home' | 'list' | 'departments' | 'search' | 'downloads' | 'editions';
}

const NAV: { key: NonNullable<PlanChrome['current']>; path: string; label: MessageKey }[] = [
  { key: 'home', path: '/', label: 'nav.home' },
  { key: 'list', path: '/list', label: 'nav.list' },
  { key: 'departments', path: '/departments/', label: 'nav.departments' },
  { key: 'search', path: '/search', label: 'nav.search' },
  { key: 'downloads', path: '/downloads', label: 'nav.downloads' },
  { key: 'editions', path: '/editions', label: 'nav.editions' },
];

/** The one layout of the public portal: skip link, header with language switch, navigation, footer. */
export function PortalLayout(props: {
  pc: PortalContext;
  title: string;
  plan?: PlanChrome | undefined;
  crumbs?: Crumb[] | undefined;
  children?: Child;
}) {
  const { pc, plan, crumbs } = props;
  const t = pc.t;
  const other = pc.lang === 'ja' ? 'en' : 'ja';
  const fullTitle = plan ? `${props.title} | ${plan.planTitleText}` : `${props.title} | ${t('site.title')}`;
  return (
    <html lang={pc.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <link rel="stylesheet" href={assetUrl('tokens.css')} />
        <link rel="stylesheet" href={assetUrl('fonts.css')} />
        <link rel="stylesheet" href={assetUrl('portal.css')} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="alternate" hreflang={other} href={pc.switchHref} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('site.skipLink')}
        </a>
        <header class="site-header">
          <div class="site-header__bar">
            <p class="site-header__brand">
              {plan ? (
                <a href={pc.href(`${plan.base}/`)}>
                  <span class="site-header__org">{plan.organizationName}</span>
                  <span class="site-header__plan">{plan.planTitle}</span>
                </a>
              ) : (
                <a href={pc.href('/')}>{t('site.title')}</a>
              )}
            </p>
            <a class="lang-switch" href={pc.switchHref} lang={other} hreflang={other}>
              {t('site.langSwitch')}
            </a>
          </div>
          {plan && (
            <nav class="site-nav" aria-label={t('nav.label')}>
              <ul>
                {NAV.map((n) => (
                  <li>
                    <a
                      href={pc.href(`${plan.base}${n.path}`)}
                      aria-current={plan.current === n.key ? 'page' : undefined}
                    >
                      {t(n.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        {plan && pc.editionParam && (
          <p class="edition-notice">
            {t('edition.pinned', { name: plan.editionName })}{' '}
            <a href={`${plan.base}/${pc.lang === 'en' ? '?lang=en' : ''}`}>{t('edition.toCurrent')}</a>
          </p>
        )}
        {crumbs && crumbs.length > 0 && (
          <nav class="breadcrumbs" aria-label={t('breadcrumb.label')}>
            <ol>
              {crumbs.map((c, i) => (
                <li>
                  {c.href && i < crumbs.length - 1 ? (
                    <a href={c.href}>{c.label}</a>
                  ) : (
                    <span aria-current={i === crumbs.length - 1 ? 'page' : undefined}>{c.label}</span>
                  )}
                </li>
              ))}
            </ol>
          </nav>
        )}
        <main id="main" class="main">
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t('site.footer')}</p>
          {/* A static export has no server, hence no API to point to. */}
          {!pc.staticSite && (
            <p>
              <a href="/api/v1/openapi.json">{t('site.api')}</a>
            </p>
          )}
        </footer>
      </body>
    </html>
  );
}
