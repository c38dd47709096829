import type { Localized } from './errors.ts';

/** Field messages that several forms share, so one wording (and its translation) holds everywhere. */
export const FIELD_MESSAGES = {
  fiscalYear: {
    ja: '年度を西暦4桁で入力してください（例: 2024）',
    en: 'Enter the fiscal year as four digits (e.g. 2024)',
  },
  number: { ja: '数値で入力してください（例: 1,234）', en: 'Type a number (e.g. 1,234)' },
  lineTooLong: { ja: '1行は500文字以内にしてください', en: 'Keep each line to at most 500 characters' },
  asOfFy: { ja: '何年度時点かを入力してください', en: 'Enter the fiscal year this is as of' },
  choose: { ja: '一覧から選んでください', en: 'Choose one from the list' },
  departmentName: { ja: '課の名称を入力してください', en: 'Enter the name' },
  planTitle: { ja: '計画の名称を入力してください', en: 'Enter the plan title' },
  levelName: { ja: '階層の名称を入力してください', en: 'Enter the name of the level' },
  scaleName: { ja: '評価の名称を入力してください', en: 'Enter the name of the rating' },
  levelKey: { ja: '記号を入力してください', en: 'Enter the key' },
  levelLabel: { ja: '表示名を入力してください', en: 'Enter the label' },
  displayName: { ja: '氏名を入力してください', en: 'Enter the name' },
  email: { ja: 'メールアドレスの形式で入力してください', en: 'Enter an e-mail address' },
  dueDate: { ja: '提出期限を日付（例: 2024-05-31）で入力してください', en: 'Enter the due date as YYYY-MM-DD' },
  commentTooLong: { ja: 'コメントは5000文字以内にしてください', en: 'Use at most 5000 characters' },
  reviewChainLast: { ja: '最後の段階は計画担当にしてください', en: 'The last step must be the plan office' },
  /** A form that is not as this server sent it (a hidden value changed, a choice no page offers). */
  formUnreadable: {
    ja: '送信された内容を読み取れませんでした。画面を読み込み直してから、もう一度操作してください。',
    en: 'The submitted form could not be read. Reload the page and try again.',
  },
} as const satisfies Record<string, Localized>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;
