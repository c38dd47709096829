import { en } from './en.ts';
import { ja, type MessageKey } from './ja.ts';

export type Lang = 'ja' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogues: Record<Lang, Record<MessageKey, string>> = { ja, en };

/**
 * Looks up a UI message and fills `{name}` parameters. Numbers are inserted as given, so format them first.
 * @example translate('en', 'common.count', { n: 3 }) // "3"
 */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillParams(catalogues[lang][key], params);
}

/**
 * A plan whose year is the calendar year (start month 1) names it "year", not "fiscal year": the catalogue's
 * wording is changed before the parameters go in, so a title or a figure is never rewritten.
 */
const CALENDAR_WORDING: Record<Lang, [RegExp, string][]> = {
  ja: [[/年度/g, '年']],
  en: [
    [/\bfiscal year\b/g, 'year'],
    [/\bFiscal year\b/g, 'Year'],
  ],
};

/** A translate function bound to one language, and to the way the plan names its years when `calendarYears`. */
export function translator(lang: Lang, options: { calendarYears?: boolean } = {}): Translate {
  if (!options.calendarYears) return (key, params) => translate(lang, key, params);
  const catalogue = calendarCatalogue(lang);
  return (key, params = {}) => fillParams(catalogue[key], params);
}

// Reworded once per language, not on every message a page asks for.
const calendarCatalogues = new Map<Lang, Record<MessageKey, string>>();

function calendarCatalogue(lang: Lang): Record<MessageKey, string> {
  let catalogue = calendarCatalogues.get(lang);
  if (!catalogue) {
    const reword = (text: string) => CALENDAR_WORDING[lang].reduce((t, [from, to]) => t.replace(from, to), text);
    catalogue = Object.fromEntries(
      Object.entries(catalogues[lang]).map(([key, text]) => [key, reword(text)]),
    ) as Record<MessageKey, string>;
    calendarCatalogues.set(lang, catalogue);
  }
  return catalogue;
}

function fillParams(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
