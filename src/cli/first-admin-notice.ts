import type { FirstAdmin } from '../app/index.ts';

/** What `init` and the first `serve` print when they created the first administrator. */
export function firstAdminNotice(admin: FirstAdmin): string {
  const lines = [
    `created the first administrator of "${admin.organizationSlug}": ${admin.email} (staff ID "${admin.staffId}")`,
  ];
  if (admin.generatedPassword !== undefined) {
    lines.push(
      `initial password: ${admin.generatedPassword}`,
      'This password is shown only this once. Sign in at /staff/login and change it.',
      '初期パスワードは今回だけ表示されます。/staff/login からログインして変更してください。',
    );
  } else {
    lines.push('password: taken from SHINCHOKU_ADMIN_PASSWORD');
  }
  return `${lines.join('\n')}\n`;
}
