import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  type AppError,
  bundleToJson,
  exportBundle,
  getDepartmentSheets,
  listOrganizations,
  openReportingRound,
  systemActor,
  type UploadIssue,
  updateNodeSheet,
} from '../../src/app/index.ts';
import { departmentWorkbook, importDepartmentWorkbook } from '../../src/reports/index.ts';
import { type AppFixture, createAppFixture } from '../harness/app-fixture.ts';
import { DIALECTS } from '../harness/test-database.ts';

const ORG = 'ogori';
const PLAN = 'action-plan-2';
const system = systemActor('test');
const ROUND = { organizationSlug: ORG, planSlug: PLAN, fy: 2022 };

type NodeJson = { code: string; children: NodeJson[]; [k: string]: unknown };
function nodeIn(bundle: { plans: { nodes: NodeJson[] }[] }, code: string): NodeJson {
  const walk = (nodes: NodeJson[]): NodeJson | undefined => {
    for (const n of nodes) {
      if (n.code === code) return n;
      const found = walk(n.children);
      if (found) return found;
    }
    return undefined;
  };
  return walk(bundle.plans[0]!.nodes)!;
}

async function edit(buffer: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected the upload to be refused');
}

for (const dialect of DIALECTS) {
  describe(`課 workbook (照会) round trip on ${dialect}`, () => {
    let fx: AppFixture;
    let workbook: Buffer;
    const exported = async () => bundleToJson(await exportBundle({ ctx: fx.ctx, organizationSlug: ORG }));

    beforeAll(async () => {
      fx = await createAppFixture(dialect);
      await openReportingRound({ ctx: fx.ctx, actor: system, ...ROUND, dueDate: '2023-05-31', confirmPastDue: true });
      const sheets = await getDepartmentSheets(fx.ctx, system, {
        organizationSlug: ORG,
        planSlug: PLAN,
        department: 'keiei-senryaku',
        fy: 2022,
      });
      expect(sheets.nodes.map((n) => n.code)).toEqual(['1-1', '1-2', '4-1', '5-3', '12-2', '13-1', '13-2', '14-2']);
      workbook = await departmentWorkbook(sheets);
    });
    afterAll(() => fx.close());

    it('locks fixed fields, unlocks entry cells, hides ids and versions, offers the scale as a list', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(workbook as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('取組')!;
      expect((ws.getRow(1).values as string[]).slice(1)).toEqual([
        '行ID',
        '版',
        '番号',
        '取組名',
        '担当課',
        '計画期間内の目標',
        '令和4年度 計画（参考）',
        '令和4年度 実績',
        '令和5年度 計画',
        '令和6年度 計画',
        '自己評価（目標達成率）',
        'コメント',
      ]);
      expect((ws as unknown as { sheetProtection?: { sheet: boolean } }).sheetProtection?.sheet).toBe(true);
      expect([ws.getColumn(1).hidden, ws.getColumn(2).hidden, ws.getColumn(3).hidden]).toEqual([true, true, false]);
      expect(ws.getCell('A3').value).toBe('1-2');
      expect(ws.getCell('K3').value).toBe('70%');
      expect(ws.getCell('D3').protection?.locked).not.toBe(false);
      expect(['H3', 'I3', 'J3', 'K3', 'L3'].map((c) => ws.getCell(c).protection?.locked)).toEqual([
        false,
        false,
        false,
        false,
        false,
      ]);
      const validation = ws.getCell('K3').dataValidation;
      expect(validation.type).toBe('list');
      const [sheet, range] = String(validation.formulae?.[0]).split('!');
      expect(sheet).toBe("'選択肢'");
      const options = wb.getWorksheet('選択肢')!.getColumn(range!.split('$')[1]!).values.slice(1);
      expect(options).toEqual(['0%', '10%', '20%', '30%', '40%', '50%', '60%', '70%', '80%', '90%', '100%']);
      expect(wb.getWorksheet('指標')!.getCell('J4').protection?.locked).toBe(false);
    });

    it('uploading the untouched workbook changes nothing', async () => {
      const before = await exported();
      const result = await importDepartmentWorkbook(fx.ctx, system, ROUND, workbook);
      expect({ ...result, outcomes: result.outcomes.map((o) => `${o.code}:${o.outcome}:${o.saved}`) }).toEqual({
        changed: [],
        unchanged: 8,
        skipped: [],
        conflicts: [],
        outcomes: ['1-1', '1-2', '4-1', '5-3', '12-2', '13-1', '13-2', '14-2'].map((c) => `${c}:draft:false`),
      });
      expect(await exported()).toBe(before);
    });

    it('three entries changed as a user would: exactly those three change', async () => {
      const before = JSON.parse(await exported());
      const changedFile = await edit(workbook, (wb) => {
        const items = wb.getWorksheet('取組')!;
        items.getCell('H2').value = `${items.getCell('H2').value}\n要綱改正案を作成`;
        items.getCell('K3').value = '80%';
        wb.getWorksheet('指標')!.getCell('J4').value = 6;
      });
      const result = await importDepartmentWorkbook(fx.ctx, system, ROUND, changedFile);
      expect(result.changed.map((c) => c.code)).toEqual(['1-1', '1-2', '13-2']);
      const expected = structuredClone(before);
      const r4 = (nodeIn(expected, '1-1').roadmap as { fy: number; actual: string[] }[]).find((r) => r.fy === 2022)!;
      r4.actual.push('要綱改正案を作成');
      (nodeIn(expected, '1-2').assessments as { level: string }[])[0]!.level = '80';
      const kpi = (nodeIn(expected, '13-2').indicators as { values: { fy: number; actual?: number }[] }[])[0]!;
      kpi.values.find((v) => v.fy === 2022)!.actual = 6;
      expect(JSON.parse(await exported())).toEqual(expected);
    });

    it('a broken upload names sheet, cell and reason, and changes nothing', async () => {
      const before = await exported();
      const fresh = await departmentWorkbook(
        await getDepartmentSheets(fx.ctx, system, {
          organizationSlug: ORG,
          planSlug: PLAN,
          department: 'keiei-senryaku',
          fy: 2022,
        }),
      );
      const broken = await edit(fresh, (wb) => {
        const items = wb.getWorksheet('取組')!;
        items.getCell('K2').value = '75%';
        items.getCell('A4').value = null;
        items.getCell('H5').value = 'この行は反映されないはず';
        wb.getWorksheet('指標')!.getCell('J2').value = '約200';
      });
      const e = await rejection(importDepartmentWorkbook(fx.ctx, system, ROUND, broken));
      expect(e.code).toBe('invalid-input');
      expect(e.details?.kind).toBe('upload');
      const issues = (e.details as { issues: UploadIssue[] }).issues;
      expect(issues.map((i) => [i.sheet, i.cell, i.kind, i.messageJa])).toEqual([
        ['取組', 'A4', 'invalid', '行IDが空です（行を追加・コピーせず、出力されたファイルに入力してください）'],
        ['指標', 'J2', 'invalid', '「約200」は数値ではありません。数値だけを入力し、補足は注記の列に書いてください'],
        [
          '取組',
          'K2',
          'invalid',
          '「75%」は目標達成率の選択肢にありません（選択肢: 0%、10%、20%、30%、40%、50%、60%、70%、80%、90%、100%）',
        ],
      ]);
      expect(issues[2]!.messageEn).toBe(
        '"75%" is not a level of Achievement rate (0%、10%、20%、30%、40%、50%、60%、70%、80%、90%、100%)',
      );
      expect(e.messageJa).toBe(
        'Excelファイルに3件の問題があるため、何も反映していません。取組!A4: 行IDが空です（行を追加・コピーせず、出力されたファイルに入力してください）',
      );
      expect(await exported()).toBe(before);
    });

    it('a row saved by someone else since the export is merged per field: both-changed fields are conflicts', async () => {
      const sheets = await getDepartmentSheets(fx.ctx, system, {
        organizationSlug: ORG,
        planSlug: PLAN,
        department: 'keiei-senryaku',
        fy: 2022,
      });
      const file = await edit(await departmentWorkbook(sheets), (wb) => {
        wb.getWorksheet('取組')!.getCell('L7').value = '出力後に入力したコメント';
        wb.getWorksheet('取組')!.getCell('K7').value = '30%';
      });
      const node = sheets.nodes.find((n) => n.code === '13-1')!;
      const assessments = node.node.assessments.map((a) => (a.fy === 2022 ? { ...a, level: '90' } : a));
      // Meanwhile the goal (not in the workbook) and the rating change on the server.
      await updateNodeSheet({
        ctx: fx.ctx,
        actor: system,
        organizationSlug: ORG,
        planSlug: PLAN,
        code: '13-1',
        expectedVersion: node.version,
        changes: { goal: '先に保存された目標', assessments },
      });
      const result = await importDepartmentWorkbook(fx.ctx, system, ROUND, file);
      expect(result.changed).toEqual([{ code: '13-1', version: node.version + 2 }]);
      expect(result.conflicts).toEqual([
        {
          code: '13-1',
          field: 'rating',
          fy: 2022,
          at: { sheet: '取組', cell: 'K7' },
          base: '40%',
          yours: '30%',
          theirs: '90%',
        },
      ]);
      const after = nodeIn(JSON.parse(await exported()), '13-1');
      const r4 = (after.assessments as { fy: number; level: string; comment?: string }[]).find((a) => a.fy === 2022)!;
      expect([after.goal, r4.level, r4.comment]).toEqual(['先に保存された目標', '90', '出力後に入力したコメント']);
      expect(result.outcomes.find((o) => o.code === '13-1')).toMatchObject({ saved: true, merged: true });
    });

    it('refuses an editor of another 課', async () => {
      const [org] = await listOrganizations(fx.ctx);
      const other: Actor = {
        kind: 'user',
        userId: 'u-kenko',
        organizationId: org!.id,
        displayName: '健康課の職員',
        role: 'department-editor',
        departmentCode: 'kenko',
      };
      const e = await rejection(importDepartmentWorkbook(fx.ctx, other, ROUND, workbook));
      expect([e.code, e.messageJa]).toEqual([
        'forbidden',
        'Excelファイルに1件の問題があるため、何も反映していません。記入方法!A3: このファイルは経営戦略課の照会用です（あなたの担当は健康課です）',
      ]);
    });
  });
}
