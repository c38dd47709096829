import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRoundBoard, listStaffUsers, systemActor } from '../../src/app/index.ts';
import { decodeEntities, textOf } from '../harness/html-text.ts';
import {
  buildStaff,
  OGORI_ROUND_2023,
  openOgoriRound,
  readOgoriSheet,
  type StaffSessionCookie,
  signInStaff,
} from '../harness/staff-factory.ts';
import { postStaffForm } from '../harness/staff-form.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const PLAN = '/staff/plans/action-plan-2';
const TASK = `${PLAN}/rounds/2023/tasks/1-1`;
const UNREADABLE = {
  ja: '送信された内容を読み取れませんでした。画面を読み込み直してから、もう一度操作してください。',
  en: 'The submitted form could not be read. Reload the page and try again.',
};

/**
 * #21 item 4: every staff form body is read by its own schema at the route, so a form that is not as the page
 * sent it (a hidden version that is no number, a button value or list choice no page offers) comes back as the
 * same form page with the message on the form, status 400, nothing saved: before, such a version answered 500 on
 * PostgreSQL, an unknown round status or entry-form intent was ignored and the rest saved, an unknown review
 * decision was taken as 承認, an unknown role became 閲覧者.
 */
for (const dialect of DIALECTS) {
  describe(`tampered staff forms, on ${dialect}`, () => {
    let server: TestServer;
    const who: Record<'admin' | 'office' | 'editor' | 'approver', StaffSessionCookie> = {} as never;
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now: () => new Date('2024-04-15T01:00:00Z') });
      const dept = { department: 'keiei-senryaku' } as const;
      const made = await Promise.all([
        buildStaff(server.ctx, { role: 'admin' }),
        buildStaff(server.ctx, { role: 'plan-office' }),
        buildStaff(server.ctx, { role: 'department-editor', ...dept }),
        buildStaff(server.ctx, { role: 'department-approver', ...dept }),
      ]);
      await openOgoriRound(server.ctx);
      const keys = ['admin', 'office', 'editor', 'approver'] as const;
      for (const [i, k] of keys.entries()) who[k] = await signInStaff(server.ctx, made[i]!.email, `10.0.0.${i + 1}`);
    }, 60_000);
    afterAll(() => server.close());

    /** Posts the fields as the form would, and reads back status, page title and the error summary's lines. */
    const post = async (
      s: StaffSessionCookie,
      path: string,
      fields: Record<string, string>,
      lang: 'ja' | 'en' = 'ja',
    ) => {
      const res = await postStaffForm(server, s, path, fields, lang);
      const html = await res.text();
      const summary = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
      return {
        status: res.status,
        title: decodeEntities(/<title>([^<|]*)/.exec(html)?.[1]?.trim() ?? ''),
        errors: [...summary.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!)),
      };
    };
    const refused = (title: string, lang: 'ja' | 'en' = 'ja') => ({ status: 400, title, errors: [UNREADABLE[lang]] });

    it('round settings: a version that is no number (500 on PostgreSQL before) or an unknown status saves nothing', async () => {
      const before = await getRoundBoard({ ctx: server.ctx, actor: systemActor(), ...OGORI_ROUND_2023 });
      const settings = `${PLAN}/rounds/2023/settings`;
      expect(await post(who.office, settings, { version: 'abc', dueDate: '2024-06-30' })).toEqual(
        refused('照会の状況一覧（令和5年度）'),
      );
      const version = String(before.version);
      expect(await post(who.office, settings, { version, status: 'paused', dueDate: '2024-06-30' })).toEqual(
        refused('照会の状況一覧（令和5年度）'),
      );
      expect(await post(who.office, settings, { version, dueDate: '2024-06-30', confirmClose: 'all' }, 'en')).toEqual(
        refused('Status board (FY2023)', 'en'),
      );
      const after = await getRoundBoard({ ctx: server.ctx, actor: systemActor(), ...OGORI_ROUND_2023 });
      expect([after.version, after.dueDate]).toEqual([before.version, before.dueDate]);
    });

    it('entry form: a version that is no number or an unknown button saves nothing; an unknown decision is no 承認', async () => {
      const before = await readOgoriSheet(server.ctx, '1-1');
      const title = '1-1 車座トーク、出前トークの利用者アップ（令和5年度）';
      expect(await post(who.editor, TASK, { version: 'abc', actual: '改ざんされた送信' })).toEqual(refused(title));
      expect(
        await post(who.editor, TASK, {
          version: String(before.version),
          actual: '改ざんされた送信',
          intent: 'publish',
        }),
      ).toEqual(refused(title));
      expect(await post(who.approver, `${TASK}/review`, { decision: 'approv', taskVersion: '1' })).toEqual(
        refused(title),
      );
      const after = await readOgoriSheet(server.ctx, '1-1');
      expect([after.version, after.values.actual, after.task]).toEqual([
        before.version,
        before.values.actual,
        before.task,
      ]);
      expect(before.task.state).toBe('not_started');
    });

    it('user add: a role no list offers creates nobody (was made a 閲覧者)', async () => {
      const form = { email: 'new@ogori.example.jp', displayName: '新規 職員', role: 'superuser' };
      expect(await post(who.admin, '/staff/admin/users', form)).toEqual(refused('利用者管理'));
      const users = await listStaffUsers({ ctx: server.ctx, actor: systemActor(), organizationSlug: 'ogori' });
      expect(users.filter((u) => u.email === 'new@ogori.example.jp')).toEqual([]);
    });

    it('plan editing and evaluation: the form page again, not a 404 or a 500', async () => {
      expect(await post(who.office, `${PLAN}/nodes/1-1/move`, { direction: 'sideways' })).toEqual(
        refused('計画の編集'),
      );
      expect(await post(who.office, `${PLAN}/evaluation`, { version: 'abc', intent: 'save' })).toEqual(
        refused('進捗の判定方法'),
      );
      expect(await post(who.office, `${PLAN}/evaluation`, { version: '1', intent: 'apply' }, 'en')).toEqual(
        refused('Evaluation method', 'en'),
      );
    });
  });
}
