import type { BundleIssue, PlanNode } from '../domain/index.ts';
import type { UploadIssue } from './department-upload.ts';
import type { InputIssue } from './format-zod-error.ts';
import type { ReportConflict } from './save-report.ts';

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

/**
 * What an error carries besides its message, told apart by `kind` so a channel reads only what is there:
 * - fields: invalid-input, already-exists of a form: one message per field, all found at once;
 * - upload: an upload refused (invalid-input, conflict, forbidden, invalid-state): every problem with its cell;
 * - bundle: an import refused: the first MAX_BUNDLE_ISSUES problems with their paths, and how many there were;
 * - input: input no form shows, checked by a schema (a sheet, an upload's parsed content): each path and message;
 * - stale: a write based on a version someone else has already changed: the version stored now and what the
 *   sheet holds then (when there is one), so a caller can look at both sides;
 * - report-conflict: the same for the entry form, with the values it shows beside what was typed.
 */
export type AppErrorDetails =
  | { kind: 'fields'; fieldErrors: FieldErrors }
  | { kind: 'upload'; issues: UploadIssue[] }
  | { kind: 'bundle'; issues: BundleIssue[]; total: number }
  | { kind: 'input'; issues: InputIssue[] }
  | { kind: 'stale'; currentVersion: number | undefined; current?: NodeSnapshot | undefined }
  | ({ kind: 'report-conflict' } & ReportConflict);

/** A sheet as it is stored: its title and content (what a stale write's details show as `current`). */
export type NodeSnapshot = Omit<PlanNode, 'children' | 'code'>;

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
  return new AppError(code, messages.length === 1 ? messages[0]! : CHECK_FIELDS, { kind: 'fields', fieldErrors });
}

export const notFound = (what: Localized) =>
  new AppError('not-found', { ja: `${what.ja}が見つかりません`, en: `${what.en} not found` });

/** A write based on a version someone else has already changed. `details` carries the current state. */
export const conflict = (stale: Omit<Extract<AppErrorDetails, { kind: 'stale' }>, 'kind'>) =>
  new AppError(
    'conflict',
    {
      ja: '他の人が先に変更を保存しました。最新の内容を確認してから保存し直してください。',
      en: 'Someone else saved a change first. Review the latest content, then save again.',
    },
    { kind: 'stale', ...stale },
  );
