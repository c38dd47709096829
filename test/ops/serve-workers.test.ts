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
  for (let i = 0; i < 300; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Status of a GET on a new connection (a pooled keep-alive one may lead to a worker that was killed). */
const statusOf = (url: string) =>
  new Promise<number>((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
      .on('error', reject);
  });

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
    expect(await statusOf(`${base}/ogori/`)).toBe(200);
    const replaced = await until('a replacement worker', () => {
      const now = childPids(primary.pid!);
      return now.length === 2 && !now.includes(victim!) ? now : undefined;
    });
    expect(replaced).toContain(survivor);
    expect(log).toContain('worker stopped unexpectedly');
    await until('the replacement to listen', () => (log.split('"listening"').length - 1 >= 3 ? true : undefined));
    expect(await statusOf(`${base}/readyz`)).toBe(200);
  }, 30_000);

  it('stops every worker and exits 0 on SIGTERM', async () => {
    const workers = childPids(primary.pid!);
    const exited = new Promise<number | null>((r) => primary.once('exit', (code) => r(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
    await expect(statusOf(`${base}/readyz`)).rejects.toThrow(/ECONNREFUSED/);
  }, 30_000);
});
