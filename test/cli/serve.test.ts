import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../harness/postgres-server.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/shinchoku.js');

function startServe(url: string, port: number): { child: ChildProcess; logs: () => string; ready: Promise<void> } {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('"msg":"listening"')) resolve();
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return { child, logs: () => out, ready };
}

const exited = (child: ChildProcess) => new Promise<number | null>((r) => child.on('exit', (code) => r(code)));

describe('shinchoku serve', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterAll(() => db.drop());

  it('creates and seeds the database on first run, reuses it on the second, and stops cleanly on SIGTERM', async () => {
    for (const run of [1, 2]) {
      const port = await freePort();
      const server = startServe(db.url, port);
      await server.ready;
      const home = await fetch(`http://127.0.0.1:${port}/ogori/action-plan-2/`);
      expect(home.status).toBe(200);
      const html = await home.text();
      expect(html).toContain('市民対話・情報発信の強化');
      expect(html).toContain('40.5%');
      const goal = await (await fetch(`http://127.0.0.1:${port}/ogori/action-plan-2/goals/1`)).text();
      expect(goal).toContain('車座トーク、出前トークの利用者アップ');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const done = exited(server.child);
      server.child.kill('SIGTERM');
      expect(await done).toBe(0);
      const logLines = server
        .logs()
        .trim()
        .split('\n')
        // The first start also prints the administrator's password as a framed block, not a log line.
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { msg: string });
      expect(logLines.some((l) => l.msg === 'shutting down')).toBe(true);
      expect(logLines.some((l) => l.msg === 'seeded an empty database with the bundled plan')).toBe(run === 1);
    }
  });
});
