import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaff, signInStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

for (const dialect of DIALECTS) {
  describe(`adding a user with a staff ID already taken (${dialect})`, () => {
    let server: TestServer;
    let admin: { cookie: string; csrf: string };
    beforeAll(async () => {
      server = await startTestServer({ database: dialect });
      const a = await buildStaff(server.ctx, { role: 'admin' });
      admin = await signInStaff(server.ctx, a.email, 'dup');
    });
    afterAll(() => server.close());

    const add = async (email: string) => {
      const res = await server.get('/staff/admin/users', {
        method: 'POST',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          _csrf: admin.csrf,
          email,
          displayName: '重複 太郎',
          role: 'viewer',
          departmentCode: '',
          staffId: 'S-0042',
        }),
      });
      return { status: res.status, html: await res.text() };
    };

    it('answers 400 beside the field and keeps the form, not 500', async () => {
      expect((await add('first@example.jp')).status).toBe(200);
      const second = await add('second@example.jp');
      expect(second.status).toBe(400);
      expect(second.html).toContain('職員番号 S-0042 は既に登録されています');
      expect(second.html).toContain('value="second@example.jp"');
    });
  });
}
