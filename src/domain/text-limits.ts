/**
 * The longest text each kind of field takes, in characters (UTF-16 code units, as JavaScript and zod count), on
 * every channel: staff forms, the 課 workbook, bundles and plan workbooks, the CLI. One table, so that what one
 * channel accepts no other refuses, and no value outgrows a download's header, a page, or a PostgreSQL index
 * entry (at most 2,704 bytes: 200 kanji take 600).
 */
export const TEXT_LIMITS = {
  /** Node codes ("1-1", "継1"); also every code a node refers to. */
  code: 40,
  /** Keys of rating levels; a rating as entered. */
  key: 20,
  /** Units of indicators ("件", "%"), dates and other short tokens. */
  short: 40,
  /** A KPI value as typed ("1,234件"). */
  value: 100,
  /** People's names (staff accounts). */
  personName: 100,
  /** Names: editions, organizations, 課, rating scales and their levels, tree levels, short titles, publishers. */
  name: 200,
  /** Titles of plans, items, indicators and sections. */
  title: 500,
  /** One line item of 計画, 実績, 現状 or 課題; the note of a KPI value. */
  line: 500,
  /** Reasons and notes (a withdrawal's reason, a source note). */
  note: 2_000,
  /** Free text: one field of the entry form (all its lines), a comment, a vision, a paragraph, a definition. */
  text: 20_000,
} as const;

export type TextKind = keyof typeof TEXT_LIMITS;

/**
 * The message for a value over its limit, in Japanese and English, with the limit and the length given.
 *
 * @example tooLongMessage(TEXT_LIMITS.name, 250).en // "must have at most 200 characters (has 250)"
 */
export function tooLongMessage(max: number, length: number): { ja: string; en: string } {
  return {
    ja: `${max.toLocaleString('ja-JP')}文字以内にしてください（${length.toLocaleString('ja-JP')}文字あります）`,
    en: `must have at most ${max.toLocaleString('en-US')} characters (has ${length.toLocaleString('en-US')})`,
  };
}
