import { isConnectionLost } from '../store/index.ts';
import { AppError, isAppError } from './errors.ts';

/** The database could not be reached for this request (503); the request may be tried again. */
export const databaseUnavailable = () =>
  new AppError('unavailable', {
    ja: 'データベースに接続できないため、処理を完了できませんでした。しばらくしてから、もう一度お試しください',
    en: 'The database could not be reached, so the request was not completed. Please try again shortly',
  });

/**
 * The expected failure an error stands for: an AppError as it is, a lost database connection as
 * `databaseUnavailable`; undefined for anything else (a bug: internal error).
 */
export function expectedError(e: unknown): AppError | undefined {
  if (isAppError(e)) return e;
  return isConnectionLost(e) ? databaseUnavailable() : undefined;
}
