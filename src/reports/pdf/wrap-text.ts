/**
 * Line breaking for Japanese text with embedded Latin words, done by us rather than pdfkit so that every line
 * is known before drawing: rows can then be measured, split across pages at a line, and never lose text.
 */

/** Characters that must not begin a line (行頭禁則). */
const NO_START = new Set([
  ...'、。，．,.・：；:;？！?!）」』】〕〉》］｝)]}ゝゞー～…‥々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ%％',
]);
/** Characters that must not end a line (行末禁則). */
const NO_END = new Set([...'（「『【〔〈《［｛([{']);

/** Splits text into unbreakable pieces: runs of Latin letters/digits stay whole, everything else per character. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9@#$&*+\-=_'"/\\.:,%~^<>|]+|\s|./gsu) ?? [];
}

/** Phrases as unbreakable pieces, with their spaces apart so a break there drops them. */
function phraseTokens(text: string, segment: (text: string) => string[]): string[] {
  return segment(text).flatMap((phrase) => phrase.match(/\s|\S+/gu) ?? []);
}

/** Breaks one overlong token (a URL, a long number) at characters. */
function splitLong(token: string, maxWidth: number, measure: (s: string) => number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const ch of token) {
    if (current && measure(current + ch) > maxWidth) {
      parts.push(current);
      current = ch;
    } else current += ch;
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * Wraps a paragraph into lines no wider than `maxWidth` (as `measure` reports), keeping Latin words whole
 * where they fit and applying basic 禁則 (a closing mark moves to the next line with its preceding character).
 * With `segment` (phrase boundaries, for headings and names) lines break only between phrases, and inside a
 * phrase only when it is wider than a line. Newlines in the text force breaks; spaces at a line break are
 * dropped. Never drops other characters.
 * @example wrapText('あいうえお', 3, (s) => s.length) // ["あいう", "えお"]
 */
export function wrapText(
  text: string,
  maxWidth: number,
  measure: (s: string) => number,
  segment?: (text: string) => string[],
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    let width = 0;
    const flush = () => {
      while (line.length > 0 && /^\s$/.test(line[line.length - 1]!)) line.pop();
      lines.push(line.join(''));
      line = [];
      width = 0;
    };
    const pieces = (segment ? phraseTokens(paragraph, segment) : tokens(paragraph)).flatMap((tok) =>
      measure(tok) <= maxWidth ? [tok] : segment ? wrapText(tok, maxWidth, measure) : splitLong(tok, maxWidth, measure),
    );
    for (const piece of pieces) {
      const w = measure(piece);
      if (line.length > 0 && width + w > maxWidth) {
        if (/^\s$/.test(piece)) {
          flush();
          continue;
        }
        // Carry the last piece over when the new one may not start a line or the last may not end one.
        const carry: string[] = [];
        const first = [...piece][0]!;
        if ((NO_START.has(first) || NO_END.has(line[line.length - 1]!.slice(-1))) && line.length > 1) {
          carry.push(line.pop()!);
        }
        flush();
        for (const c of carry) {
          line.push(c);
          width += measure(c);
        }
      }
      if (line.length === 0 && /^\s$/.test(piece)) continue;
      line.push(piece);
      width += w;
    }
    flush();
  }
  return lines;
}
