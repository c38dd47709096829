import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSmtpMailer,
  isAppError,
  login,
  mailerFromEnv,
  openReportingRound,
  resolveStaffSession,
  saveReport,
  sendRoundReminders,
  setOwnLanguage,
} from '../../src/app/index.ts';
import { type AppFixture, createAppFixture } from '../harness/app-fixture.ts';
import { parseMail, type SmtpSink, startSmtpSink } from '../harness/smtp-sink.ts';
import { buildStaff, TEST_PASSWORD, type TestStaff } from '../harness/staff-factory.ts';

describe('reminder e-mail through a real SMTP server', () => {
  let fx: AppFixture;
  let sink: SmtpSink;
  let clock = new Date('2024-05-27T00:00:00Z');
  const staff: Record<string, TestStaff> = {};
  const plan = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };
  beforeAll(async () => {
    fx = await createAppFixture('sqlite', { now: () => clock });
    sink = await startSmtpSink();
    staff.office = await buildStaff(fx.ctx, { role: 'plan-office' });
    staff.sports = await buildStaff(fx.ctx, {
      role: 'department-editor',
      department: 'sports-shinko',
      email: 'sports@example.jp',
      name: '運動 一郎',
    });
    staff.keiei = await buildStaff(fx.ctx, {
      role: 'department-editor',
      department: 'keiei-senryaku',
      email: 'keiei@example.jp',
    });
    staff.keieiBoss = await buildStaff(fx.ctx, {
      role: 'department-approver',
      department: 'keiei-senryaku',
      email: 'boss@example.jp',
    });
    await openReportingRound({ ctx: fx.ctx, actor: staff.office.actor, ...plan, dueDate: '2024-05-31' });
    await saveReport({
      ctx: fx.ctx,
      actor: staff.keiei.actor,
      ...plan,
      code: '1-2',
      expectedVersion: 1,
      values: { actual: 'アカウント開設', rating: '70' },
      submit: true,
    });
  });
  afterAll(async () => {
    await sink.close();
    await fx.close();
  });

  it('is off without SMTP_URL', async () => {
    expect(mailerFromEnv({})).toBeNull();
    const err = await sendRoundReminders({
      ctx: fx.ctx,
      actor: staff.office!.actor,
      ...plan,
      mailer: null,
      baseUrl: 'http://x',
    }).catch((e) => e);
    expect(isAppError(err) && err.messageJa).toBe('メール送信が設定されていません（SMTP_URL）');
  });

  it('mails each editor their unsubmitted initiatives and each 課長 what awaits approval, once a day', async () => {
    const mailer = createSmtpMailer(sink.url, 'shinchoku@ogori.example.jp');
    const props = {
      ctx: fx.ctx,
      actor: staff.office!.actor,
      ...plan,
      mailer,
      baseUrl: 'https://shinchoku.example.lg.jp',
    };
    const first = await sendRoundReminders(props);
    expect(first.sent.sort()).toEqual(['boss@example.jp', 'keiei@example.jp', 'sports@example.jp']);
    expect(sink.messages).toHaveLength(3);
    const toSports = sink.messages.find((m) => m.to[0] === 'sports@example.jp')!;
    const mail = parseMail(toSports.raw);
    expect(mail.subject).toBe('【進捗管理】令和5年度の照会: 提出期限が近づいています');
    expect(mail.text).toBe(
      [
        '運動 一郎 様',
        '',
        '令和5年度の進捗報告が未提出の取組があります。提出期限は 2024-05-31（あと4日）です。',
        '',
        '・3-3 小郡市体育館の建て替え',
        '・9-1 新たな部活動の仕組みづくり',
        '・15-1 プロスポーツ球団との連携によるスポーツイベント等の開催',
        '',
        'https://shinchoku.example.lg.jp/staff/plans/action-plan-2/rounds/2023/mine',
        '',
      ].join('\n'),
    );
    const toBoss = parseMail(sink.messages.find((m) => m.to[0] === 'boss@example.jp')!.raw);
    expect(toBoss.subject).toBe('【進捗管理】令和5年度の照会: 承認待ち');
    expect(toBoss.text).toContain('・1-2 市長発信用SNS開設');
    expect((await sendRoundReminders(props)).sent).toEqual([]);
    clock = new Date('2024-06-03T00:00:00Z');
    const late = await sendRoundReminders(props);
    expect(late.sent.sort()).toEqual(['boss@example.jp', 'keiei@example.jp', 'sports@example.jp']);
    const subjects = sink.messages.slice(3).map((m) => [m.to[0], parseMail(m.raw).subject]);
    expect(subjects.sort()).toEqual([
      ['boss@example.jp', '【進捗管理】令和5年度の照会: 承認待ち'],
      ['keiei@example.jp', '【進捗管理】令和5年度の照会: 提出期限超過'],
      ['sports@example.jp', '【進捗管理】令和5年度の照会: 提出期限超過'],
    ]);
  });

  it('writes to each person in the language they chose for their account', async () => {
    const kenko = await buildStaff(fx.ctx, {
      role: 'department-editor',
      department: 'kenko',
      email: 'kenko-en@example.jp',
      name: 'Hanako Kenko',
    });
    const { token } = await login({ ctx: fx.ctx, identifier: kenko.email, password: TEST_PASSWORD, ip: 'mail' });
    await setOwnLanguage({ ctx: fx.ctx, session: (await resolveStaffSession(fx.ctx, token))!, language: 'en' });
    const mailer = createSmtpMailer(sink.url, 'shinchoku@ogori.example.jp');
    const before = sink.messages.length;
    // Everyone else was reminded today already (the previous test, on 2024-06-03): only the new editor is mailed.
    const sent = await sendRoundReminders({
      ctx: fx.ctx,
      actor: staff.office!.actor,
      ...plan,
      mailer,
      baseUrl: 'https://shinchoku.example.lg.jp',
    });
    expect(sent.sent).toEqual(['kenko-en@example.jp']);
    const mail = parseMail(sink.messages[before]!.raw);
    expect(mail.subject).toBe('[Progress management] FY2023 reporting round: past the due date');
    expect(mail.text).toBe(
      [
        'Dear Hanako Kenko,',
        '',
        'Some initiatives of the FY2023 progress report have not been submitted yet. They were due on 2024-05-31 (3 day(s) ago).',
        '',
        '・2-1 新型コロナウイルス感染症ワクチン接種の速やかな実施',
        '・8-1 健診結果を生かす個別運動処方と教室の実施',
        '・8-2 健康づくりポイント制度の創設',
        '・10-1 SNSを活用した子育て情報の発信',
        '',
        'https://shinchoku.example.lg.jp/staff/plans/action-plan-2/rounds/2023/mine',
        '',
      ].join('\n'),
    );
  });
});
