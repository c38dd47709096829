import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, openReportingRound, systemActor } from '../../src/app/index.ts';
import { openDatabase } from '../../src/store/index.ts';
import { runCli } from '../harness/run-cli.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';

describe('shinchoku report (CLI)', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-report-cli-'));
  const env = () => ({ DATABASE_URL: db.url });

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    expect((await runCli(['init'], env())).code).toBe(0);
  }, 90_000);
  afterAll(() => db.drop());

  it('writes the current edition as PDF and CSV', async () => {
    const pdf = path.join(dir, 'ogori.pdf');
    expect((await runCli(['report', 'pdf', '-o', pdf], env())).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const csv = await runCli(['report', 'csv', '--bom', '-o', '-'], env());
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\ufeff団体,計画,版,')).toBe(true);
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(41);
  }, 90_000);

  it('round-trips a 課 workbook and lists every problem of a broken one', async () => {
    const file = path.join(dir, 'keiei.xlsx');
    const out = await runCli(
      ['report', 'department-xlsx', '--department', 'keiei-senryaku', '--fy', 'R4', '-o', file],
      env(),
    );
    expect(out.stdout).toBe(`wrote ${file}: 8 initiatives of 経営戦略課\n`);
    const closed = await runCli(['report', 'import-xlsx', file, '--fy', 'R4'], env());
    expect([closed.code, closed.stderr.split('\n')[0]]).toEqual([1, 'error: reporting round FY2022 not found']);
    const store = openDatabase(db.url);
    const round = {
      organizationSlug: 'ogori',
      planSlug: 'action-plan-2',
      fy: 2022,
      dueDate: '2023-05-31',
      confirmPastDue: true,
    };
    await openReportingRound({ ctx: createAppContext(store), actor: systemActor('test'), ...round });
    await store.close();
    expect((await runCli(['report', 'import-xlsx', file, '--fy', 'R4'], env())).stdout).toBe(
      '0 changed, 8 unchanged\n',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('指標')!.getCell('J3').value = '多数';
    const broken = path.join(dir, 'broken.xlsx');
    await wb.xlsx.writeFile(broken);
    const res = await runCli(['report', 'import-xlsx', broken, '--fy', '2022'], env());
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(
      'error: nothing was saved; 1 problem(s):\n' +
        '  指標!J3: 「多数」は数値ではありません。数値だけを入力し、補足は注記の列に書いてください\n' +
        '    指標!J3: "多数" is not a number; put words in the note column\n',
    );
  }, 150_000);
});
