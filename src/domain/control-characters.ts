/**
 * Where a text holds a C0 control character other than tab and line breaks, or DEL; -1 when it holds none.
 * No text of a plan holds one and none can be shown: NUL is refused by PostgreSQL, ESC would reach a terminal
 * or a page raw. Every channel refuses such text with this one test (forms, workbooks, bundles).
 *
 * @example controlCharacterAt('a\u001bb') // 1
 */
export function controlCharacterAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return i;
  }
  return -1;
}

/**
 * What to tell whoever gave a text with a control character at `at`, in Japanese and English, naming the
 * character as it can be looked up ("U+001B").
 */
export function controlCharacterMessage(s: string, at: number): { ja: string; en: string } {
  const name = `U+${s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    ja: `制御文字（${name}）が含まれています。取り除いてください`,
    en: `contains a control character (${name}); please remove it`,
  };
}
