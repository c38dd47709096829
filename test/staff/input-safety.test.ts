import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReport, listRounds, systemActor } from '../../src/app/index.ts';
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
// the size limit each keep what the person typed, and none of them saves it silently. (7): opening a round or
// moving its due date into the past, and closing it for every 課, each ask for an explicit confirmation.
for (const dialect of DIALECTS) {
  describe(`no lost input, on ${dialect}`, () => {
    let server: TestServer;
    let clock = new Date('2024-04-15T01:00:00Z');
    let editor = '';
    let boss = '';
    let office = '';
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now: () => clock });
      const dept = { department: 'keiei-senryaku' } as const;
      editor = (await buildStaff(server.ctx, { role: 'department-editor', ...dept })).email;
      boss = (await buildStaff(server.ctx, { role: 'department-approver', ...dept })).email;
      office = (await buildStaff(server.ctx, { role: 'plan-office' })).email;
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
    const send = async (s: StaffSessionCookie, path: string, fields: Record<string, string>) => {
      const res = await server.get(path, {
        method: 'POST',
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: s.csrf, ...fields }),
      });
      return { status: res.status, location: res.headers.get('location'), html: await res.text() };
    };
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

    it('opens a round with a past due date only when confirmed, and keeps the year and date after an error', async () => {
      const s = await signInStaff(server.ctx, office, 'guard-1');
      const today = new Date(clock.getTime() + 9 * 3_600_000).toISOString().slice(0, 10); // Japan
      const bad = await send(s, '/staff/plans/action-plan-2/rounds', { fy: '2024', dueDate: '2024-02-30' });
      expect(bad.status).toBe(400);
      expect(bad.html).toMatch(/<option value="2024" selected="">/);
      expect(bad.html).toContain('value="2024-02-30"');
      const past = await send(s, '/staff/plans/action-plan-2/rounds', { fy: '2024', dueDate: '2024-04-01' });
      expect(past.status).toBe(400);
      expect(textOf(past.html)).toContain(`提出期限 2024-04-01 は過去の日付です（今日は ${today}）`);
      expect(textOf(past.html)).toContain('過去の期限のままにする場合は、確認にチェックを入れてください');
      expect(past.html).toMatch(/<option value="2024" selected="">/);
      expect(past.html).toContain('name="confirmPastDue"');
      const fields = { fy: '2024', dueDate: '2024-04-01', confirmPastDue: '1' };
      const opened = await send(s, '/staff/plans/action-plan-2/rounds', fields);
      expect([opened.status, opened.location]).toEqual([303, '/staff/plans/action-plan-2/rounds/2024/?notice=opened']);
    });

    it('moves a due date into the past and closes a round for every 課 only when confirmed', async () => {
      const s = await signInStaff(server.ctx, office, 'guard-2');
      const board = '/staff/plans/action-plan-2/rounds/2023/';
      const settings = '/staff/plans/action-plan-2/rounds/2023/settings';
      const version = async () =>
        (await listRounds({ ...ref(), actor: systemActor('test') })).find((r) => r.fy === 2023)!.version;
      const page = textOf(await (await server.get(board, { headers: { cookie: s.cookie } })).text());
      const label =
        '締め切る場合: まだ提出されていない取組40件（18課）も、どの課も入力・提出できなくなることを確認しました';
      expect(page).toContain(label);
      const moved = await send(s, settings, { version: String(await version()), dueDate: '2024-04-01' });
      expect(moved.status).toBe(400);
      expect(textOf(moved.html)).toContain('提出期限 2024-04-01 は過去の日付です');
      expect(moved.html).toContain('name="dueDate" type="date" value="2024-04-01"');
      const keep = { version: String(await version()), dueDate: '2024-04-01', confirmPastDue: '1' };
      expect((await send(s, settings, keep)).status).toBe(303);

      const close = { version: String(await version()), status: 'closed' };
      const refused = await send(s, settings, close);
      expect(refused.status).toBe(400);
      expect(textOf(refused.html)).toContain(
        'まだ提出されていない取組が40件（18課）あります。締め切ると、どの課も入力・提出できなくなります。',
      );
      expect((await send(s, settings, { ...close, confirmClose: '39' })).status).toBe(400);
      expect((await listRounds({ ...ref(), actor: systemActor('test') })).find((r) => r.fy === 2023)!.status).toBe(
        'open',
      );
      expect((await send(s, settings, { ...close, confirmClose: '40' })).status).toBe(303);
      expect((await listRounds({ ...ref(), actor: systemActor('test') })).find((r) => r.fy === 2023)!.status).toBe(
        'closed',
      );
    });
  });
}
