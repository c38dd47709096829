/** Why the database cannot be trusted now, beyond what a plain query would show. */
export interface DatabaseFault {
  /** The driver's code, e.g. SQLITE_FULL, SQLITE_IOERR_WRITE, SQLITE_CORRUPT. */
  code: string;
  message: string;
  /** A full disk or an I/O error passes once a write succeeds again; corruption stays until a restart. */
  transient: boolean;
}

const TRANSIENT = /^SQLITE_(FULL|IOERR)/;
const LASTING = /^SQLITE_(CORRUPT|NOTADB)/;

/**
 * What the store has seen go wrong with the database file: a write refused for lack of space, an I/O error, a
 * corrupt page (from a query or the integrity check at start). /readyz reports it, so a load balancer stops
 * sending requests to a process that can only fail them.
 */
export class DatabaseHealth {
  fault: DatabaseFault | undefined;

  /** Remembers `e` when it is one of the faults above; other errors (constraints, bugs) say nothing of the file. */
  note(e: unknown): void {
    const code = (e as { code?: unknown } | undefined)?.code;
    if (typeof code !== 'string') return;
    if (this.fault && !this.fault.transient) return;
    if (TRANSIENT.test(code) || LASTING.test(code)) {
      this.fault = { code, message: (e as Error).message, transient: TRANSIENT.test(code) };
    }
  }

  /** A write reached the file: a full disk or an I/O error is over. */
  written(): void {
    if (this.fault?.transient) this.fault = undefined;
  }
}
