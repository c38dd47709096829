import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { type ReadOptions, readXlsxSheets, WorkbookReadError } from './read-xlsx-sheets.ts';

// On Linux a priority set with pid 0 applies to the calling thread only: reading files then yields the CPU to
// the thread that serves requests, so a busy reader never makes other users wait. Elsewhere it may not apply.
try {
  setPriority(0, 10);
} catch {
  // not permitted here: the worker still runs, at normal priority
}

/** The worker side of `readWorkbook`: one workbook per message, answered with its sheets or why not. */
parentPort?.on('message', (m: { data: Uint8Array; options: ReadOptions }) => {
  try {
    parentPort?.postMessage({ sheets: readXlsxSheets(m.data, m.options) });
  } catch (e) {
    // Anything the reader did not foresee in a hostile file still means "not a workbook we can read".
    const error = e instanceof WorkbookReadError ? e : new WorkbookReadError('not-xlsx');
    parentPort?.postMessage({ error: { problem: error.problem, at: error.at, detail: (e as Error).message } });
  }
});
