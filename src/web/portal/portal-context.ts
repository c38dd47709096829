import type { PlanYears } from '../../domain/index.ts';
import { type Lang, type Translate, translator } from '../i18n/index.ts';

export type QueryValues = Record<string, string | number | undefined | null>;

/** What every portal page needs to speak the right language and keep the reader's choices in its links. */
export interface PortalContext {
  lang: Lang;
  t: Translate;
  /** The edition asked for with ?edition=, kept in every link; undefined = the current edition. */
  editionParam: string | undefined;
  /** A portal URL that keeps ?edition= and ?lang=en. */
  href(path: string, query?: QueryValues): string;
  /** This page in the other language. */
  switchHref: string;
  /** Picks the English text when the page is English and one was entered, else the plan's own (Japanese) text. */
  text(ja: string, en?: string | null): { value: string; lang: Lang };
  /**
   * Rendering for the static export (`shinchoku export-site`): no server behind the page, so it shows no
   * query forms or API links that only a running server can answer.
   */
  staticSite: boolean;
  /** How the plan of the page names its years (calendar-year plans, English plans); absent outside a plan. */
  years?: PlanYears;
  /** The IANA zone the organization's dates are printed in (a publication day); Asia/Tokyo when absent. */
  timeZone?: string;
}

function queryString(pairs: [string, string][]): string {
  if (pairs.length === 0) return '';
  return `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

/** Encodes one path segment (node codes such as 「継1」 travel percent-encoded). */
export function segment(s: string): string {
  return encodeURIComponent(s);
}

/**
 * Builds the context of one request. `pageQuery` holds the page's own validated parameters (sort, q …) so the
 * language switch keeps them.
 */
export function createPortalContext(props: {
  lang: Lang;
  editionParam: string | undefined;
  path: string;
  pageQuery?: QueryValues;
  staticSite?: boolean;
  /** The plan's language when known: its texts are in it, and it is the page language without ?lang=. */
  plan?: PlanYears;
  /** The language a page without ?lang= is in, where it is not one plan's (an English-only organization's page). */
  primary?: Lang;
  timeZone?: string;
}): PortalContext {
  const { lang, editionParam } = props;
  const primary: Lang = props.primary ?? props.plan?.language ?? 'ja';
  const keep = (l: Lang): [string, string][] => {
    const out: [string, string][] = [];
    if (editionParam) out.push(['edition', editionParam]);
    if (l !== primary) out.push(['lang', l]);
    return out;
  };
  const pairsOf = (query: QueryValues = {}): [string, string][] =>
    Object.entries(query)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== '')
      .map(([k, v]) => [k, String(v)]);
  return {
    lang,
    t: translator(lang, { calendarYears: props.plan?.fiscalYearStartMonth === 1 }),
    editionParam,
    href: (path, query) => `${path}${queryString([...pairsOf(query), ...keep(lang)])}`,
    switchHref: `${props.path}${queryString([...pairsOf(props.pageQuery), ...keep(lang === 'ja' ? 'en' : 'ja')])}`,
    // The primary text is in the plan's language, which is what its lang attribute must say.
    text: (ja, en) => (lang === 'en' && en ? { value: en, lang: 'en' } : { value: ja, lang: primary }),
    staticSite: props.staticSite === true,
    ...(props.plan && { years: props.plan }),
    ...(props.timeZone && { timeZone: props.timeZone }),
  };
}
