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
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translate function bound to one language. */
export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}
