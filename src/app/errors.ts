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
  | 'invalid-state';

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
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messageJa: string;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(code: ErrorCode, messages: { ja: string; en: string }, details?: unknown) {
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

export const notFound = (what: { ja: string; en: string }) =>
  new AppError('not-found', { ja: `${what.ja}が見つかりません`, en: `${what.en} not found` });

/** A write based on a version someone else has already changed. `details` carries the current state. */
export const conflict = (details: unknown) =>
  new AppError(
    'conflict',
    {
      ja: '他の人が先に変更を保存しました。最新の内容を確認してから保存し直してください。',
      en: 'Someone else saved a change first. Review the latest content, then save again.',
    },
    details,
  );
