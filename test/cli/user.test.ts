import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../harness/run-cli.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../harness/test-database.ts';

for (const dialect of DIALECTS) {
  describe(`shinchoku user on ${dialect}`, () => {
    let db: TestDatabase;
    const env = (extra: Record<string, string> = {}) => ({ DATABASE_URL: db.url, ...extra });
    beforeAll(async () => {
      db = await createTestDatabase(dialect);
    });
    afterAll(() => db.drop());

    it('init creates the first administrator with the password from SHINCHOKU_ADMIN_PASSWORD, only once', async () => {
      const first = await runCli(['init'], env({ SHINCHOKU_ADMIN_PASSWORD: 'first-admin-pass' }));
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(
        'created the first administrator of "ogori": admin@localhost (staff ID "admin")\npassword: taken from SHINCHOKU_ADMIN_PASSWORD\n',
      );
      const second = await runCli(['init'], env());
      expect(second.stdout).not.toContain('administrator');
      const list = await runCli(['user', 'list'], env());
      expect(list.stdout).toBe(
        'email\tstaff-id\trole\tdepartment\tname\tflags\nadmin@localhost\tadmin\tadmin\t-\t管理者\t-\n',
      );
    });

    it('adds a department editor with a generated password printed once, disables and resets it', async () => {
      const add = await runCli(
        [
          'user',
          'add',
          '--email',
          'Kenko@Example.jp',
          '--name',
          '健康 花子',
          '--role',
          'department-editor',
          '--department',
          'kenko',
        ],
        env(),
      );
      expect(add.code).toBe(0);
      const password = /password for kenko@example\.jp: (\S{16})\n/.exec(add.stdout)?.[1];
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
      expect(add.stdout.split('\n')[0]).toBe(
        'added kenko@example.jp\t-\tdepartment-editor\tkenko\t健康 花子\tmust-change-password',
      );

      const fromEnv = await runCli(
        ['user', 'add', '--email', 'v@example.jp', '--name', '委員', '--role', 'viewer', '--password-env', 'PW'],
        env({ PW: 'viewer-password-1' }),
      );
      expect(fromEnv.stdout).toBe('added v@example.jp\t-\tviewer\t-\t委員\t-\n');

      expect((await runCli(['user', 'disable', 'kenko@example.jp'], env())).stdout).toBe('disabled kenko@example.jp\n');
      const reset = await runCli(['user', 'reset-password', 'kenko@example.jp'], env());
      expect(reset.stdout).toMatch(
        /^reset the password of kenko@example\.jp; all its sessions were ended\npassword for kenko@example\.jp: \S{16}\n/,
      );
      const list = await runCli(['user', 'list'], env());
      expect(list.stdout.split('\n')).toContain(
        'kenko@example.jp\t-\tdepartment-editor\tkenko\t健康 花子\tdisabled,must-change-password',
      );
    });

    it('reports mistakes as user errors', async () => {
      const noDept = await runCli(
        ['user', 'add', '--email', 'a@b.jp', '--name', 'A', '--role', 'department-editor'],
        env(),
      );
      expect([noDept.code, noDept.stderr]).toEqual([
        1,
        'error: Choose a department for this role\n       担当課を選んでください\n',
      ]);
      const badRole = await runCli(['user', 'add', '--email', 'a@b.jp', '--name', 'A', '--role', 'boss'], env());
      expect(badRole.code).toBe(1);
      expect(badRole.stderr).toBe(
        'error: --role must be one of admin, plan-office, department-approver, department-editor, viewer\n',
      );
      const missing = await runCli(['user', 'disable', 'ghost@b.jp'], env());
      expect([missing.code, missing.stderr]).toEqual([
        1,
        'error: user "ghost@b.jp" not found\n       利用者「ghost@b.jp」が見つかりません\n',
      ]);
    });
  });
}
