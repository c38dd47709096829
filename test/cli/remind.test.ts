import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, openReportingRound, systemActor } from '../../src/app/index.ts';
import { openDatabase } from '../../src/store/index.ts';
import { runCli } from '../harness/run-cli.ts';
import { parseMail, type SmtpSink, startSmtpSink } from '../harness/smtp-sink.ts';
import { buildStaff } from '../harness/staff-factory.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';

describe('shinchoku remind', () => {
  let db: TestDatabase;
  let sink: SmtpSink;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    sink = await startSmtpSink();
    expect((await runCli(['init'], { DATABASE_URL: db.url, SHINCHOKU_ADMIN_PASSWORD: 'admin-password-1' })).code).toBe(
      0,
    );
    const store = openDatabase(db.url);
    const ctx = createAppContext(store);
    await buildStaff(ctx, {
      role: 'department-editor',
      department: 'nogyo-shinko',
      email: 'nogyo@example.jp',
      name: '農業 花子',
    });
    // Due yesterday, whatever today is: every unsubmitted initiative is overdue.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await openReportingRound({
      ctx,
      actor: systemActor(),
      organizationSlug: 'ogori',
      planSlug: 'action-plan-2',
      fy: 2024,
      dueDate: yesterday,
      confirmPastDue: true,
    });
    await store.close();
  });
  afterAll(async () => {
    await sink.close();
    await db.drop();
  });

  it('refuses to run without SMTP_URL, then mails once per person per day', async () => {
    const off = await runCli(['remind', '--plan', 'action-plan-2'], { DATABASE_URL: db.url });
    expect([off.code, off.stderr]).toEqual([1, 'error: SMTP_URL is not set: e-mail is off\n']);
    const env = {
      DATABASE_URL: db.url,
      SMTP_URL: sink.url,
      SMTP_FROM: 'shinchoku@ogori.example.jp',
      SHINCHOKU_BASE_URL: 'https://shinchoku.example.lg.jp/',
    };
    const first = await runCli(['remind', '--plan', 'action-plan-2'], env);
    expect([first.code, first.stdout]).toEqual([0, 'FY2024: 1 reminder(s) to nogyo@example.jp\n']);
    const mail = parseMail(sink.messages[0]!.raw);
    expect(mail.subject).toBe('【進捗管理】令和6年度の照会: 提出期限超過');
    expect(mail.text).toContain(
      '・7-1 ロボット技術やAIを用いた新しい農業経営の推進\n・7-2 体験農園の開設サポート事業\n・7-3 食と農の複合施設の検討\n',
    );
    expect(mail.text).toContain('https://shinchoku.example.lg.jp/staff/plans/action-plan-2/rounds/2024/mine');
    const second = await runCli(['remind', '--plan', 'action-plan-2'], env);
    expect(second.stdout).toBe('FY2024: 0 reminder(s)\n');
    expect(sink.messages).toHaveLength(1);
  });
});
