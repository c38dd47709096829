import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, DEFAULT_AUTH_SETTINGS, systemActor } from '../../src/app/index.ts';
import { staffRoutes } from '../../src/web/staff/staff-routes.tsx';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, TEST_PASSWORD } from '../harness/staff-factory.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
});
const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];
const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('staff login, sessions and CSRF over HTTP', () => {
  let server: TestServer;
  let clock = new Date('2024-04-15T00:00:00Z');
  beforeAll(async () => {
    server = await startTestServer({ now: () => clock });
    await buildStaff(server.ctx, { role: 'viewer', email: 'viewer@example.jp' });
    await buildStaff(server.ctx, { role: 'department-editor', department: 'kenko', email: 'kenko@example.jp' });
  });
  afterAll(() => server.close());

  async function loginForm() {
    const res = await server.get('/staff/login');
    return { cookie: cookieOf(res, 'shinchoku_login_csrf')!, csrf: csrfIn(await res.text()), res };
  }

  async function signIn(email: string, password = TEST_PASSWORD, extraCookie = '') {
    const { cookie, csrf } = await loginForm();
    const res = await server.get('/staff/login', {
      ...form({ _csrf: csrf, identifier: email, password, next: '/staff/' }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [cookie, extraCookie].filter(Boolean).join('; '),
      },
    });
    return { res, session: cookieOf(res, 'shinchoku_session') };
  }

  it('serves the login form with a CSRF cookie limited to /staff, HttpOnly and SameSite=Lax', async () => {
    const { res, csrf } = await loginForm();
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie().find((c) => c.startsWith('shinchoku_login_csrf='))!;
    expect(set).toBe(`shinchoku_login_csrf=${csrf}; Max-Age=3600; Path=/staff; HttpOnly; SameSite=Lax`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses a login without the form’s token', async () => {
    const { cookie } = await loginForm();
    const res = await server.get('/staff/login', {
      ...form({ _csrf: 'forged', identifier: 'viewer@example.jp', password: TEST_PASSWORD }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    expect(res.status).toBe(403);
    expect(cookieOf(res, 'shinchoku_session')).toBeUndefined();
  });

  it('answers a wrong password with the generic message and keeps what was typed as the identifier', async () => {
    const { res } = await signIn('viewer@example.jp', 'wrong-password');
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('メールアドレス（職員番号）またはパスワードが正しくありません');
    expect(html).toContain('value="viewer@example.jp"');
  });

  it('logs in with a fresh session id, drops a planted one, and logs out server-side', async () => {
    const first = await signIn('viewer@example.jp');
    expect(first.res.status).toBe(303);
    expect(first.res.headers.get('location')).toBe('/staff/');
    const set = first.res.headers.getSetCookie().find((c) => c.startsWith('shinchoku_session='))!;
    expect(set).toMatch(/^shinchoku_session=[A-Za-z0-9_-]{43}; Path=\/staff; HttpOnly; SameSite=Lax$/);
    const second = await signIn('viewer@example.jp', TEST_PASSWORD, first.session);
    expect(second.session).not.toBe(first.session);
    expect((await server.get('/staff/', { headers: { cookie: first.session! } })).status).toBe(303);
    const home = await server.get('/staff/', { headers: { cookie: second.session! } });
    expect(home.status).toBe(200);
    const csrf = csrfIn(await home.text());
    const out = await server.get('/staff/logout', {
      ...form({ _csrf: csrf }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: second.session! },
    });
    expect([out.status, out.headers.get('location')]).toEqual([303, '/staff/login?notice=logged-out']);
    const again = await server.get('/staff/', { headers: { cookie: second.session! } });
    expect([again.status, again.headers.get('location')]).toEqual([303, '/staff/login?next=%2Fstaff%2F']);
  });

  it('refuses a POST without the session’s token or from another origin', async () => {
    const { session } = await signIn('kenko@example.jp');
    const page = await server.get('/staff/account/password', { headers: { cookie: session! } });
    const csrf = csrfIn(await page.text());
    const post = (fields: Record<string, string>, origin?: string) =>
      server.get('/staff/account/password', {
        ...form(fields),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: session!,
          ...(origin && { origin }),
        },
      });
    const fields = { currentPassword: 'wrong', password: 'new-password-1', confirm: 'new-password-1' };
    expect((await post(fields)).status).toBe(403);
    expect((await post({ ...fields, _csrf: 'x'.repeat(43) })).status).toBe(403);
    expect((await post({ ...fields, _csrf: csrf }, 'http://evil.example')).status).toBe(403);
    const referred = await server.get('/staff/account/password', {
      ...form({ ...fields, _csrf: csrf }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: session!,
        referer: 'http://evil.example/page.html',
      },
    });
    expect(referred.status).toBe(403);
    expect(await referred.text()).toContain('別のサイトから送信された操作は受け付けません');
    const ok = await post({ ...fields, _csrf: csrf }, server.url);
    expect(ok.status).toBe(400);
    expect(await ok.text()).toContain('現在のパスワードが正しくありません');
  });

  it('refuses a login from another site, and a form token the server did not sign or that has expired', async () => {
    const send = (token: string, headers: Record<string, string>) =>
      server.get('/staff/login', {
        ...form({ _csrf: token, identifier: 'viewer@example.jp', password: TEST_PASSWORD, next: '/staff/' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      });
    const answer = async (res: Response) => {
      const html = await res.text();
      return [
        res.status,
        cookieOf(res, 'shinchoku_session'),
        html.includes('別のサイトから送信された操作は受け付けません'),
      ];
    };
    const { cookie, csrf } = await loginForm();
    expect(await answer(await send(csrf, { cookie, origin: 'http://evil.example' }))).toEqual([403, undefined, true]);
    expect(await answer(await send(csrf, { cookie, origin: 'null' }))).toEqual([403, undefined, true]);
    expect(await answer(await send(csrf, { cookie, referer: 'http://evil.example/login.html' }))).toEqual([
      403,
      undefined,
      true,
    ]);
    // A value anyone can make up, in the cookie and the form alike, or a signed one with its signature changed.
    const made = 'a'.repeat(43);
    const tampered = `${csrf.slice(0, -1)}${csrf.endsWith('A') ? 'B' : 'A'}`;
    expect(await answer(await send(made, { cookie: `shinchoku_login_csrf=${made}` }))).toEqual([403, undefined, false]);
    expect(await answer(await send(tampered, { cookie: `shinchoku_login_csrf=${tampered}` }))).toEqual([
      403,
      undefined,
      false,
    ]);
    // The server's own token an hour later.
    clock = new Date(clock.getTime() + 60 * 60_000);
    expect(await answer(await send(csrf, { cookie }))).toEqual([403, undefined, false]);
    // Sent from this site, as a browser sends it.
    const fresh = await loginForm();
    const ok = await send(fresh.csrf, {
      cookie: fresh.cookie,
      origin: server.url,
      referer: `${server.url}/staff/login`,
    });
    expect([ok.status, cookieOf(ok, 'shinchoku_session')?.length]).toEqual([303, 'shinchoku_session='.length + 43]);
  });

  it('says which field is missing on an empty login, keeping what was typed, without counting a failure', async () => {
    const { res } = await signIn('viewer@example.jp', '');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<p class="field__error" id="f-password-error">パスワードを入力してください</p>');
    expect(html).toContain('value="viewer@example.jp"');
    expect(html).not.toContain('f-identifier-error');
    const both = await signIn('', '');
    expect(textOf(await both.res.text())).toContain(
      '入力内容に誤りがあります メールアドレスまたは職員番号を入力してください パスワードを入力してください',
    );
  });

  it('throttles an account after 5 failed logins, then lets it in after the window', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('kenko@example.jp', 'nope-nope')).res.status).toBe(401);
    const locked = await signIn('kenko@example.jp');
    expect(locked.res.status).toBe(429);
    expect(await locked.res.text()).toContain(
      'ログインの失敗が続いたため、しばらく受け付けません。最長15分後に、もう一度お試しください',
    );
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await signIn('kenko@example.jp')).res.status).toBe(303);
  });

  it('ends a session after an hour without use', async () => {
    const { session } = await signIn('viewer@example.jp');
    clock = new Date(clock.getTime() + 59 * 60_000);
    expect((await server.get('/staff/', { headers: { cookie: session! } })).status).toBe(200);
    clock = new Date(clock.getTime() + 61 * 60_000);
    expect((await server.get('/staff/', { headers: { cookie: session! } })).status).toBe(303);
  });

  it('sends a user with an initial password to change it first', async () => {
    const { generatedPassword } = await createUser({
      ctx: server.ctx,
      actor: systemActor(),
      organizationSlug: 'ogori',
      input: { email: 'new@example.jp', displayName: '新規', role: 'viewer' },
    });
    const { res, session } = await signIn('new@example.jp', generatedPassword);
    expect(res.headers.get('location')).toBe('/staff/account/password');
    const home = await server.get('/staff/plans/action-plan-2/executive', { headers: { cookie: session! } });
    expect(home.headers.get('location')).toBe('/staff/account/password');
  });

  it('answers an unknown workspace address with the workspace’s 404 page, after the session check', async () => {
    const anonymous = await server.get('/staff/no-such-page');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/staff/login?next=%2Fstaff%2Fno-such-page');
    const { session } = await signIn('viewer@example.jp');
    const res = await server.get('/staff/no-such-page', { headers: { cookie: session! } });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('ページが見つかりません。');
    expect(html).toContain('action="/staff/logout"'); // the workspace's layout, signed in
  });

  it('marks cookies Secure behind a trusted HTTPS proxy only', async () => {
    const base = { auth: DEFAULT_AUTH_SETTINGS, mailer: null, baseUrl: null };
    const trusted = staffRoutes(server.ctx, { ...base, trustProxy: 1 });
    const untrusted = staffRoutes(server.ctx, { ...base, trustProxy: 0 });
    const headers = { 'X-Forwarded-Proto': 'https' };
    const a = await trusted.request('/login', { headers });
    const b = await untrusted.request('/login', { headers });
    expect(a.headers.getSetCookie()[0]).toMatch(
      /^__Host-shinchoku_login_csrf=[^;]+; Max-Age=3600; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    expect(b.headers.getSetCookie()[0]).toMatch(
      /^shinchoku_login_csrf=[^;]+; Max-Age=3600; Path=\/staff; HttpOnly; SameSite=Lax$/,
    );
  });
});
