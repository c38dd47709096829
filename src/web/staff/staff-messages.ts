import { ADMIN_MESSAGES } from './admin-messages.ts';
import { EVALUATION_MESSAGES } from './evaluation-messages.ts';
import { PLAN_EDIT_MESSAGES } from './plan-edit-messages.ts';
import { PUBLISH_MESSAGES } from './publish-messages.ts';
import { REPORT_MESSAGES } from './report-messages.ts';
import { ROUND_MESSAGES } from './round-messages.ts';
import { SHEET_FIELD_MESSAGES } from './sheet-field-messages.ts';
import { FORM_MESSAGES } from './staff-messages-forms.ts';
import { WORKBOOK_MESSAGES } from './workbook-messages.ts';

/**
 * UI text of the staff workspace, Japanese first then English, one key per message. Content (titles, 実績 …)
 * never appears here: it is shown as entered. `{name}` marks a parameter.
 */
export const STAFF_MESSAGES = {
  ...EVALUATION_MESSAGES,
  ...WORKBOOK_MESSAGES,
  'app.name': ['進捗 職員用', 'Shinchoku staff'],
  'app.skip': ['本文へ移動', 'Skip to main content'],
  'app.nav': ['職員用メニュー', 'Staff menu'],
  'app.home': ['ホーム', 'Home'],
  'app.logout': ['ログアウト', 'Sign out'],
  'app.password': ['パスワード変更', 'Change password'],
  'app.users': ['利用者管理', 'Users'],
  'app.lang': ['English', '日本語'],
  'app.langLabel': ['Show the staff pages in English', '職員用画面を日本語で表示'],
  'app.signedInAs': ['{name}（{role}）でログイン中', 'Signed in as {name} ({role})'],
  'app.public': ['公開サイト', 'Public site'],
  'app.breadcrumbs': ['現在位置', 'You are here'],
  'form.errorSummary': ['入力内容に誤りがあります', 'There is a problem'],
  'form.required': ['必須', 'required'],
  'common.none': ['なし', 'None'],
  'common.back': ['戻る', 'Back'],
  'common.save': ['保存する', 'Save'],
  'common.code': ['番号', 'Code'],
  'common.title': ['名称', 'Title'],
  'common.departments': ['担当課', 'Divisions'],
  'common.state': ['状況', 'Status'],
  'common.updatedAt': ['更新日時', 'Updated'],
  'common.actions': ['操作', 'Actions'],
  'common.overdue': ['期限超過', 'Overdue'],
  'common.dueSoon': ['期限間近', 'Due soon'],
  'common.returnedMark': ['（差戻しあり）', ' (returned)'],
  'common.count': ['{n}件', '{n}'],
  'common.total': ['合計', 'Total'],
  'common.open': ['開く', 'Open'],
  'common.fy': ['年度', 'Fiscal year'],
  'error.title': ['エラー', 'Error'],
  'error.forbidden': ['この操作を行う権限がありません。', 'You do not have permission to do this.'],
  'error.notFound': ['ページが見つかりません。', 'Page not found.'],
  'error.csrf': [
    'フォームの有効期限が切れたか、正しくない送信です。画面を読み込み直してから、もう一度操作してください。',
    'The form has expired or was not sent from this site. Reload the page and try again.',
  ],
  'error.otherSite': [
    '別のサイトから送信された操作は受け付けません。この画面を開き直してから、もう一度操作してください。',
    'A form sent from another site is not accepted. Open this page again and try once more.',
  ],
  'error.internal': ['内部エラーが発生しました。', 'An internal error occurred.'],
  'login.title': ['職員ログイン', 'Staff sign in'],
  'login.identifier': ['メールアドレスまたは職員番号', 'E-mail address or staff ID'],
  'login.password': ['パスワード', 'Password'],
  'login.organization': ['団体', 'Organization'],
  'login.organizationHint': [
    '同じメールアドレスや職員番号が他の団体でも使われているときは、団体を選ばなければログインできません。',
    'An e-mail address or staff ID that another organization also uses signs in only with the organization chosen.',
  ],
  'login.organizationAny': ['（選ばない）', '(none)'],
  'login.identifierMissing': [
    'メールアドレスまたは職員番号を入力してください',
    'Enter your e-mail address or staff ID',
  ],
  'login.passwordMissing': ['パスワードを入力してください', 'Enter your password'],
  'login.submit': ['ログイン', 'Sign in'],
  'login.expired': [
    '一定時間操作がなかったため、ログアウトしました。',
    'You were signed out after a period of inactivity.',
  ],
  'login.expiredKept': [
    '一定時間操作がなかったため、ログアウトしました。送信された入力はまだ保存されていません。30分以内にもう一度ログインすると、入力画面に戻します。',
    'You were signed out after a period of inactivity. What you sent has not been saved yet; sign in again within 30 minutes to get it back in the form.',
  ],
  'login.loggedOut': ['ログアウトしました。', 'You have signed out.'],
  'password.title': ['パスワード変更', 'Change password'],
  'password.mustChange': [
    '初期パスワードのままです。新しいパスワードを設定してください。',
    'You are using an initial password. Please set a new one.',
  ],
  'password.current': ['現在のパスワード', 'Current password'],
  'password.new': ['新しいパスワード（12文字以上）', 'New password (at least 12 characters)'],
  'password.confirm': ['新しいパスワード（確認）', 'New password (again)'],
  'password.changed': ['パスワードを変更しました。', 'Your password has been changed.'],
  'home.title': ['職員用ホーム', 'Staff home'],
  'home.plans': ['計画', 'Plans'],
  'home.rounds': ['照会（年度ごとの進捗報告）', 'Reporting rounds'],
  'home.noRound': ['開始された照会はまだありません。', 'No reporting round has been opened yet.'],
  'home.mine': ['担当の取組（{fy}）', 'My initiatives ({fy})'],
  'home.board': ['状況一覧（{fy}）', 'Status board ({fy})'],
  'home.executive': ['幹部向け概況', 'Executive view'],
  'home.publish': ['公表', 'Publish'],
  'home.editPlan': ['計画の編集', 'Edit the plan'],
  'work.title': ['あなたを待っている作業（{fy}・{plan}）', 'Waiting for you ({fy}, {plan})'],
  'work.summary': ['件数', 'Counts'],
  'work.toEnter': ['入力待ち', 'To enter'],
  'work.returned': ['差し戻された取組', 'Returned to you'],
  'work.toApprove': ['承認待ち', 'To approve'],
  'work.overdue': ['期限超過', 'Overdue'],
  'work.listOf': ['{list}（{n}件）', '{list} ({n})'],
  'work.nothing': ['待っている作業はありません。', 'Nothing is waiting for you.'],
  'work.notices': ['お知らせ', 'Notices'],
  'work.noticesLead': [
    'メール通知が設定されていないため、リマインダーの内容をここに表示します。',
    'E-mail is not configured, so the reminders are shown here.',
  ],
  'work.notice.due-soon': [
    '{fy}の進捗報告が未提出の取組が{n}件あります。提出期限は {date}（あと{days}日）です。',
    'Not yet submitted for {fy}: {n}. The due date is {date} ({days} days left).',
  ],
  'work.notice.overdue': [
    '{fy}の進捗報告が未提出の取組が{n}件あります。提出期限 {date} を{days}日過ぎています。',
    'Not yet submitted for {fy}: {n}. The due date {date} passed {days} days ago.',
  ],
  'work.notice.approval': [
    '課内承認を待っている取組が{n}件あります（{fy}）。',
    'Waiting for your approval ({fy}): {n}.',
  ],
  ...ROUND_MESSAGES,
  ...REPORT_MESSAGES,
  ...PUBLISH_MESSAGES,
  ...ADMIN_MESSAGES,
  ...PLAN_EDIT_MESSAGES,
  ...SHEET_FIELD_MESSAGES,
  ...FORM_MESSAGES,
} as const satisfies Record<string, readonly [string, string]>;

export type StaffMessageKey = keyof typeof STAFF_MESSAGES;
