import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/shinchoku.js');

/** How long stop() waits after SIGTERM before SIGKILL: a hung server must not hang the test run. */
const STOP_GRACE_MS = 5000;

export interface ServerProcess {
  /** "http://127.0.0.1:PORT" */
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Resident memory of the process now (Linux /proc). */
  rssBytes(): number;
  /** SIGTERM, then SIGKILL if the process has not exited within `graceMs` (5 s unless told). */
  stop(graceMs?: number): Promise<void>;
}

interface Running {
  child: ChildProcess;
  ended: Promise<void>;
  exited(): boolean;
}

// Every `shinchoku serve` this worker spawned and that has not exited yet, including those still starting. A
// test that times out or fails may never reach its own stop(), and a beforeAll that timed out leaves its start
// running after the file has ended; stopAllServerProcesses (after each file, see kill-server-processes.ts) and
// the worker's exit end them, so no server outlives the file that started it.
const running = new Set<Running>();

process.once('exit', () => {
  for (const r of running) if (!r.exited()) r.child.kill('SIGKILL');
});

async function stopRunning(r: Running, graceMs: number): Promise<void> {
  if (!r.exited()) r.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const killLater = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      if (!r.exited()) r.child.kill('SIGKILL');
      resolve();
    }, graceMs);
  });
  await Promise.race([r.ended, killLater]);
  clearTimeout(timer);
  await r.ended;
}

/** Ends every server process this worker started and has not stopped (SIGTERM, then SIGKILL). */
export async function stopAllServerProcesses(graceMs = STOP_GRACE_MS): Promise<number> {
  const left = [...running];
  await Promise.all(left.map((r) => stopRunning(r, graceMs)));
  return left.length;
}

/** How many server processes this worker has spawned that have not exited (starting ones included). */
export const runningServerProcesses = (): number => running.size;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * `shinchoku serve` as its own process over an existing database, as production runs it: its memory, its
 * crashes and its event loop are its own, apart from the test's. Resolves once /healthz answers; a process that
 * does not get there (or is stopped meanwhile by stopAllServerProcesses) is killed and the start rejects.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let exited = false;
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const ended = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      running.delete(entry);
      resolve();
    }),
  );
  const entry: Running = { child, ended, exited: () => exited };
  running.add(entry);
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (exited) throw new Error(`the server exited on start: ${stderr}`);
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (i > 600) throw new Error(`the server did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    await stopRunning(entry, 0);
    throw e;
  }
  return {
    url,
    child,
    stderr: () => stderr,
    alive: () => !exited,
    rssBytes: () =>
      Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024,
    stop: (graceMs = STOP_GRACE_MS) => stopRunning(entry, graceMs),
  };
}
