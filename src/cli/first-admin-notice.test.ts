import { describe, expect, it } from 'vitest';
import { firstAdminNotice } from './first-admin-notice.ts';

describe('firstAdminNotice', () => {
  it('prints the one-time password as a plain framed block', () => {
    const rule = '='.repeat(72);
    expect(
      firstAdminNotice({
        organizationSlug: 'ogori',
        email: 'admin@localhost',
        staffId: 'admin',
        generatedPassword: 'kX3v-9QpR-7mZt',
      }),
    ).toBe(
      [
        rule,
        '最初の管理者を作成しました / First administrator created',
        '',
        'created the first administrator of "ogori": admin@localhost (staff ID "admin")',
        'initial password: kX3v-9QpR-7mZt',
        '',
        '  ログインID（メールアドレス）: admin@localhost',
        '  職員番号:                   admin',
        '  初期パスワード:             kX3v-9QpR-7mZt',
        '',
        '初期パスワードは今回だけ表示されます。/staff/login からログインして変更してください。',
        'This password is shown only this once. Sign in at /staff/login and change it.',
        rule,
        '',
      ].join('\n'),
    );
  });

  it('does not repeat a password that came from the environment', () => {
    const text = firstAdminNotice({ organizationSlug: 'ogori', email: 'a@b.jp', staffId: 'admin' });
    expect(text).toContain('password: taken from SHINCHOKU_ADMIN_PASSWORD\n');
    expect(text).not.toContain('初期パスワード:');
  });
});
