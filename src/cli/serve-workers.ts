import cluster, { type Worker } from 'node:cluster';
import { logger } from '../web/index.ts';

/** A worker that dies within this long of starting is not restarted again at once (a crash loop). */
const RESTART_BACKOFF_MS = 5_000;

/**
 * The primary process of `serve --workers N`: forks N workers that share the listening port (the OS hands each
 * new connection to one of them), replaces a worker that dies, and on SIGTERM/SIGINT asks every worker to drain
 * and stop, then exits. Workers are the same stateless app as a single process, so what holds for several hosts
 * behind a proxy (sessions, rate limits and caches in the database or safe to lose) holds here too.
 */
export function runPrimary(workers: number): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    // Own bookkeeping: cluster.workers still lists a worker when its 'exit' event fires.
    const running = new Map<number, { worker: Worker; startedAt: number }>();
    const fork = () => {
      const worker = cluster.fork();
      running.set(worker.id, { worker, startedAt: Date.now() });
    };
    cluster.on('exit', (worker: Worker, code, signal) => {
      const lived = Date.now() - (running.get(worker.id)?.startedAt ?? 0);
      running.delete(worker.id);
      if (stopping) {
        if (running.size === 0) resolve(0);
        return;
      }
      logger.error({ worker: worker.process.pid, code, signal }, 'worker stopped unexpectedly; starting another');
      setTimeout(fork, lived < RESTART_BACKOFF_MS ? RESTART_BACKOFF_MS : 0);
    });
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal, workers: running.size }, 'shutting down workers');
      if (running.size === 0) resolve(0);
      for (const { worker } of running.values()) worker.process.kill('SIGTERM');
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    for (let i = 0; i < workers; i++) fork();
  });
}

export const isWorker = () => cluster.isWorker;
