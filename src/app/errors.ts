/**
 * Every expected failure the app reports: a stable code, an HTTP status and a message in Japanese and English.
 * Routes and the CLI present these; anything else is an internal error.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'already-exists'
  | 'forbidden'
  | 'unauthenticated'
  | 'database-not-empty'
  | 'invalid-backup'
  | 'rate-limited'
  | 'invalid-state'
  | 'unavailable';

const STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  'already-exists': 409,
  forbidden: 403,
  unauthenticated: 401,
  'database-not-empty': 409,
  'invalid-backup': 400,
  'rate-limited': 429,
  'invalid-state': 409,
  unavailable: 503,
};

/** A message in both languages; the page, API or CLI picks one by the reader's language. */
export interface Localized {
  ja: string;
  en: string;
}

/** Field key as the form names it (e.g. "indicators.riyo-kensu.actual") → the message shown beside that field. */
export type FieldErrors = Record<string, Localized>;

/** What an error carries besides its message; each code uses the members noted. */
export interface AppErrorDetails {
  /** invalid-input, already-exists: one message per field, all found at once. */
  fieldErrors?: FieldErrors;
  /** invalid-input and conflict of an upload or import: every problem, with its place. */
  issues?: readonly unknown[];
  /** How many problems there were when `issues` lists only the first of them (a bundle import lists 50). */
  total?: number;
  /** conflict: the version stored now and what it holds, so the page can show both sides. */
  currentVersion?: number;
  current?: unknown;
  currentValues?: unknown;
  changedBy?: string | null;
  changedAt?: string | null;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messageJa: string;
  readonly messageEn: string;
  readonly details: AppErrorDetails | undefined;

  constructor(code: ErrorCode, messages: Localized, details?: AppErrorDetails) {
    super(messages.en);
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS[code];
    this.messageJa = messages.ja;
    this.messageEn = messages.en;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

const CHECK_FIELDS: Localized = { ja: '入力内容を確認してください', en: 'Please check the highlighted fields' };

/**
 * The one way to refuse a form's input: every field's message in both languages, keyed by the field. With one
 * field the error's own message is that field's (what the CLI and the API show); with several, a summary.
 * @example invalidInput({ name: { ja: '名称を入力してください', en: 'Enter the name' } })
 */
export function invalidInput(
  fieldErrors: FieldErrors,
  code: 'invalid-input' | 'already-exists' = 'invalid-input',
): AppError {
  const messages = Object.values(fieldErrors);
  return new AppError(code, messages.length === 1 ? messages[0]! : CHECK_FIELDS, { fieldErrors });
}

export const notFound = (what: Localized) =>
  new AppError('not-found', { ja: `${what.ja}が見つかりません`, en: `${what.en} not found` });

/** A write based on a version someone else has already changed. `details` carries the current state. */
export const conflict = (details: AppErrorDetails) =>
  new AppError(
    'conflict',
    {
      ja: '他の人が先に変更を保存しました。最新の内容を確認してから保存し直してください。',
      en: 'Someone else saved a change first. Review the latest content, then save again.',
    },
    details,
  );
