/**
 * Japanese phrase boundaries (文節) from BudouX's bundled model, so headings and 課 names wrap between phrases
 * (「速やかな / 実施」, never 「速や / かな実施」). BudouX pulls in an HTML library we do not use, so it is loaded
 * on first need rather than at start-up; `loadPhrases()` must have resolved before `phrases()` segments.
 */

/** Splits text into phrases; joined they give the text back unchanged. */
export type Segmenter = (text: string) => string[];

let segmenter: Segmenter | undefined;
let loading: Promise<Segmenter> | undefined;

/** Loads the Japanese model once; later calls return the same segmenter. */
export function loadPhrases(): Promise<Segmenter> {
  loading ??= import('budoux').then(({ Parser, jaModel }) => {
    const parser = new Parser(jaModel);
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
