import { formatFiscalYear } from '../domain/index.ts';
import type { ReminderKind } from './reminder-kinds.ts';

export interface ReminderMailFacts {
  /** The recipient's display language ('en' or anything else for Japanese, the staff pages' default). */
  language: string | null;
  displayName: string;
  kind: ReminderKind;
  fy: number;
  dueDate: string;
  /** Days from today to the due date; negative once it has passed. */
  daysLeft: number;
  /** The initiatives the reminder is about, as the plan names them. */
  items: { code: string; title: string }[];
  link: string;
}

const SUBJECT = {
  ja: { 'due-soon': '提出期限が近づいています', overdue: '提出期限超過', approval: '承認待ち' },
  en: { 'due-soon': 'the due date is near', overdue: 'past the due date', approval: 'waiting for your approval' },
} as const;

/**
 * The reminder e-mail in the recipient's language, as the staff pages would say it: the user chose the language
 * for their account, and a reminder is read away from the page's ?lang=. The plan's titles stay as entered.
 */
export function reminderMail(f: ReminderMailFacts): { subject: string; text: string } {
  const items = f.items.map((r) => `・${r.code} ${r.title}`);
  if (f.language === 'en') {
    const fy = formatFiscalYear(f.fy, { lang: 'en' });
    const when =
      f.daysLeft >= 0
        ? `They are due on ${f.dueDate} (in ${f.daysLeft} day(s)).`
        : `They were due on ${f.dueDate} (${-f.daysLeft} day(s) ago).`;
    const lead =
      f.kind === 'approval'
        ? 'Some initiatives are waiting for your approval.'
        : `Some initiatives of the ${fy} progress report have not been submitted yet. ${when}`;
    return {
      subject: `[Progress management] ${fy} reporting round: ${SUBJECT.en[f.kind]}`,
      text: [`Dear ${f.displayName},`, '', lead, '', ...items, '', f.link, ''].join('\n'),
    };
  }
  const fy = formatFiscalYear(f.fy);
  const when =
    f.daysLeft >= 0
      ? `提出期限は ${f.dueDate}（あと${f.daysLeft}日）です。`
      : `提出期限 ${f.dueDate} を${-f.daysLeft}日過ぎています。`;
  const lead =
    f.kind === 'approval' ? '課内承認を待っている取組があります。' : `${fy}の進捗報告が未提出の取組があります。${when}`;
  return {
    subject: `【進捗管理】${fy}の照会: ${SUBJECT.ja[f.kind]}`,
    text: [`${f.displayName} 様`, '', lead, '', ...items, '', f.link, ''].join('\n'),
  };
}
