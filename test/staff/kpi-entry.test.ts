import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReport, openReportingRound, systemActor } from '../../src/app/index.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, signInStaff, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const ROUND = '/staff/plans/action-plan-2/rounds/2023';
const REF = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };

for (const dialect of DIALECTS) {
  describe(`KPI entry as people type it: form and workbook read alike (${dialect})`, () => {
    let server: TestServer;
    let kenko: TestStaff;
    let keiei: TestStaff;
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now: () => new Date('2024-04-15T00:00:00Z') });
      kenko = await buildStaff(server.ctx, { role: 'department-editor', department: 'kenko' });
      keiei = await buildStaff(server.ctx, { role: 'department-editor', department: 'keiei-senryaku' });
      await openReportingRound({ ctx: server.ctx, actor: systemActor(), ...REF, dueDate: '2024-05-31' });
    }, 60_000);
    afterAll(() => server.close());

    async function session(s: TestStaff) {
      return signInStaff(server.ctx, s.email, 'kpi');
    }
    const page = async (s: { cookie: string }, code: string) =>
      (await server.get(`${ROUND}/tasks/${code}`, { headers: { cookie: s.cookie } })).text();
    const post = async (s: { cookie: string; csrf: string }, code: string, fields: Record<string, string>) => {
      const html = await page(s, code);
      const version = /name="version" value="(\d+)"/.exec(html)![1]!;
      return server.get(`${ROUND}/tasks/${code}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie },
        body: new URLSearchParams({ _csrf: s.csrf, version, intent: 'save', actual: '実施', ...fields }),
      });
    };
    const stored = async (s: TestStaff, code: string) =>
      (await getReport({ ctx: server.ctx, actor: s.actor, ...REF, code })).values.indicators;

    it('accepts 87.6% and full-width digits, and warns (without refusing) of a percentage over 100', async () => {
      const s = await session(kenko);
      const res = await post(s, '2-1', {
        'kpi.dose-1-2-rate.actual': '150',
        'kpi.dose-3-rate.actual': '８７．６％',
      });
      expect(res.status).toBe(303);
      const values = await stored(kenko, '2-1');
      expect([values['dose-1-2-rate']!.actual, values['dose-3-rate']!.actual]).toEqual(['150', '87.6']);
      const text = textOf(await page(s, '2-1'));
      expect(text).toContain(
        '令和5年度の実績値（%） これまでの実績: 令和3年度 87% 確認してください: 割合が0～100%の範囲外です。値を確認してください',
      );
      expect(text).toContain('令和5年度の実績値（%） これまでの実績: 令和4年度 82.4%、令和3年度 44.5%');
    });

    it('shows the target and earlier years, and warns of a tenfold jump', async () => {
      const s = await session(keiei);
      expect((await post(s, '1-1', { 'kpi.riyo-kensu.actual': '1,234件' })).status).toBe(303);
      expect((await stored(keiei, '1-1'))['riyo-kensu']!.actual).toBe('1234');
      expect(textOf(await page(s, '1-1'))).toContain(
        '令和5年度の実績値（件） 目標: 35件 これまでの実績: 令和4年度 6件、令和2年度 26件 ' +
          '確認してください: 令和4年度の6から10倍以上変わっています。桁や単位を確認してください',
      );
    });

    it('refuses a number beyond safe precision beside its field, keeping the input, never showing 1e+23', async () => {
      const s = await session(keiei);
      const res = await post(s, '1-1', { 'kpi.riyo-kensu.actual': '99999999999999999999999', comment: '' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('value="99999999999999999999999"');
      expect(html).not.toContain('e+');
      expect(textOf(html)).toContain('桁数が多すぎます（有効数字15桁まで）');
      expect((await stored(keiei, '1-1'))['riyo-kensu']!.actual).toBe('1234');
    });

    it('reads the workbook’s KPI cells the same way (unit typed, full-width, a number cell)', async () => {
      const s = await session(kenko);
      const res = await server.get(`${ROUND}/workbook?department=kenko`, { headers: { cookie: s.cookie } });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const sheet = wb.getWorksheet('指標')!;
      const headers = (sheet.getRow(1).values as string[]).slice(1);
      const col = headers.findIndex((h) => /実績値$/.test(h)) + 1;
      const keyCol = headers.indexOf('指標キー') + 1;
      const rowOf = (key: string) => {
        for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(keyCol).value === key) return r;
        throw new Error(key);
      };
      sheet.getRow(rowOf('dose-3-rate')).getCell(col).value = '８８．１％';
      sheet.getRow(rowOf('dose-1-2-rate')).getCell(col).value = 90.19999999999999;
      const form = new FormData();
      form.set('_csrf', s.csrf);
      form.set('file', new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]), 'kenko.xlsx');
      const up = await server.get(`${ROUND}/workbook`, { method: 'POST', body: form, headers: { cookie: s.cookie } });
      expect(up.status).toBe(200);
      const values = await stored(kenko, '2-1');
      expect([values['dose-1-2-rate']!.actual, values['dose-3-rate']!.actual]).toEqual(['90.2', '88.1']);
    });
  });
}
