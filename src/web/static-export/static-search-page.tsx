import type { SearchField } from '../../app/index.ts';
import { PortalLayout } from '../portal/layout.tsx';
import { type PlanPageProps, planChrome, planCrumbs } from '../portal/plan-page-props.tsx';
import { staticText } from './static-messages.ts';

const FIELDS: SearchField[] = [
  'code',
  'title',
  'goal',
  'parent',
  'situation',
  'challenges',
  'roadmap',
  'indicators',
  'departments',
];

/**
 * The search page of the static site. No server answers ?q=, so assets/search.js reads it, loads the
 * edition's search-index.json and draws the results with the live page's markup and labels (carried in data-*
 * attributes here, in the page's language). Without JavaScript the note says so and leads to the 一覧.
 */
export function StaticSearchPage(props: PlanPageProps & { scriptHref: string }) {
  const { pc, base } = props;
  const t = pc.t;
  const fieldLabels = Object.fromEntries(FIELDS.map((f) => [`data-field-${f}`, t(`search.field.${f}`)]));
  return (
    <PortalLayout
      pc={pc}
      title={t('search.title')}
      plan={planChrome(props, 'search')}
      crumbs={planCrumbs(props, { label: t('search.title') })}
    >
      <h1>{t('search.title')}</h1>
      <form class="filters" method="get" action={pc.href(`${base}/search`)}>
        <div class="filters__wide">
          <label for="f-q">{t('search.label')}</label>
          <input id="f-q" name="q" type="search" maxlength={200} aria-describedby="f-q-hint" />
          <p class="hint" id="f-q-hint">
            {t('search.hint')}
          </p>
        </div>
        <div class="filters__actions">
          <button type="submit">{t('search.submit')}</button>
        </div>
      </form>
      <p class="note" id="static-search-note">
        <span id="static-search-why">{staticText(pc.lang, 'search.noScript')}</span>{' '}
        <a href={pc.href(`${base}/list`)}>{staticText(pc.lang, 'search.toList')}</a>
      </p>
      <div
        id="static-search"
        aria-live="polite"
        data-index-href={pc.href(`${base}/search-index.json`)}
        data-msg-results={t('search.results', { q: '{q}', n: '{n}' })}
        data-msg-none={t('search.none')}
        data-msg-matched={t('search.matchedIn', { fields: '{fields}' })}
        data-msg-failed={staticText(pc.lang, 'search.failed')}
        {...fieldLabels}
      />
      <script src={props.scriptHref} defer />
    </PortalLayout>
  );
}
