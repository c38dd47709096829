import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../harness/postgres-server.ts';
import { runCli } from '../harness/run-cli.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/shinchoku.js');
const PASSWORD = 'two-process-pass-42';

interface Proc {
  child: ChildProcess;
  base: string;
}

async function startProcess(url: string): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { child, base };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];
const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Signs in on `base` with the login form served by `formFrom` (the same process unless told). */
async function signIn(base: string, identifier: string, password: string, formFrom = base) {
  const form = await fetch(`${formFrom}/staff/login`);
  const loginCookie = cookieOf(form, 'shinchoku_login_csrf')!;
  const res = await fetch(`${base}/staff/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: loginCookie },
    body: new URLSearchParams({ _csrf: csrfIn(await form.text()), identifier, password, next: '/staff/' }),
  });
  return { status: res.status, session: cookieOf(res, 'shinchoku_session') };
}

/**
 * Two app processes against one PostgreSQL database, as behind a load balancer: a session made on one is
 * valid on the other, a logout on one ends it on both, login throttling counts across both, and a new edition
 * published by either is what both serve.
 */
describe('two app processes sharing one PostgreSQL database', () => {
  let db: TestDatabase;
  let a: Proc;
  let b: Proc;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    expect((await runCli(['init'], { DATABASE_URL: db.url })).code).toBe(0);
    const add = await runCli(
      [
        'user',
        'add',
        '--email',
        'office@example.jp',
        '--name',
        '経営 太郎',
        '--role',
        'plan-office',
        '--password-env',
        'PW',
      ],
      { DATABASE_URL: db.url, PW: PASSWORD },
    );
    expect(add.code).toBe(0);
    [a, b] = await Promise.all([startProcess(db.url), startProcess(db.url)]);
  });
  afterAll(async () => {
    for (const p of [a, b]) p?.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await db.drop();
  });

  it('accepts on A a login form from B, on B the session created on A, and a logout on B ends it on A', async () => {
    // The login form came from B: its token is signed with the key both processes read from the database.
    const { status, session } = await signIn(a.base, 'office@example.jp', PASSWORD, b.base);
    expect(status).toBe(303);
    expect(session).toMatch(/^shinchoku_session=.+/);
    const onB = await fetch(`${b.base}/staff/`, { headers: { cookie: session! }, redirect: 'manual' });
    expect(onB.status).toBe(200);
    const html = await onB.text();
    expect(html).toContain('経営 太郎');
    const logout = await fetch(`${b.base}/staff/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session! },
      body: new URLSearchParams({ _csrf: csrfIn(html) }),
    });
    expect(logout.status).toBe(303);
    const onA = await fetch(`${a.base}/staff/`, { headers: { cookie: session! }, redirect: 'manual' });
    expect(onA.status).toBe(303);
    expect(onA.headers.get('location')).toBe('/staff/login?next=%2Fstaff%2F');
  });

  it('counts failed logins across both processes', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await signIn(i % 2 === 0 ? a.base : b.base, 'office@example.jp', 'wrong')).status);
    }
    // Five failures (default limit) lock the account for the window, whichever process saw them.
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    expect((await signIn(b.base, 'office@example.jp', PASSWORD)).status).toBe(429);
  });

  it('serves a newly published edition from both processes', async () => {
    const before = await (await fetch(`${a.base}/ogori/action-plan-2/`)).text();
    expect(before).toContain('令和4年度実績反映版');
    const pub = await runCli(['publish', '--name', '令和5年度実績反映版', '--fy', '2023'], { DATABASE_URL: db.url });
    expect(pub.code).toBe(0);
    // Current pages are repeated from memory for at most a second before the database is asked again.
    for (const p of [a, b]) {
      let html = '';
      for (let i = 0; i < 30 && !html.includes('令和5年度実績反映版'); i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 100));
        html = await (await fetch(`${p.base}/ogori/action-plan-2/`)).text();
      }
      expect(html).toContain('令和5年度実績反映版');
    }
  });
});
