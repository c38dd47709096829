import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaff, TEST_PASSWORD } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];
const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

for (const dialect of DIALECTS) {
  describe(`login throttling under parallel attempts and forged X-Forwarded-For (${dialect})`, () => {
    let server: TestServer;
    const previous = process.env.TRUST_PROXY;
    beforeAll(async () => {
      // One trusted proxy in front: the client is the right-most X-Forwarded-For entry.
      process.env.TRUST_PROXY = '1';
      server = await startTestServer({ database: dialect });
      await buildStaff(server.ctx, { role: 'viewer', email: 'target@example.jp' });
    });
    afterAll(async () => {
      if (previous === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = previous;
      await server.close();
    });

    async function attempt(identifier: string, password: string, forwardedFor: string) {
      const page = await server.get('/staff/login', { headers: { 'x-forwarded-for': forwardedFor } });
      const res = await server.get('/staff/login', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: cookieOf(page, 'shinchoku_login_csrf')!,
          'x-forwarded-for': forwardedFor,
        },
        body: new URLSearchParams({ _csrf: csrfIn(await page.text()), identifier, password, next: '/staff/' }),
      });
      await res.arrayBuffer();
      return res.status;
    }

    it('lets exactly 5 of 30 parallel guesses at one account reach the password check', async () => {
      // The check and the record are one step per account, so the burst neither slips past the limit nor refuses
      // every guess (which a check after the others' records would, when all 30 record before any counts).
      const statuses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => attempt('target@example.jp', `guess-${i}`, `192.0.2.${i + 1}`)),
      );
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25);
      // Locked now, even with the right password.
      expect(await attempt('target@example.jp', TEST_PASSWORD, '192.0.2.200')).toBe(429);
    });

    it('counts one address however the client fills the left of X-Forwarded-For', async () => {
      // 50 failures per address (the default), each against another account and with another forged entry.
      const statuses: number[] = [];
      for (let i = 0; i < 52; i++) {
        statuses.push(await attempt(`nobody-${i}@example.jp`, 'wrong-password', `10.9.${i}.1, 198.51.100.7`));
      }
      expect(statuses.slice(0, 50)).toEqual(Array(50).fill(401));
      expect(statuses.slice(50)).toEqual([429, 429]);
      // Another real client behind the same proxy is not affected.
      expect(await attempt('nobody-x@example.jp', 'wrong-password', '198.51.100.7, 198.51.100.8')).toBe(401);
    });

    it('over HTTPS (the trusted proxy says so) session and form cookies are __Host- cookies, plain names ignored', async () => {
      await buildStaff(server.ctx, { role: 'viewer', email: 'https@example.jp' });
      const https = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.77' };
      const page = await server.get('/staff/login', { headers: https });
      const csrf = csrfIn(await page.text());
      expect(page.headers.getSetCookie()).toEqual([
        `__Host-shinchoku_login_csrf=${csrf}; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Lax`,
      ]);
      const res = await server.get('/staff/login', {
        method: 'POST',
        headers: {
          ...https,
          'content-type': 'application/x-www-form-urlencoded',
          origin: server.url.replace('http:', 'https:'),
          cookie: `__Host-shinchoku_login_csrf=${csrf}`,
        },
        body: new URLSearchParams({ _csrf: csrf, identifier: 'https@example.jp', password: TEST_PASSWORD }),
      });
      expect(res.status).toBe(303);
      const [session, cleared] = res.headers.getSetCookie();
      expect(session).toMatch(/^__Host-shinchoku_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
      expect(cleared).toBe('__Host-shinchoku_login_csrf=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax');
      const token = session!.split(';')[0]!.split('=')[1]!;
      const home = (cookie: string, headers: Record<string, string> = https) =>
        server.get('/staff/', { headers: { ...headers, cookie } }).then((r) => r.status);
      expect(await home(`__Host-shinchoku_session=${token}`)).toBe(200);
      // Over HTTPS a cookie without the prefix could have been planted (by plain HTTP or a neighbouring host).
      expect(await home(`shinchoku_session=${token}`)).toBe(303);
      // A plain-HTTP trial run keeps today's cookies on /staff.
      const plain = await server.get('/staff/login', { headers: { 'x-forwarded-for': '203.0.113.78' } });
      expect(plain.headers.getSetCookie()[0]).toMatch(
        /^shinchoku_login_csrf=[^;]+; Max-Age=3600; Path=\/staff; HttpOnly; SameSite=Lax$/,
      );
    });
  });
}
