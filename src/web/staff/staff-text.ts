import { ROLE_LABELS, type Role, TASK_STATE_LABELS, type TaskState } from '../../app/index.ts';
import { DEFAULT_TIME_ZONE, formatFiscalYear } from '../../domain/index.ts';
import { STAFF_MESSAGES, type StaffMessageKey } from './staff-messages.ts';

export type StaffLang = 'ja' | 'en';

/** Text helpers of one request: messages, fiscal years, dates and labels in the user's language. */
export interface StaffText {
  lang: StaffLang;
  t(key: StaffMessageKey, params?: Record<string, string | number>): string;
  fy(fy: number): string;
  /** ISO timestamp → "2024/04/15 09:00" (in the organization's zone); a bare date → "2025/08". */
  dateTime(iso: string): string;
  state(state: TaskState): string;
  /** List separator: 「、」 in Japanese, ", " in English. */
  sep: string;
  /** A parenthetical: （…） in Japanese, " (…)" in English. */
  paren(inner: string): string;
  role(role: Role): string;
  /** A 課's name in the page's language: its English name on English pages where the plan has one. */
  dept(d: { name: string; nameEn?: string | undefined }): string;
}

// Building an Intl.DateTimeFormat costs far more than using one; a server meets a handful of zones at most.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('ja-JP', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}

/** The staff pages' words in `lang`, times printed in the organization's zone (Asia/Tokyo unless it names one). */
export function staffText(lang: StaffLang, timeZone = DEFAULT_TIME_ZONE): StaffText {
  const i = lang === 'ja' ? 0 : 1;
  return {
    lang,
    t: (key, params = {}) =>
      STAFF_MESSAGES[key][i].replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      ),
    fy: (fy) => formatFiscalYear(fy, { lang }),
    // A declared date of publication ("2025-08") has no time: printed as far as it goes, never as midnight.
    dateTime: (iso) =>
      /^\d{4}(-\d{2}){0,2}$/.test(iso) ? iso.replaceAll('-', '/') : dateTimeFormat(timeZone).format(new Date(iso)),
    state: (s) => TASK_STATE_LABELS[s]?.[lang] ?? s,
    sep: lang === 'ja' ? '、' : ', ',
    paren: (inner) => (lang === 'ja' ? `（${inner}）` : ` (${inner})`),
    role: (r) => ROLE_LABELS[r]?.[lang] ?? r,
    dept: (d) => (lang === 'en' && d.nameEn ? d.nameEn : d.name),
  };
}
