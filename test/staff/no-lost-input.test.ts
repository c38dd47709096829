import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReport, systemActor } from '../../src/app/index.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, openOgoriRound, type StaffSessionCookie, signInStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const TASK = '/staff/plans/action-plan-2/rounds/2023/tasks/1-1';
const TYPED = '要綱を改正した（入力中の文）';

/** The text of the 実績 field of an entry form page. */
const actualField = (html: string) =>
  /<textarea[^>]*name="actual"[^>]*>([^<]*)<\/textarea>/
    .exec(html)?.[1]
    ?.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/^\n/, '');

// Issue #15 (6): a save after the session ran out, a save that lost the race with a second tab, and a body over
// the size limit each keep what the person typed, and none of them saves it silently.
for (const dialect of DIALECTS) {
  describe(`no lost input, on ${dialect}`, () => {
    let server: TestServer;
    let clock = new Date('2024-04-15T01:00:00Z');
    let editor = '';
    let boss = '';
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now: () => clock });
      const dept = { department: 'keiei-senryaku' } as const;
      editor = (await buildStaff(server.ctx, { role: 'department-editor', ...dept })).email;
      boss = (await buildStaff(server.ctx, { role: 'department-approver', ...dept })).email;
      await openOgoriRound(server.ctx);
    }, 60_000);
    afterAll(() => server.close());

    const ref = () => ({
      ctx: server.ctx,
      actor: systemActor('test'),
      organizationSlug: 'ogori',
      planSlug: 'action-plan-2',
      fy: 2023,
      code: '1-1',
    });
    const saved = async () => (await getReport(ref())).values;
    const sheetVersion = async () => (await getReport(ref())).version;
    const post = (s: StaffSessionCookie, body: URLSearchParams | string) =>
      server.get(TASK, {
        method: 'POST',
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const form = (s: StaffSessionCookie, version: number, actual: string, extra: Record<string, string> = {}) =>
      new URLSearchParams({ _csrf: s.csrf, version: String(version), actual, rating: '60', ...extra, intent: 'save' });

    it('a save after the session ran out is kept for the same user only, and shown again after login', async () => {
      const before = await saved();
      const version = await sheetVersion();
      const s = await signInStaff(server.ctx, editor, 'lost-1');
      clock = new Date(clock.getTime() + 61 * 60_000); // past SESSION_IDLE_MINUTES (60)
      const res = await post(s, form(s, version, TYPED));
      expect(res.status).toBe(303);
      const location = new URL(res.headers.get('location')!, server.url);
      expect(location.pathname).toBe('/staff/login');
      expect(location.searchParams.get('notice')).toBe('expired-kept');
      const next = location.searchParams.get('next')!;
      expect(next).toMatch(/^\/staff\/plans\/action-plan-2\/rounds\/2023\/tasks\/1-1\?restore=[A-Za-z0-9_-]{24}$/);
      expect(await saved()).toEqual(before);

      const again = await signInStaff(server.ctx, editor, 'lost-1');
      const page = await server.get(next, { headers: { cookie: again.cookie } });
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(actualField(html)).toBe(TYPED);
      expect(textOf(html)).toContain('ログアウトの間に送信された入力を戻しました。まだ保存されていません。');
      expect(await saved()).toEqual(before);
      // Another person of the same 課 who opens the address sees the saved sheet, without the kept input.
      const other = await signInStaff(server.ctx, boss, 'lost-1');
      const theirs = await (await server.get(next, { headers: { cookie: other.cookie } })).text();
      expect(actualField(theirs)).toBe(before.actual);
      expect(textOf(theirs)).not.toContain('入力を戻しました');
      // Saving it is the user's own act; the kept input is then forgotten.
      const restored = /name="restored" value="([^"]+)"/.exec(html)![1]!;
      expect((await post(again, form(again, version, TYPED, { restored }))).status).toBe(303);
      expect((await saved()).actual).toBe(TYPED);
      const after = await (await server.get(next, { headers: { cookie: again.cookie } })).text();
      expect(textOf(after)).not.toContain('入力を戻しました');
    });

    it('keeps nothing without the session’s own form token, keeps 5 per user, and forgets after 30 minutes', async () => {
      const version = await sheetVersion();
      const s = await signInStaff(server.ctx, editor, 'lost-2');
      clock = new Date(clock.getTime() + 61 * 60_000);
      const forged = await post(s, form({ ...s, csrf: 'x'.repeat(43) }, version, '他人が入れた文'));
      expect(forged.headers.get('location')).toBe('/staff/login?notice=expired');
      const nexts: string[] = [];
      for (let i = 0; i < 6; i++) {
        const t = await signInStaff(server.ctx, editor, 'lost-2');
        clock = new Date(clock.getTime() + 61 * 60_000);
        const res = await post(t, form(t, version, `${TYPED}${i}`));
        nexts.push(new URL(res.headers.get('location')!, server.url).searchParams.get('next')!);
      }
      const me = await signInStaff(server.ctx, editor, 'lost-2');
      const shown = async (next: string) =>
        actualField(await (await server.get(next, { headers: { cookie: me.cookie } })).text());
      expect(await shown(nexts[0]!)).toBe(TYPED); // the oldest of six was dropped: the saved text shows
      expect(await shown(nexts[5]!)).toBe(`${TYPED}5`);
      clock = new Date(clock.getTime() + 31 * 60_000);
      const late = await signInStaff(server.ctx, editor, 'lost-2');
      const expired = await (await server.get(nexts[5]!, { headers: { cookie: late.cookie } })).text();
      expect(actualField(expired)).toBe(TYPED);
    });

    it('a save that lost the race with a second tab answers 409 and keeps the typed values beside the saved ones', async () => {
      const version = await sheetVersion();
      const a = await signInStaff(server.ctx, editor, 'lost-3');
      const b = await signInStaff(server.ctx, boss, 'lost-3');
      expect((await post(a, form(a, version, '先に保存した文'))).status).toBe(303);
      const res = await post(b, form(b, version, '後から保存した文', { comment: 'Bのコメント' }));
      const html = await res.text();
      expect(res.status).toBe(409);
      expect(actualField(html)).toBe('後から保存した文');
      expect(/<textarea[^>]*name="comment"[^>]*>([^<]*)</.exec(html)?.[1]).toBe('Bのコメント');
      expect(textOf(html)).toContain('他の人が先に保存しました');
      expect(textOf(html)).toContain('先に保存した文');
      expect((await saved()).actual).toBe('先に保存した文');
    });

    it('a body over 1 MB answers 413 with the fields that fitted as typed, the rest as saved, nothing saved', async () => {
      const before = await saved();
      const version = await sheetVersion();
      const s = await signInStaff(server.ctx, editor, 'lost-4');
      const huge = 'あ'.repeat(130_000); // 9 bytes each once encoded: over the 1 MB form limit
      const body = form(s, version, '届いた実績', { 'plan.2024': huge, comment: '届かないコメント' });
      const res = await post(s, body.toString());
      const html = await res.text();
      expect(res.status).toBe(413);
      expect(res.headers.get('connection')).toBe('close');
      expect(actualField(html)).toBe('届いた実績');
      const text = textOf(html);
      expect(text).toContain('送信された内容が大きすぎるため（上限 1 MB）、保存していません。');
      expect(text).toContain('この項目から後は上限を超えたため届きませんでした');
      expect(/<textarea[^>]*name="comment"[^>]*>([^<]*)</.exec(html)?.[1]).toBe(before.comment);
      expect(await saved()).toEqual(before);
    });
  });
}
