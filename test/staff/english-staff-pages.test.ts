import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReviewComment, loadPlan, openReportingRound, reviewReport, saveReport } from '../../src/app/index.ts';
import { listDepartments, listEditions, listUsers } from '../../src/store/index.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, signInStaff, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

/**
 * #19 item 10: the staff pages in English say everything of their own in English. Each page is fetched with
 * ?lang=en and its text (and the attributes people read: labels, placeholders, titles) searched for Japanese
 * characters once the data values are taken out: the plan's own text, 課 names, people's names, editions'
 * names and what the test typed in Japanese, which stay as entered.
 */
const ROUND = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };
const PLAN = '/staff/plans/action-plan-2';
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー、。「」（）・：]+/gu;
const HAS_JAPANESE = new RegExp(JAPANESE.source, 'u');
const TYPED = ['内訳を書いてください', '実施した', '承認の前に確認します'];
// The language switch names Japanese in Japanese, for the reader who needs it (as every bilingual site does).
const SWITCH_TO_JAPANESE = ['職員用画面を日本語で表示', '日本語'];

/** Every string inside a value (the plan document), so each can be taken out of a page as data. */
function stringsOf(value: unknown, out: Set<string>): Set<string> {
  // As pages print it: each line of a list, whitespace collapsed.
  if (typeof value === 'string')
    for (const line of [value, ...value.split('\n')]) out.add(line.replace(/\s+/g, ' ').trim());
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

/** Visible text plus the attributes a reader meets (aria-label, title, placeholder, alt, value of buttons). */
function readable(html: string): string {
  const attrs = [...html.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map((m) => m[1]);
  return `${textOf(html)} ${attrs.join(' ')}`;
}

for (const dialect of DIALECTS) {
  describe(`English staff pages have no Japanese of their own (${dialect})`, () => {
    let server: TestServer;
    const staff: Record<string, TestStaff> = {};
    let data: string[] = [];
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now: () => new Date('2024-05-27T01:00:00Z') });
      const ctx = server.ctx;
      staff.office = await buildStaff(ctx, { role: 'plan-office', name: 'Plan Office' });
      staff.admin = await buildStaff(ctx, { role: 'admin', name: 'Admin' });
      staff.editor = await buildStaff(ctx, { role: 'department-editor', department: 'keiei-senryaku', name: 'Editor' });
      staff.boss = await buildStaff(ctx, { role: 'department-approver', department: 'keiei-senryaku', name: 'Boss' });
      // The plan's text as seeded, before the saves below replace some of it (the history still shows it).
      const loaded = await loadPlan(ctx.store.db, 'ogori', 'action-plan-2');
      const found = stringsOf(loaded.document, new Set(TYPED));
      await openReportingRound({ ctx, actor: staff.office.actor, ...ROUND, dueDate: '2024-05-31' });
      const as = (s: TestStaff, code: string) => ({ ctx, actor: s.actor, ...ROUND, code });
      const values = { actual: TYPED[1]!, rating: '70' };
      for (const code of ['1-2', '4-1'])
        await saveReport({ ...as(staff.editor!, code), expectedVersion: 1, values, submit: true });
      await reviewReport({ ...as(staff.boss!, '1-2'), decision: 'return', note: TYPED[0]! });
      await addReviewComment({ ...as(staff.boss!, '4-1'), text: TYPED[2]! });
      for (const d of await listDepartments(ctx.store.db, loaded.organization.id)) found.add(d.name);
      for (const e of await listEditions(ctx.store.db, loaded.organization.id, loaded.plan.id)) found.add(e.name);
      for (const u of await listUsers(ctx.store.db, loaded.organization.id)) found.add(u.displayName);
      found.add(loaded.organization.name);
      // Longest first, so a title is taken out whole before a shorter value inside it.
      data = [...found, ...SWITCH_TO_JAPANESE].filter((s) => HAS_JAPANESE.test(s)).sort((a, b) => b.length - a.length);
    }, 60_000);
    afterAll(() => server?.close());

    /** The Japanese left on a page once the data values are out, each with a little of what stands around it. */
    async function japaneseOn(who: TestStaff, path: string): Promise<string[]> {
      const { cookie } = await signInStaff(server.ctx, who.email, `en-${path}`);
      const res = await server.get(`${path}${path.includes('?') ? '&' : '?'}lang=en`, { headers: { cookie } });
      expect(`${path} ${res.status}`).toBe(`${path} 200`);
      let text = readable(await res.text());
      for (const d of data) text = text.split(d).join(' ');
      return [...text.matchAll(JAPANESE)].map(
        (m) => `${path}: ${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10)}`,
      );
    }

    it('on the pages of the plan office, the administrator, the 課 editor and the 課長', async () => {
      const pages: [TestStaff, string][] = [
        [staff.office!, '/staff/'],
        [staff.office!, `${PLAN}/rounds/2023/`],
        [staff.office!, `${PLAN}/rounds/2023/?overdue=1`],
        [staff.office!, `${PLAN}/executive`],
        [staff.office!, `${PLAN}/history/1-2`],
        [staff.office!, `${PLAN}/history/4-1`],
        [staff.office!, `${PLAN}/publish`],
        [staff.office!, `${PLAN}/edit`],
        [staff.office!, `${PLAN}/nodes/1-3/edit`],
        [staff.office!, `${PLAN}/evaluation`],
        [staff.office!, `${PLAN}/rounds/2023/tasks/4-1`],
        [staff.office!, '/staff/account/password'],
        [staff.admin!, '/staff/admin/users'],
        [staff.admin!, '/staff/admin/departments'],
        [staff.editor!, '/staff/'],
        [staff.editor!, `${PLAN}/rounds/2023/mine`],
        [staff.editor!, `${PLAN}/rounds/2023/tasks/1-1`],
        [staff.editor!, `${PLAN}/rounds/2023/tasks/1-2`],
        [staff.boss!, '/staff/'],
        [staff.boss!, `${PLAN}/rounds/2023/tasks/4-1`],
      ];
      // The history says each move of the task by its states, in English.
      const { cookie } = await signInStaff(server.ctx, staff.office!.email, 'history');
      const history = textOf(await (await server.get(`${PLAN}/history/1-2?lang=en`, { headers: { cookie } })).text());
      expect(history).toContain(
        'Boss Returned Awaiting department approval → Returned 内訳を書いてください 2024/05/27 10:00 Editor Submitted Not started → Awaiting department approval',
      );
      const found: string[] = [];
      for (const [who, path] of pages) found.push(...(await japaneseOn(who, path)));
      expect(found).toEqual([]);
    });
  });
}
