/**
 * Expected failures in the domain are values, not exceptions: callers must look at `ok` before using the
 * value, and `app/` maps `error.code` to its typed errors. Messages come in Japanese (shown to staff and
 * citizens) and English (logs, API clients).
 */
export interface DomainError {
  /** Stable id, e.g. "unknown-era"; never reworded once shipped. */
  code: string;
  message: string;
  messageEn: string;
}

export type Result<T, E extends DomainError = DomainError> = { ok: true; value: T } | { ok: false; error: E };

/**
 * Wraps a value as a success.
 * @example ok(2022) // { ok: true, value: 2022 }
 */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/**
 * Builds a failure.
 * @example err('year-zero', '0年はありません', 'There is no year 0')
 */
export function err(code: string, message: string, messageEn: string): { ok: false; error: DomainError } {
  return { ok: false, error: { code, message, messageEn } };
}
