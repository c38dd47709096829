import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const INTERVAL_MS = 1000;
/** Below this the write-ahead log is left alone (SQLite's own default checkpoints at about 4 MB). */
const MIN_WAL_BYTES = 1 << 20;

// Runs in a worker thread, on its own connection: better-sqlite3 is synchronous, so a checkpoint on the main
// connection (SQLite starts one inside the commit that crosses wal_autocheckpoint) stops every request of the
// process while it copies pages into the database file and syncs it. In the staff-save benchmark those commits
// were the slowest saves. PASSIVE never waits for readers or writers; it does what it can and tries again later.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const walSize = () => { try { return statSync(workerData.file + '-wal').size; } catch { return 0; } };
const timer = setInterval(() => {
  if (walSize() < workerData.minWalBytes) return;
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { parentPort.postMessage(String(e && e.message || e)); }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface WalCheckpointer {
  /** Whether the worker thread runs: only once the log has first grown past MIN_WAL_BYTES. */
  readonly started: boolean;
  stop(): Promise<void>;
}

function startWorker(file: string): Worker {
  return new Worker(WORKER_SOURCE, {
    eval: true,
    resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
    workerData: {
      file,
      module: createRequire(import.meta.url).resolve('better-sqlite3'),
      intervalMs: INTERVAL_MS,
      minWalBytes: MIN_WAL_BYTES,
    },
  });
}

/**
 * Moves WAL checkpoints of a SQLite file off the connection that serves requests: turns automatic checkpoints
 * off on `connection` and checkpoints from a worker thread instead. The worker (a second JavaScript engine,
 * about 7 MB resident) starts when the log first needs a checkpoint, so a process that only reads, such as one
 * serving the public portal, never holds it. If the worker cannot run, automatic checkpoints are turned back
 * on, so the log never grows without bound.
 */
export function startWalCheckpointer(
  connection: { pragma(source: string): unknown },
  file: string,
  onProblem: (message: string) => void = (message) => process.emitWarning(message),
): WalCheckpointer {
  connection.pragma('wal_autocheckpoint = 0');
  let worker: Worker | undefined;
  let exited = false;
  const backToAutomatic = (message: string) => {
    onProblem(message);
    connection.pragma('wal_autocheckpoint = 1000');
  };
  const start = () => {
    try {
      worker = startWorker(file);
    } catch (e) {
      backToAutomatic(`WAL checkpoints stay on the main connection: ${(e as Error).message}`);
      return;
    }
    worker.once('exit', () => {
      exited = true;
    });
    worker.unref(); // never what keeps a process (a CLI command, say) alive
    worker.on('message', (m: string) => onProblem(`WAL checkpoint: ${m}`));
    worker.on('error', (e) =>
      backToAutomatic(`WAL checkpoint worker failed, back to automatic checkpoints: ${e.message}`),
    );
  };
  // One stat a second on the serving thread until the worker runs; the worker then watches on its own.
  const watch = setInterval(() => {
    if (walBytes(file) < MIN_WAL_BYTES) return;
    clearInterval(watch);
    start();
  }, INTERVAL_MS);
  watch.unref();
  return {
    get started() {
      return worker !== undefined;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(watch);
        if (!worker || exited) return resolve();
        worker.once('exit', () => resolve());
        worker.ref(); // keeps the process up until the worker has closed its connection
        worker.postMessage('stop');
      }),
  };
}

function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}
