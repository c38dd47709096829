import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUserDisabled, systemActor } from '../../src/app/index.ts';
import { readOgoriBundle } from '../harness/app-fixture.ts';
import { buildStaff, signInStaff, TEST_PASSWORD } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';
import { kitakazeBundle } from '../harness/two-organizations.ts';

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];
const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Accounts in two organizations of one installation: what one organization's staff and strangers can tell. */
for (const dialect of DIALECTS) {
  describe(`staff accounts across two organizations (${dialect})`, () => {
    let server: TestServer;
    let admin: { cookie: string; csrf: string };
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, bundles: () => [readOgoriBundle(), kitakazeBundle()] });
      const a = await buildStaff(server.ctx, { role: 'admin' });
      admin = await signInStaff(server.ctx, a.email, 'accounts');
      // The same staff ID in both organizations, each with the test password; one more ID used only by Ogori.
      await buildStaff(server.ctx, { role: 'viewer', email: 'shared-a@example.jp', staffId: 'S-7' });
      await buildStaff(server.ctx, { role: 'viewer', email: 'shared-b@example.jp', staffId: 'S-7', org: 'kitakaze' });
      await buildStaff(server.ctx, { role: 'viewer', email: 'single@example.jp', staffId: 'S-8' });
      await buildStaff(server.ctx, { role: 'viewer', email: 'off@example.jp', staffId: 'S-9' });
      await buildStaff(server.ctx, { role: 'viewer', email: 'kitakaze-only@example.jp', org: 'kitakaze' });
      await setUserDisabled({
        ctx: server.ctx,
        actor: systemActor(),
        organizationSlug: 'ogori',
        user: 'off@example.jp',
        disabled: true,
      });
    });
    afterAll(() => server.close());

    const add = async (email: string, staffId = 'S-0042') => {
      const res = await server.get('/staff/admin/users', {
        method: 'POST',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          _csrf: admin.csrf,
          email,
          displayName: '重複 太郎',
          role: 'viewer',
          departmentCode: '',
          staffId,
        }),
      });
      return { status: res.status, html: await res.text() };
    };

    async function signIn(identifier: string, password: string, organization?: string) {
      const page = await server.get('/staff/login');
      const res = await server.get('/staff/login', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: cookieOf(page, 'shinchoku_login_csrf')!,
        },
        body: new URLSearchParams({
          _csrf: csrfIn(await page.text()),
          identifier,
          password,
          next: '/staff/',
          ...(organization !== undefined && { organization }),
        }),
      });
      const html = await res.text();
      return { status: res.status, setCookies: res.headers.getSetCookie().map((c) => c.split('=')[0]), html };
    }

    it('answers 400 beside the field and keeps the form when a staff ID is taken, not 500', async () => {
      expect((await add('first@example.jp')).status).toBe(200);
      const second = await add('second@example.jp');
      expect(second.status).toBe(400);
      expect(second.html).toContain('職員番号 S-0042 は既に登録されています');
      expect(second.html).toContain('value="second@example.jp"');
    });

    it('an administrator learns nothing of another organization’s accounts: its addresses are free here', async () => {
      const other = await add('shared-b@example.jp', 'S-1001');
      expect([other.status, other.html.includes('既に登録されています')]).toEqual([200, false]);
      const own = await add('single@example.jp', 'S-1002');
      expect(own.status).toBe(400);
      expect(own.html).toContain('メールアドレス single@example.jp は既に登録されています');
      // Disabling by address finds only this organization's account: another's answers like no account at all.
      const disable = async (user: string) => {
        const res = await server.get(`/staff/admin/users/${encodeURIComponent(user)}/disable`, {
          method: 'POST',
          headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: admin.csrf }),
        });
        return [res.status, /<main[\s\S]*<\/main>/.exec(await res.text())?.[0].replace(user, '')];
      };
      expect(await disable('kitakaze-only@example.jp')).toEqual(await disable('nobody@example.jp'));
      // Both organizations now have shared-b@: it signs in with the organization chosen, and only then.
      expect((await signIn('shared-b@example.jp', TEST_PASSWORD)).status).toBe(401);
      expect((await signIn('shared-b@example.jp', TEST_PASSWORD, 'kitakaze')).status).toBe(303);
    });

    it('a staff ID several organizations use, an unknown one, a wrong password and a disabled account look alike', async () => {
      const attempts = [
        ['S-7', TEST_PASSWORD], // the right password of both S-7 accounts, but which one is meant?
        ['S-404', TEST_PASSWORD],
        ['S-8', 'wrong-password'],
        ['S-9', TEST_PASSWORD],
        ['nobody@example.jp', TEST_PASSWORD],
      ] as const;
      const answers = [];
      for (const [identifier, password] of attempts) {
        const r = await signIn(identifier, password);
        const html = r.html.replace(/name="_csrf" value="[^"]+"/, '').replace(`value="${identifier}"`, '');
        answers.push({ status: r.status, setCookies: r.setCookies, html });
      }
      expect(answers[0]!.status).toBe(401);
      expect(answers[0]!.setCookies).toEqual([]);
      expect(answers[0]!.html).toContain('メールアドレス（職員番号）またはパスワードが正しくありません');
      for (const a of answers) expect(a).toEqual(answers[0]);
    });

    it('signs a shared staff ID in with the organization chosen, and an ID only one organization uses without', async () => {
      const home = async (identifier: string, organization?: string) => {
        const r = await signIn(identifier, TEST_PASSWORD, organization);
        return [r.status, r.setCookies];
      };
      expect(await home('S-7', 'ogori')).toEqual([303, ['shinchoku_session', 'shinchoku_login_csrf']]);
      expect(await home('S-7', 'kitakaze')).toEqual([303, ['shinchoku_session', 'shinchoku_login_csrf']]);
      expect(await home('S-8')).toEqual([303, ['shinchoku_session', 'shinchoku_login_csrf']]);
      expect(await home('S-8', 'kitakaze')).toEqual([401, []]);
      expect(await home('S-7', 'no-such-org')).toEqual([401, []]);
      const form = await (await server.get('/staff/login')).text();
      expect(form).toContain('<option value="ogori">小郡市</option>');
    });
  });
}
