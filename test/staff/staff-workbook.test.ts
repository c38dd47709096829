import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReport, openReportingRound, systemActor } from '../../src/app/index.ts';
import { buildStaff, signInStaff, type TestStaff } from '../harness/staff-factory.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const ROUND = '/staff/plans/action-plan-2/rounds/2023';

describe('the Excel 照会 workbook in the staff workspace', () => {
  let server: TestServer;
  let keiei: TestStaff;
  let kenko: TestStaff;
  beforeAll(async () => {
    server = await startTestServer({ now: () => new Date('2024-04-15T00:00:00Z') });
    keiei = await buildStaff(server.ctx, { role: 'department-editor', department: 'keiei-senryaku' });
    kenko = await buildStaff(server.ctx, { role: 'department-editor', department: 'kenko' });
    const ctx = server.ctx;
    await openReportingRound({
      ctx,
      actor: systemActor(),
      organizationSlug: 'ogori',
      planSlug: 'action-plan-2',
      fy: 2023,
      dueDate: '2024-05-31',
    });
  });
  afterAll(() => server.close());

  async function session(s: TestStaff) {
    return signInStaff(server.ctx, s.email, 'wb');
  }

  async function upload(s: { cookie: string; csrf: string }, data: ArrayBuffer | Uint8Array) {
    const form = new FormData();
    form.set('_csrf', s.csrf);
    form.set('file', new Blob([new Uint8Array(data)]), 'keiei.xlsx');
    const res = await server.get(`${ROUND}/workbook`, { method: 'POST', body: form, headers: { cookie: s.cookie } });
    return { status: res.status, text: (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
  }

  it('offers the 課 workbook on "my initiatives", downloads it, and takes it back filled in', async () => {
    const s = await session(keiei);
    const mine = await (await server.get(`${ROUND}/mine`, { headers: { cookie: s.cookie } })).text();
    expect(mine).toContain('経営戦略課のExcelファイルをダウンロード');
    const res = await server.get(`${ROUND}/workbook?department=keiei-senryaku`, { headers: { cookie: s.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="action-plan-2-2023-keiei-senryaku.xlsx"',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const items = wb.getWorksheet('取組')!;
    expect(items.getCell('C2').value).toBe('1-1');
    const headers = (items.getRow(1).values as string[]).slice(1);
    expect(headers.slice(6)).toEqual([
      '令和5年度 計画（参考）',
      '令和5年度 実績',
      '令和6年度 計画',
      '自己評価（目標達成率）',
      'コメント',
    ]);
    items.getRow(2).getCell(headers.indexOf('自己評価（目標達成率）') + 1).value = '60%';
    const filled = await wb.xlsx.writeBuffer();
    const result = await upload(s, filled);
    expect(result.status).toBe(200);
    expect(result.text).toContain('1件の取組を下書き保存しました。 変更のない取組: 7件');
    const view = await getReport({
      ctx: server.ctx,
      actor: keiei.actor,
      organizationSlug: 'ogori',
      planSlug: 'action-plan-2',
      fy: 2023,
      code: '1-1',
    });
    expect([view.values.rating, view.task.state]).toEqual(['60', 'in_progress']);
  });

  it('refuses a broken file and another 課’s workbook', async () => {
    const s = await session(keiei);
    const broken = await upload(s, new TextEncoder().encode('not a workbook'));
    expect(broken.status).toBe(400);
    expect(broken.text).toContain('Excelファイル（.xlsx）として読めません');
    const other = await session(kenko);
    const res = await server.get(`${ROUND}/workbook?department=keiei-senryaku`, { headers: { cookie: other.cookie } });
    expect(res.status).toBe(403);
    const noCsrf = new FormData();
    noCsrf.set('file', new Blob([new Uint8Array([1])]), 'x.xlsx');
    const forged = await server.get(`${ROUND}/workbook`, {
      method: 'POST',
      body: noCsrf,
      headers: { cookie: s.cookie },
    });
    expect(forged.status).toBe(403);
  });
});
