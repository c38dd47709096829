/** SQLSTATE classes and codes that mean the server went away or cannot take the connection now. */
const LOST_SQLSTATE = /^(08|57P0[123]|53300)/;
/** Socket errors on connecting or while connected. */
const LOST_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
/** What node-postgres says when the socket closes under a query or the pool cannot connect in time. */
const LOST_MESSAGE =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable/;

/**
 * Whether an error from the database driver means the database could not be reached (PostgreSQL restarted,
 * stopped, failed over, or the connection was ended with pg_terminate_backend), or, on SQLite, that another
 * process held the file locked past the busy timeout. Such a request can be tried again; it is no bug.
 */
export function isConnectionLost(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const { code } = e as { code?: unknown };
  if (typeof code === 'string' && (LOST_SQLSTATE.test(code) || LOST_ERRNO.has(code))) return true;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT') return true;
  if (LOST_MESSAGE.test(e.message)) return true;
  // AggregateError (a host with several addresses, each refused) and errors wrapped with a cause.
  if (e instanceof AggregateError && e.errors.some(isConnectionLost)) return true;
  return e.cause !== undefined && e.cause !== e && isConnectionLost(e.cause);
}
