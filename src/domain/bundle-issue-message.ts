import type { z } from 'zod';
import { tooLongMessage } from './text-limits.ts';

/** A message in the two languages of the project. */
export interface IssueMessage {
  ja: string;
  en: string;
}

/**
 * The messages our schemas give their own format checks, in Japanese; zod's check options carry no params, so
 * the English text is the key.
 */
const JA: Record<string, string> = {
  'lowercase letters, digits and "-" only (e.g. "keiei-senryaku")':
    '半角の英小文字・数字・「-」だけで書いてください（例: "keiei-senryaku"）',
  'no spaces, slashes, "?", "#", "%" or backslashes': '空白、「/」「?」「#」「%」「\\」は使えません',
  'a date such as "2025-08-29" or "2025-08"': '「2025-08-29」や「2025-08」のような日付で書いてください',
  'letters, digits, "-" and "_" only': '半角の英数字と「-」「_」だけで書いてください',
  'an ISO date or timestamp': '「2025-08-29」や「2025-08-29T10:00:00Z」のような日付・日時で書いてください',
  'duplicate SDG goal': 'SDGsのゴール番号が重複しています',
  duplicate: '重複しています',
  'give exactly one of points or percent': '許容幅はポイントか%のどちらか一方で指定してください',
};

const TYPE_EN: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list ([…])',
  object: 'an object ({…})',
};
const TYPE_JA: Record<string, string> = {
  number: '数値',
  int: '整数',
  string: '文字列',
  boolean: 'true または false',
  array: '配列（[…]）',
  object: 'オブジェクト（{…}）',
};

/**
 * What is wrong with one value, in words a plan office can act on, in Japanese and English. `value` is the
 * input found at the issue's path (zod does not keep it), so the message can say what was given instead.
 *
 * @example issueMessage({ code: 'invalid_type', expected: 'number', path: [], message: '' }, 'R4')
 * // { ja: '数値を指定してください（"R4" になっています）', en: 'expected a number, got "R4"' }
 */
export function issueMessage(issue: z.core.$ZodIssue, value: unknown): IssueMessage {
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return { ja: '必須の項目です', en: 'required' };
      const e = issue.expected;
      return {
        ja: `${TYPE_JA[e] ?? e}を指定してください（${shown(value)} になっています）`,
        en: `expected ${TYPE_EN[e] ?? e}, got ${shown(value)}`,
      };
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string')
        return n <= 1
          ? { ja: '空にはできません', en: 'must not be empty' }
          : { ja: `${n}文字以上にしてください`, en: `must have at least ${n} characters` };
      if (issue.origin === 'array')
        return { ja: `${n}件以上必要です`, en: `needs at least ${n} item${n === 1 ? '' : 's'}` };
      return issue.inclusive
        ? { ja: `${n}以上にしてください（${shown(value)}）`, en: `must be at least ${n} (got ${shown(value)})` }
        : { ja: `${n}より大きくしてください（${shown(value)}）`, en: `must be more than ${n} (got ${shown(value)})` };
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string')
        return typeof value === 'string'
          ? tooLongMessage(n, value.length)
          : { ja: `${n}文字以内にしてください`, en: `must have at most ${n} characters` };
      if (issue.origin === 'array') return { ja: `${n}件までです`, en: `may have at most ${n} items` };
      return issue.inclusive
        ? { ja: `${n}以下にしてください（${shown(value)}）`, en: `must be at most ${n} (got ${shown(value)})` }
        : { ja: `${n}より小さくしてください（${shown(value)}）`, en: `must be less than ${n} (got ${shown(value)})` };
    }
    case 'invalid_value': {
      const list = issue.values.map((v) => JSON.stringify(v));
      return list.length === 1
        ? { ja: `${list[0]} にしてください（${shown(value)}）`, en: `must be ${list[0]} (got ${shown(value)})` }
        : {
            ja: `${list.join('、')} のいずれかにしてください（${shown(value)}）`,
            en: `must be one of ${list.join(', ')} (got ${shown(value)})`,
          };
    }
    case 'invalid_format':
      return issue.message.startsWith('Invalid')
        ? { ja: `形式が正しくありません（${shown(value)}）`, en: `is not in the expected format (got ${shown(value)})` }
        : {
            ja: `${JA[issue.message] ?? issue.message}（${shown(value)}）`,
            en: `${issue.message} (got ${shown(value)})`,
          };
    case 'not_multiple_of':
      return { ja: `${issue.divisor}の倍数にしてください`, en: `must be a multiple of ${issue.divisor}` };
    case 'unrecognized_keys':
      return { ja: `未知の項目です: ${issue.keys.join('、')}`, en: `unknown keys: ${issue.keys.join(', ')}` };
    case 'invalid_union':
      return { ja: '使える形式のどれにも当てはまりません', en: 'matches none of the allowed forms' };
    case 'custom': {
      const ja = (issue.params as { ja?: unknown } | undefined)?.ja;
      return { ja: typeof ja === 'string' ? ja : (JA[issue.message] ?? issue.message), en: issue.message };
    }
    default:
      return { ja: issue.message, en: issue.message };
  }
}

/** A given value as quoted in a message, cut short. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
