import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../harness/postgres-server.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/shinchoku.js');

/** Live child processes of a pid, from /proc (no ps needed on a minimal machine). */
const childPids = (parent: number): number[] =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        // Fields after the command name (which may hold spaces): state, ppid, …
        const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(ppid) === parent && state !== 'Z' ? [Number(d)] : [];
      } catch {
        return []; // gone meanwhile
      }
    });

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let i = 0; i < 800; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Status of a GET on a new connection (a pooled keep-alive one may lead to a worker that was killed), giving up
 * after 3 s: a connection the primary handed to a worker at the moment it died is lost, as on any crash.
 */
const statusOf = (url: string) =>
  new Promise<number>((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 3000 }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
  });

/** The status once the server answers at all, trying a few new connections. */
async function statusSoon(url: string): Promise<number> {
  let last: unknown;
  for (let i = 0; i < 5; i++) {
    try {
      return await statusOf(url);
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

const ready = (base: string) =>
  fetch(`${base}/readyz`).then(
    (r) => (r.ok ? true : undefined),
    () => undefined,
  );

/** `serve --workers 2`: two app processes share one port on one PostgreSQL database, as on a two-core host. */
describe('serve --workers', () => {
  let db: TestDatabase;
  let base: string;
  let primary: ReturnType<typeof spawn>;
  let log = '';

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    primary = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--workers', '2'], {
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout!.on('data', (b: Buffer) => {
      log += b.toString();
    });
    primary.stderr!.on('data', (b: Buffer) => {
      log += b.toString();
    });
    await until('the workers to listen', () => (log.split('"listening"').length - 1 >= 2 ? true : undefined));
    await until('readiness', () => ready(base));
  }, 60_000);

  afterAll(async () => {
    if (primary.exitCode === null) primary.kill('SIGKILL');
    await db.drop();
  });

  it('seeds once and serves the portal from both workers', async () => {
    expect(log.split('seeded an empty database').length - 1).toBe(1);
    expect(childPids(primary.pid!)).toHaveLength(2);
    const statuses = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/ogori/`).then((r) => r.status)));
    expect(statuses).toEqual(Array(20).fill(200));
  });

  it('replaces a worker that dies, and keeps serving meanwhile', async () => {
    const [victim, survivor] = childPids(primary.pid!);
    process.kill(victim!, 'SIGKILL');
    await until('the victim to be gone', () => (childPids(primary.pid!).includes(victim!) ? undefined : true));
    expect(await statusSoon(`${base}/ogori/`)).toBe(200);
    const replaced = await until('a replacement worker', () => {
      const now = childPids(primary.pid!);
      return now.length === 2 && !now.includes(victim!) ? now : undefined;
    });
    expect(replaced).toContain(survivor);
    // The primary's log line comes through a pipe, so it may arrive after the new process shows in /proc.
    await until('the primary to report the loss', () =>
      log.includes('worker stopped unexpectedly') ? true : undefined,
    );
    await until('the replacement to listen', () => (log.split('"listening"').length - 1 >= 3 ? true : undefined));
    expect(await statusSoon(`${base}/readyz`)).toBe(200);
  }, 90_000);

  it('stops every worker and exits 0 on SIGTERM', async () => {
    const workers = childPids(primary.pid!);
    const exited = new Promise<number | null>((r) => primary.once('exit', (code) => r(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
    await expect(statusOf(`${base}/readyz`)).rejects.toThrow(/ECONNREFUSED/);
  }, 60_000);
});
