import type { Lang } from '../i18n/index.ts';

/** Text that only the static export's pages show (the portal's catalogue holds everything they share). */
const ja = {
  'search.noScript': 'このサイトの検索はJavaScriptで動きます。JavaScriptを使えないときは、取組の一覧から探せます。',
  'search.failed':
    '検索用のデータを読み込めませんでした（パソコン内のファイルとして開いたときなど）。取組の一覧から探せます。',
  'search.toList': '取組の一覧へ',
} as const;

export type StaticMessageKey = keyof typeof ja;

const en: Record<StaticMessageKey, string> = {
  'search.noScript':
    'Search on this site runs with JavaScript. Without JavaScript, you can find initiatives in the list of all initiatives.',
  'search.failed':
    'The search data could not be loaded (for example when the site is opened as files on a computer). You can find initiatives in the list of all initiatives.',
  'search.toList': 'Go to the list of all initiatives',
};

const catalogues: Record<Lang, Record<StaticMessageKey, string>> = { ja, en };

export function staticText(lang: Lang, key: StaticMessageKey): string {
  return catalogues[lang][key];
}
