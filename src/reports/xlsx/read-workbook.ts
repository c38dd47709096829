import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ReadOptions, type ReadSheet, WorkbookReadError } from './read-xlsx-sheets.ts';

export { type ReadOptions, type ReadSheet, SHEET_LIMITS, WorkbookReadError } from './read-xlsx-sheets.ts';

/**
 * Reading runs in worker threads with their own small heap and a time limit: however a file is built, it cannot
 * stall the thread that serves everyone else, nor take the process's memory. Two workers, so one slow file does
 * not queue everybody's upload behind it; each at most 128 MB (a real workbook needs a few).
 */
export const READER_LIMITS = {
  workers: 2,
  maxOldGenerationSizeMb: 128,
  maxYoungGenerationSizeMb: 16,
  timeoutMs: 10_000,
};

// From the compiled build the worker is plain JavaScript; from the sources (tsx, vitest) it is TypeScript, so
// the worker registers tsx first, as bin/shinchoku.js does.
const fromSource = import.meta.url.endsWith('.ts');
const ENTRY = new URL(`./read-workbook-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href;
const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})();
`;

function tsxApi(): string | undefined {
  if (!fromSource) return undefined;
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = JSON.parse(readFileSync(manifest, 'utf8')).exports['./esm/api'].import.default as string;
  return pathToFileURL(path.join(path.dirname(manifest), exports)).href;
}

interface Job {
  data: Uint8Array;
  options: ReadOptions;
  resolve(sheets: ReadSheet[]): void;
  reject(e: Error): void;
}

interface Reader {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
  dead?: boolean;
}

type Answer =
  | { sheets: ReadSheet[] }
  | { error: { problem: WorkbookReadError['problem']; at: WorkbookReadError['at'] } };

class ReaderPool {
  private readonly idle: Reader[] = [];
  private readonly queue: Job[] = [];
  private running = 0;

  constructor(private readonly limits: typeof READER_LIMITS) {}

  read(data: Uint8Array, options: ReadOptions): Promise<ReadSheet[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ data, options, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.queue.length > 0) {
      const reader = this.idle.pop() ?? (this.running < this.limits.workers ? this.spawn() : undefined);
      if (!reader) return;
      this.start(reader, this.queue.shift()!);
    }
  }

  private spawn(): Reader {
    this.running++;
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { entry: ENTRY, tsx: tsxApi() },
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: this.limits.maxYoungGenerationSizeMb,
      },
    });
    const reader: Reader = { worker };
    worker.on('message', (m: Answer) => {
      const job = this.finish(reader, true);
      if (!job) return;
      if ('sheets' in m) job.resolve(m.sheets);
      else job.reject(new WorkbookReadError(m.error.problem, m.error.at));
    });
    worker.on('error', (e: NodeJS.ErrnoException) => {
      // Out of its heap: the file needed far more memory than any workbook does.
      const job = this.finish(reader, false);
      job?.reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkbookReadError('too-large-unpacked') : e);
    });
    worker.on('exit', () => {
      this.finish(reader, false)?.reject(new Error('the workbook reader stopped'));
    });
    return reader;
  }

  private start(reader: Reader, job: Job): void {
    reader.job = job;
    reader.worker.ref(); // a CLI command waits for its file
    reader.timer = setTimeout(() => {
      this.finish(reader, false)?.reject(new WorkbookReadError('too-complex'));
    }, this.limits.timeoutMs);
    reader.worker.postMessage({ data: job.data, options: job.options });
  }

  /** Ends the reader's current job (returned, once); a reader that failed is stopped and replaced on demand. */
  private finish(reader: Reader, healthy: boolean): Job | undefined {
    const job = reader.job;
    clearTimeout(reader.timer);
    reader.job = undefined;
    if (reader.dead) return job;
    if (healthy) {
      reader.worker.unref();
      this.idle.push(reader);
    } else {
      reader.dead = true;
      const i = this.idle.indexOf(reader);
      if (i >= 0) this.idle.splice(i, 1);
      void reader.worker.terminate();
      this.running--;
    }
    this.next();
    return job;
  }
}

export interface WorkbookReader {
  read(data: Uint8Array, options?: ReadOptions): Promise<ReadSheet[]>;
}

/** A pool of reader workers with these limits (`readWorkbook` uses one with READER_LIMITS). */
export function createWorkbookReader(limits: typeof READER_LIMITS): WorkbookReader {
  const pool = new ReaderPool(limits);
  return { read: (data, options = {}) => pool.read(data, options) };
}

let shared: WorkbookReader | undefined;

/**
 * Reads the sheets of an .xlsx file (see `readXlsxSheets`) in a worker thread. Throws WorkbookReadError when
 * it is no workbook or goes beyond the limits.
 */
export function readWorkbook(data: Uint8Array, options: ReadOptions = {}): Promise<ReadSheet[]> {
  shared ??= createWorkbookReader(READER_LIMITS);
  return shared.read(data, options);
}
