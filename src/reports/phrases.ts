import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Parser as BudouxParser, jaModel } from 'budoux';

/**
 * Japanese phrase boundaries (文節) from BudouX's bundled model, so headings and 課 names wrap between phrases
 * (「速やかな / 実施」, never 「速や / かな実施」). Loaded on first need rather than at start-up;
 * `loadPhrases()` must have resolved before `phrases()` segments.
 */

/** Splits text into phrases; joined they give the text back unchanged. */
export type Segmenter = (text: string) => string[];

let segmenter: Segmenter | undefined;
let loading: Promise<Segmenter> | undefined;

/**
 * BudouX's parser and its Japanese model, without its entry module: that one also loads an HTML processor (a
 * DOM library and a CSS parser, about 1 MB of code we never run) and the Chinese and Thai models, which a
 * serving process would hold for its whole life (heap snapshot after 400 public page views). The package
 * exports only its entry, so the two files are found beside the entry `require` resolves (dist/ and module/
 * hold the same code as CommonJS and ESM).
 */
async function loadJapaneseParser(): Promise<BudouxParser> {
  const entry = pathToFileURL(createRequire(import.meta.url).resolve('budoux'));
  const [{ Parser }, { model }] = await Promise.all([
    import(new URL('../module/parser.js', entry).href) as Promise<{ Parser: typeof BudouxParser }>,
    import(new URL('../module/data/models/ja.js', entry).href) as Promise<{ model: typeof jaModel }>,
  ]);
  return new Parser(model);
}

/** Loads the Japanese model once; later calls return the same segmenter. */
export function loadPhrases(): Promise<Segmenter> {
  loading ??= loadJapaneseParser().then((parser) => {
    const cache = new Map<string, string[]>();
    segmenter = (text) => {
      let parts = cache.get(text);
      if (!parts) {
        parts = text ? parser.parse(text) : [];
        // Headings and 課 names repeat across sheets, contents and the 一覧; the cache stays small.
        if (cache.size < 10_000) cache.set(text, parts);
      }
      return parts;
    };
    return segmenter;
  });
  return loading;
}

/**
 * The phrases of `text` once `loadPhrases()` has resolved; before that the whole text as one phrase, which
 * readers still wrap by CSS (`word-break: auto-phrase`).
 * @example phrases('業務変革の推進') // ["業務変革の", "推進"]
 */
export function phrases(text: string): string[] {
  return segmenter ? segmenter(text) : [text];
}
