/** Where a schema check reports an issue (zod's refinement context, or anything with the same method). */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string; params?: { ja: string } }): void;
}

/**
 * Reports each item whose key an earlier item already has, at `[...path, i, 'key']`, naming what the key is of.
 * @example checkDistinctKeys(scale.levels, ['levels'], { ja: '段階', en: 'level' }, ctx)
 * // duplicate level key "A" / 段階のキー「A」が重複しています
 */
export function checkDistinctKeys(
  items: readonly { key: string }[],
  path: (string | number)[],
  noun: { ja: string; en: string },
  ctx: IssueSink,
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.key)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'key'],
        message: `duplicate ${noun.en} key "${item.key}"`,
        params: { ja: `${noun.ja}のキー「${item.key}」が重複しています` },
      });
    }
    seen.add(item.key);
  });
}
