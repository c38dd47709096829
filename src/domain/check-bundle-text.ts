import { controlCharacterAt, controlCharacterMessage } from './control-characters.ts';
import { TEXT_LIMITS, tooLongMessage } from './text-limits.ts';

/** Nesting of objects and arrays a bundle may have: a plan of 6 levels inside an edition needs about 30. */
export const MAX_BUNDLE_DEPTH = 100;

export type Path = (string | number)[];

export interface TextProblem {
  path: Path;
  message: { ja: string; en: string };
  /** Nesting beyond MAX_BUNDLE_DEPTH: nothing below was looked at, and no schema may recurse into it. */
  tooDeep?: true;
}

/**
 * What every text of a parsed JSON value must satisfy before any schema reads it: nesting within
 * MAX_BUNDLE_DEPTH (a schema that recursed into 3,000 levels would overflow the stack), no control character
 * (see controlCharacterAt), and no string over TEXT_LIMITS.text; fields with a tighter limit have it in their
 * schema. Walks with its own stack, so no input is too deep for it.
 *
 * @example checkBundleText({ a: 'x\u0000' })[0]?.path // ['a']
 */
export function checkBundleText(input: unknown): TextProblem[] {
  const problems: TextProblem[] = [];
  const stack: { value: unknown; path: Path }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const at = controlCharacterAt(value);
      if (at !== -1) {
        problems.push({ path, message: controlCharacterMessage(value, at) });
      } else if (value.length > TEXT_LIMITS.text) {
        problems.push({ path, message: tooLongMessage(TEXT_LIMITS.text, value.length) });
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_BUNDLE_DEPTH) {
      return [
        {
          path,
          tooDeep: true,
          message: {
            ja: `入れ子が深すぎます（${MAX_BUNDLE_DEPTH}段まで）`,
            en: `nested too deeply (at most ${MAX_BUNDLE_DEPTH} levels)`,
          },
        },
      ];
    }
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    // Pushed last to first, so problems come out in the order of the file.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i]!;
      stack.push({ value: v, path: [...path, k] });
    }
  }
  return problems;
}
