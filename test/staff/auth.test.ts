import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeOwnPassword,
  createUser,
  ensureFirstAdmin,
  isAppError,
  listStaffUsers,
  login,
  logout,
  resetUserPassword,
  resolveStaffSession,
  setUserDisabled,
  systemActor,
} from '../../src/app/index.ts';
import { type AppFixture, createAppFixture } from '../harness/app-fixture.ts';
import { buildStaff, TEST_PASSWORD } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}

for (const dialect of DIALECTS) {
  describe(`staff accounts and sessions on ${dialect}`, () => {
    let fx: AppFixture;
    let clock = new Date('2024-04-01T09:00:00Z');
    const advance = (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    };
    beforeAll(async () => {
      fx = await createAppFixture(dialect, { now: () => clock });
    });
    afterAll(() => fx.close());

    it('creates the first administrator once, with a generated password that works', async () => {
      const first = await ensureFirstAdmin(fx.ctx);
      expect(first).toMatchObject({ organizationSlug: 'ogori', email: 'admin@localhost', staffId: 'admin' });
      expect(first!.generatedPassword).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
      expect(await ensureFirstAdmin(fx.ctx)).toBeNull();
      const byStaffId = await login({
        ctx: fx.ctx,
        identifier: 'admin',
        password: first!.generatedPassword!,
        ip: '10.0.0.1',
      });
      expect(byStaffId.mustChangePassword).toBe(true);
      expect(byStaffId.organizationSlug).toBe('ogori');
      const users = await listStaffUsers({ ctx: fx.ctx, actor: systemActor(), organizationSlug: 'ogori' });
      expect(users.map((u) => [u.email, u.role, u.mustChangePassword])).toEqual([['admin@localhost', 'admin', true]]);
    });

    it('validates new accounts with messages naming the field', async () => {
      const bad = (input: Parameters<typeof createUser>[0]['input']) =>
        createUser({ ctx: fx.ctx, actor: systemActor(), organizationSlug: 'ogori', input }).catch((e) => [
          e.code,
          e.messageJa,
          e.details,
        ]);
      expect(await bad({ email: 'x@y', displayName: 'A', role: 'department-editor' })).toEqual([
        'invalid-input',
        '担当課を選んでください',
        {
          kind: 'fields',
          fieldErrors: { departmentCode: { ja: '担当課を選んでください', en: 'Choose a department for this role' } },
        },
      ]);
      expect(await bad({ email: 'x@y', displayName: 'A', role: 'department-editor', departmentCode: 'nope' })).toEqual([
        'invalid-input',
        '担当課「nope」は登録されていません',
        {
          kind: 'fields',
          fieldErrors: {
            departmentCode: { ja: '担当課「nope」は登録されていません', en: 'department "nope" does not exist' },
          },
        },
      ]);
      expect(await bad({ email: 'not-an-address', displayName: 'A', role: 'viewer' })).toEqual([
        'invalid-input',
        'メールアドレスの形式で入力してください',
        {
          kind: 'fields',
          fieldErrors: { email: { ja: 'メールアドレスの形式で入力してください', en: 'Enter an e-mail address' } },
        },
      ]);
      expect(await bad({ email: 'x@y', displayName: 'A', role: 'viewer', password: 'short' })).toEqual([
        'invalid-input',
        'パスワードは12文字以上にしてください',
        {
          kind: 'fields',
          fieldErrors: {
            password: { ja: 'パスワードは12文字以上にしてください', en: 'Use a password of at least 12 characters' },
          },
        },
      ]);
      expect(await bad({ email: 'ADMIN@localhost', displayName: 'A', role: 'viewer' })).toEqual([
        'already-exists',
        'メールアドレス admin@localhost は既に登録されています',
        {
          kind: 'fields',
          fieldErrors: {
            email: {
              ja: 'メールアドレス admin@localhost は既に登録されています',
              en: 'admin@localhost is already registered',
            },
          },
        },
      ]);
    });

    it('only administrators manage users', async () => {
      const editor = await buildStaff(fx.ctx, { role: 'department-editor', department: 'kenko' });
      const admin = await buildStaff(fx.ctx, { role: 'admin' });
      const input = { email: 'new@example.jp', displayName: 'N', role: 'viewer' as const };
      expect(await codeOf(createUser({ ctx: fx.ctx, actor: editor.actor, organizationSlug: 'ogori', input }))).toBe(
        'forbidden',
      );
      expect(await codeOf(createUser({ ctx: fx.ctx, actor: admin.actor, organizationSlug: 'ogori', input }))).toBe(
        'ok',
      );
    });

    it('logs in by e-mail in any case, opens a session with a CSRF token, and ends it on logout', async () => {
      const editor = await buildStaff(fx.ctx, { role: 'department-editor', department: 'kenko', staffId: 'K-001' });
      const res = await login({
        ctx: fx.ctx,
        identifier: editor.email.toUpperCase(),
        password: TEST_PASSWORD,
        ip: 'a',
      });
      const session = await resolveStaffSession(fx.ctx, res.token);
      expect(session?.actor).toMatchObject({ kind: 'user', role: 'department-editor', departmentCode: 'kenko' });
      expect(session?.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(session?.expiresAt).toBe(new Date(clock.getTime() + 12 * 3_600_000).toISOString());
      const second = await login({ ctx: fx.ctx, identifier: 'K-001', password: TEST_PASSWORD, ip: 'a' });
      expect(second.token).not.toBe(res.token);
      await logout(fx.ctx, res.token);
      expect(await resolveStaffSession(fx.ctx, res.token)).toBeNull();
      expect(await resolveStaffSession(fx.ctx, second.token)).not.toBeNull();
      expect(await resolveStaffSession(fx.ctx, 'forged-token')).toBeNull();
    });

    it('gives the same error for an unknown address, a wrong password and a disabled account', async () => {
      const viewer = await buildStaff(fx.ctx, { role: 'viewer' });
      const attempt = (identifier: string, password: string) =>
        login({ ctx: fx.ctx, identifier, password, ip: `ip-${identifier}` }).catch((e) => [e.code, e.messageJa]);
      const generic = ['unauthenticated', 'メールアドレス（職員番号）またはパスワードが正しくありません'];
      expect(await attempt('nobody@example.jp', TEST_PASSWORD)).toEqual(generic);
      expect(await attempt(viewer.email, 'wrong-password')).toEqual(generic);
      await setUserDisabled({
        ctx: fx.ctx,
        actor: systemActor(),
        organizationSlug: 'ogori',
        user: viewer.email,
        disabled: true,
      });
      expect(await attempt(viewer.email, TEST_PASSWORD)).toEqual(generic);
    });

    it('throttles an account after 5 failures for 15 minutes, even with the right password', async () => {
      const editor = await buildStaff(fx.ctx, { role: 'department-editor', department: 'kenko' });
      const attempt = (password: string, ip = 'throttle-ip') =>
        codeOf(login({ ctx: fx.ctx, identifier: editor.email, password, ip }));
      for (let i = 0; i < 5; i++) expect(await attempt('wrong-password')).toBe('unauthenticated');
      expect(await attempt(TEST_PASSWORD, 'another-ip')).toBe('rate-limited');
      advance(15 * 60_000 + 1000);
      expect(await attempt(TEST_PASSWORD)).toBe('ok');
    });

    it('throttles an address after its configured number of failures across accounts', async () => {
      const settings = {
        idleMinutes: 60,
        absoluteHours: 12,
        throttleWindowMinutes: 15,
        maxAccountFailures: 5,
        maxIpFailures: 3,
      };
      const viewer = await buildStaff(fx.ctx, { role: 'viewer' });
      for (let i = 0; i < 3; i++) {
        expect(
          await codeOf(login({ ctx: fx.ctx, identifier: `x${i}@e.jp`, password: 'p', ip: '192.0.2.9', settings })),
        ).toBe('unauthenticated');
      }
      expect(
        await codeOf(
          login({ ctx: fx.ctx, identifier: viewer.email, password: TEST_PASSWORD, ip: '192.0.2.9', settings }),
        ),
      ).toBe('rate-limited');
    });

    it('ends sessions after 60 idle minutes and 12 hours in all', async () => {
      const viewer = await buildStaff(fx.ctx, { role: 'viewer' });
      const idle = await login({ ctx: fx.ctx, identifier: viewer.email, password: TEST_PASSWORD, ip: 'b' });
      advance(59 * 60_000);
      expect(await resolveStaffSession(fx.ctx, idle.token)).not.toBeNull();
      advance(59 * 60_000);
      expect(await resolveStaffSession(fx.ctx, idle.token)).not.toBeNull();
      advance(60 * 60_000);
      expect(await resolveStaffSession(fx.ctx, idle.token)).toBeNull();
      const busy = await login({ ctx: fx.ctx, identifier: viewer.email, password: TEST_PASSWORD, ip: 'b' });
      for (let h = 0; h < 11; h++) {
        advance(55 * 60_000);
        expect(await resolveStaffSession(fx.ctx, busy.token)).not.toBeNull();
      }
      advance(61 * 60_000);
      expect(await resolveStaffSession(fx.ctx, busy.token)).toBeNull();
    });

    it('a password change keeps this session and ends the others; a reset ends all', async () => {
      const editor = await buildStaff(fx.ctx, { role: 'department-editor', department: 'kenko' });
      const a = await login({ ctx: fx.ctx, identifier: editor.email, password: TEST_PASSWORD, ip: 'c' });
      const b = await login({ ctx: fx.ctx, identifier: editor.email, password: TEST_PASSWORD, ip: 'c' });
      const session = (await resolveStaffSession(fx.ctx, a.token))!;
      expect(
        await changeOwnPassword({
          ctx: fx.ctx,
          session,
          currentPassword: 'wrong',
          newPassword: 'new-password-123',
        }).catch((e) => e.messageJa),
      ).toBe('現在のパスワードが正しくありません');
      await changeOwnPassword({
        ctx: fx.ctx,
        session,
        currentPassword: TEST_PASSWORD,
        newPassword: 'new-password-123',
      });
      expect(await resolveStaffSession(fx.ctx, a.token)).not.toBeNull();
      expect(await resolveStaffSession(fx.ctx, b.token)).toBeNull();
      expect(
        await codeOf(login({ ctx: fx.ctx, identifier: editor.email, password: 'new-password-123', ip: 'c' })),
      ).toBe('ok');
      const reset = await resetUserPassword({
        ctx: fx.ctx,
        actor: systemActor(),
        organizationSlug: 'ogori',
        user: editor.email,
      });
      expect(reset.user.mustChangePassword).toBe(true);
      expect(await resolveStaffSession(fx.ctx, a.token)).toBeNull();
      const again = await login({ ctx: fx.ctx, identifier: editor.email, password: reset.generatedPassword!, ip: 'c' });
      expect(again.mustChangePassword).toBe(true);
    });
  });
}
