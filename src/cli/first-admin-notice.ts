import type { FirstAdmin } from '../app/index.ts';

const RULE = '='.repeat(72);

/**
 * What `init` and the first `serve` print when they created the first administrator: a framed block of plain
 * lines, so the person at the terminal can read (and copy) the one-time password without digging it out of a
 * JSON log line.
 */
export function firstAdminNotice(admin: FirstAdmin): string {
  const lines = [
    RULE,
    '最初の管理者を作成しました / First administrator created',
    '',
    `created the first administrator of "${admin.organizationSlug}": ${admin.email} (staff ID "${admin.staffId}")`,
  ];
  if (admin.generatedPassword !== undefined) {
    lines.push(
      `initial password: ${admin.generatedPassword}`,
      '',
      `  ログインID（メールアドレス）: ${admin.email}`,
      `  職員番号:                   ${admin.staffId}`,
      `  初期パスワード:             ${admin.generatedPassword}`,
      '',
      '初期パスワードは今回だけ表示されます。/staff/login からログインして変更してください。',
      'This password is shown only this once. Sign in at /staff/login and change it.',
    );
  } else {
    lines.push('password: taken from SHINCHOKU_ADMIN_PASSWORD');
  }
  lines.push(RULE);
  return `${lines.join('\n')}\n`;
}
