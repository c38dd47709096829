import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppError,
  exportBundle,
  getReport,
  importBundle,
  openReportingRound,
  publishEdition,
  reviewReport,
  saveReport,
  systemActor,
  type UploadIssue,
} from '../../src/app/index.ts';
import { importDepartmentWorkbook } from '../../src/reports/index.ts';
import { hiddenFieldsOf, textOf } from '../harness/html-text.ts';
import { resaveWithLibreOffice } from '../harness/libreoffice.ts';
import { buildStaff, type StaffSessionCookie, signInStaff, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

/**
 * A fictional town (見本市) whose plan declares sheet fields of its own: 事業費（決算額） in 千円 per fiscal year,
 * 実施方法 (a choice), 従事人員 (a number with a unit and a decimal) and 事業開始日 (a date), entered by the 課,
 * and 事業のページ (a link) the plan office enters; its sheet also gives 根拠法令. The values go from the bundle
 * through the entry form and the 課 workbook (edited with exceljs, re-saved by LibreOffice), publication and
 * every public output, and back out of export and in through import unchanged. All figures are invented.
 */
const ORG = 'mihon-fields';
const PLAN = 'keikaku';
const round = { organizationSlug: ORG, planSlug: PLAN, fy: 2025 };
const ROUND = `/staff/plans/${PLAN}/rounds/2025`;
const TASK = `${ROUND}/tasks/1-1`;

function bundle(): unknown {
  return {
    format: 'shinchoku/v1',
    organization: { slug: ORG, name: '見本市（架空）' },
    departments: [{ code: 'kikaku', name: '企画課' }],
    plans: [
      {
        slug: PLAN,
        title: '見本市事務事業計画',
        period: { startFy: 2024, endFy: 2026 },
        levels: [{ ja: '政策' }, { ja: '事務事業' }],
        ratingScales: [
          {
            key: 'self',
            name: '自己評価',
            kind: 'ordinal',
            levels: [
              { key: 'B', label: 'B', score: 1 },
              { key: 'A', label: 'A', score: 2 },
            ],
          },
        ],
        sheetFields: [
          {
            key: 'settledCost',
            label: { ja: '事業費（決算額）', en: 'Cost (settled)' },
            shape: { kind: 'money-per-year', unit: '千円' },
          },
          {
            key: 'method',
            label: { ja: '実施方法', en: 'Delivery' },
            shape: {
              kind: 'choice',
              options: [
                { key: 'direct', label: { ja: '直営', en: 'In-house' } },
                { key: 'contract', label: { ja: '委託', en: 'Contracted' } },
              ],
            },
          },
          { key: 'staff', label: { ja: '従事人員', en: 'Staff' }, shape: { kind: 'number', unit: '人', decimals: 1 } },
          { key: 'startedOn', label: { ja: '事業開始日', en: 'Started on' }, shape: { kind: 'date' } },
          {
            key: 'page',
            label: { ja: '事業のページ', en: 'Web page' },
            shape: { kind: 'link' },
            enteredBy: 'plan-office',
          },
        ],
        nodes: [
          {
            code: '1',
            title: '暮らし',
            children: [
              {
                code: '1-1',
                title: '相談窓口の運営',
                departments: ['kikaku'],
                fields: {
                  settledCost: [{ fy: 2024, amount: 1200 }],
                  page: 'https://example.jp/soudan',
                  legalBasis: ['社会福祉法'],
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

/** 取組 of the 課 workbook: 根拠法令 and 事業のページ for reference, the 課's fields after the comment. */
const ITEM_HEADERS = [
  '行ID',
  '版',
  '番号',
  '取組名',
  '担当課',
  '計画期間内の目標',
  '根拠法令',
  '事業のページ',
  '令和7年度 計画（参考）',
  '令和7年度 実績',
  '令和8年度 計画',
  '自己評価（自己評価）',
  'コメント',
  '令和6年度 事業費（決算額）（千円）',
  '令和7年度 事業費（決算額）（千円）',
  '令和8年度 事業費（決算額）（千円）',
  '実施方法',
  '従事人員（人）',
  '事業開始日',
];
// exceljs reads an empty cell as undefined and ends the row at its last value.
const ITEM_ROW = [
  '1-1',
  2,
  '1-1',
  '相談窓口の運営',
  '企画課',
  undefined,
  '社会福祉法',
  'https://example.jp/soudan',
  undefined,
  '相談 120件',
  undefined,
  'A',
  undefined,
  '1200',
  '1500',
];
const BAD_CELLS = [
  ['取組!O2', '「約1500」は数値ではありません', '"約1500" is not a number'],
  ['取組!Q2', '「外注」は選択肢にありません（直営、委託）', '"外注" is not one of: In-house, Contracted'],
  ['取組!R2', '値が正しくありません（at most 1 decimals）', 'invalid value (at most 1 decimals)'],
];
/** The upload result's row for the field both sides changed: cell, value at download, the clerk's, the saved one. */
const CONFLICT_ROW =
  '番号 項目 セル 出力時の内容 あなたの入力 保存されている内容 1-1 従事人員（人） 取組!R2 2.5 4 3 1-1 相談窓口の運営: 項目ごとに選ぶ';

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected the upload to be refused');
}

for (const dialect of DIALECTS) {
  describe(`plan-defined fields of every shape end to end on ${dialect}`, () => {
    let server: TestServer;
    let editor: StaffSessionCookie;
    const staff: Record<string, TestStaff> = {};
    beforeAll(async () => {
      server = await startTestServer({
        database: dialect,
        bundles: () => [bundle()],
        now: () => new Date('2026-04-15T00:00:00Z'),
      });
      const ctx = server.ctx;
      staff.editor = await buildStaff(ctx, { role: 'department-editor', org: ORG, department: 'kikaku' });
      staff.colleague = await buildStaff(ctx, { role: 'department-editor', org: ORG, department: 'kikaku' });
      staff.approver = await buildStaff(ctx, { role: 'department-approver', org: ORG, department: 'kikaku' });
      staff.office = await buildStaff(ctx, { role: 'plan-office', org: ORG });
      await openReportingRound({ ctx, actor: systemActor(), ...round, dueDate: '2026-05-31' });
      editor = await signInStaff(ctx, staff.editor.email, '192.0.2.21');
    });
    afterAll(() => server.close());

    const values = async () =>
      (await getReport({ ctx: server.ctx, actor: staff.editor!.actor, ...round, code: '1-1' })).values;
    const download = async () => {
      const res = await server.get(`${ROUND}/workbook?department=kikaku`, { headers: { cookie: editor.cookie } });
      expect(res.status).toBe(200);
      return res.arrayBuffer();
    };
    /** The file with cells of 1-1's row (row 2 of 取組) changed, found by their header. */
    const edited = async (file: ArrayBuffer, change: (cell: (header: string) => ExcelJS.Cell) => void) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file);
      const items = wb.getWorksheet('取組')!;
      const headers = (items.getRow(1).values as string[]).slice(1);
      change((header) => items.getRow(2).getCell(headers.indexOf(header) + 1));
      return wb.xlsx.writeBuffer();
    };
    const upload = async (data: ArrayBuffer | Uint8Array) => {
      const form = new FormData();
      form.set('_csrf', editor.csrf);
      form.set('file', new Blob([new Uint8Array(data)]), 'kikaku.xlsx');
      const res = await server.get(`${ROUND}/workbook`, {
        method: 'POST',
        body: form,
        headers: { cookie: editor.cookie },
      });
      return { status: res.status, text: textOf(await res.text()) };
    };

    const post = async (fields: Record<string, string>) => {
      const page = await (await server.get(TASK, { headers: { cookie: editor.cookie } })).text();
      const version = /name="version" value="(\d+)"/.exec(page)![1]!;
      return server.get(TASK, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: editor.cookie },
        body: new URLSearchParams({ _csrf: editor.csrf, version, actual: '相談 120件', rating: 'A', ...fields }),
      });
    };

    it('offers the field in the 課 form, one input a year, and refuses what is not an amount', async () => {
      const page = await (await server.get(TASK, { headers: { cookie: editor.cookie } })).text();
      expect(page).toMatch(/<label[^>]*>令和6年度 事業費（決算額）（千円）<\/label>/);
      expect(page).toContain('name="field.settledCost.2024" type="text" value="1200"');
      expect(page).toContain('name="field.settledCost.2025" type="text" value=""');
      const refused = await post({ intent: 'save', 'field.settledCost.2025': '約1500' });
      expect(refused.status).toBe(400);
      expect(textOf(await refused.text())).toContain('「約1500」は数値ではありません');
    });

    it('saves it through saveReport from the form', async () => {
      const saved = await post({
        intent: 'save',
        'field.settledCost.2024': '1200',
        'field.settledCost.2025': '１，５００',
        'field.settledCost.2026': '',
        'field.method': '',
        'field.staff': '',
        'field.startedOn': '',
      });
      expect(saved.status).toBe(303);
      expect((await values()).fields).toEqual({
        'settledCost.2024': '1200',
        'settledCost.2025': '1500',
        'settledCost.2026': '',
        method: '',
        staff: '',
        startedOn: '',
      });
    });

    it('writes the fields in the 課 workbook and reads an edited, LibreOffice-saved file back', async () => {
      const file = await download();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file);
      const items = wb.getWorksheet('取組')!;
      expect((items.getRow(1).values as unknown[]).slice(1)).toEqual(ITEM_HEADERS);
      expect((items.getRow(2).values as unknown[]).slice(1)).toEqual(ITEM_ROW);
      const filled = await edited(file, (cell) => {
        cell('令和8年度 事業費（決算額）（千円）').value = '1,800';
        cell('実施方法').value = '委託';
        cell('従事人員（人）').value = '2.5';
        cell('事業開始日').value = '2020-04-01';
      });
      // LibreOffice re-saves the file once (on the first database): its reading does not depend on the store.
      const res = await upload(dialect === DIALECTS[0] ? await resaveWithLibreOffice(filled) : filled);
      expect(res.status).toBe(200);
      expect(res.text).toContain('1件の取組を下書き保存しました。');
      expect((await values()).fields).toEqual({
        'settledCost.2024': '1200',
        'settledCost.2025': '1500',
        'settledCost.2026': '1800',
        method: '委託',
        staff: '2.5',
        startedOn: '2020-04-01',
      });
    }, 180_000);

    it('refuses a wrong cell naming the visible sheet and cell in Japanese and English, and saves nothing', async () => {
      const before = await values();
      const broken = await edited(await download(), (cell) => {
        cell('令和7年度 事業費（決算額）（千円）').value = '約1500';
        cell('実施方法').value = '外注';
        cell('従事人員（人）').value = '2.25';
      });
      const refused = await rejection(
        importDepartmentWorkbook(
          server.ctx,
          staff.editor!.actor,
          { organizationSlug: ORG, planSlug: PLAN, fy: 2025 },
          new Uint8Array(broken),
        ),
      );
      const issues = (refused.details as { issues: UploadIssue[] }).issues;
      expect(issues.map((i) => [`${i.sheet}!${i.cell}`, i.messageJa, i.messageEn])).toEqual(BAD_CELLS);
      expect(await values()).toEqual(before);
    }, 60_000);

    it('merges a stale file per field: a field both sides changed is kept for the clerk to choose', async () => {
      const file = await download();
      const view = await getReport({ ctx: server.ctx, actor: staff.colleague!.actor, ...round, code: '1-1' });
      await saveReport({
        ctx: server.ctx,
        actor: staff.colleague!.actor,
        ...round,
        code: '1-1',
        expectedVersion: view.version,
        values: { ...view.values, fields: { ...view.values.fields, staff: '3' } },
      });
      const stale = await edited(file, (cell) => {
        cell('従事人員（人）').value = '4';
        cell('事業開始日').value = '2021-04-01';
      });
      const res = await upload(stale);
      expect(res.status).toBe(200);
      expect(res.text).toContain(CONFLICT_ROW);
      expect((await values()).fields).toMatchObject({ staff: '3', startedOn: '2021-04-01' });
      const conflicts = await server.get(`${TASK}/conflicts`, { headers: { cookie: editor.cookie } });
      const html = await conflicts.text();
      expect(textOf(html)).toContain(
        '従事人員（人） 3 この項目は保存されている内容にする 4 この項目はあなたの入力にする',
      );
      const form = new URLSearchParams(hiddenFieldsOf(html, '/tasks/1-1/resolve'));
      form.set('take.field.staff', 'yours');
      const resolved = await server.get(`${TASK}/resolve`, {
        method: 'POST',
        body: form,
        headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(resolved.status).toBe(303);
      expect((await values()).fields).toMatchObject({ staff: '4', startedOn: '2021-04-01' });
    }, 60_000);

    it('the published edition shows the fields on the portal, PDF, CSV and API', async () => {
      const ctx = server.ctx;
      const view = await getReport({ ctx, actor: staff.editor!.actor, ...round, code: '1-1' });
      await saveReport({
        ctx,
        actor: staff.editor!.actor,
        ...round,
        code: '1-1',
        expectedVersion: view.version,
        values: { ...view.values, actual: '相談 120件', rating: 'A' },
        submit: true,
      });
      await reviewReport({ ctx, actor: staff.approver!.actor, ...round, code: '1-1', decision: 'approve' });
      await reviewReport({ ctx, actor: staff.office!.actor, ...round, code: '1-1', decision: 'approve' });
      await publishEdition({ ctx, actor: staff.office!.actor, ...round, name: '令和7年度実績反映版' });

      const base = `/${ORG}/${PLAN}`;
      const html = await (await server.get(`${base}/initiatives/1-1`)).text();
      const section = /<section aria-labelledby="field-settledCost">[\s\S]*?<\/section>/.exec(html)![0];
      expect(textOf(section)).toBe(
        '事業費（決算額） 事業費（決算額） 令和6年度 1,200千円 令和7年度 1,500千円 令和8年度 1,800千円',
      );
      expect(textOf(/<section aria-labelledby="field-method">[\s\S]*?<\/section>/.exec(html)![0])).toBe(
        '実施方法 委託',
      );
      const en = await (await server.get(`${base}/initiatives/1-1?lang=en`)).text();
      expect(textOf(/<section aria-labelledby="field-settledCost">[\s\S]*?<\/section>/.exec(en)![0])).toBe(
        'Cost (settled) Cost (settled) FY2024 1,200 千円 FY2025 1,500 千円 FY2026 1,800 千円',
      );

      const csv: string[][] = parse(await (await server.get(`${base}/downloads/edition.csv`)).text());
      const cols = [
        '令和6年度 事業費（決算額）（千円）',
        '令和7年度 事業費（決算額）（千円）',
        '令和8年度 事業費（決算額）（千円）',
      ];
      const row = csv.find((r) => r[6] === '1-1')!;
      expect(cols.map((c) => row[csv[0]!.indexOf(c)])).toEqual(['1200', '1500', '1800']);
      const others = ['根拠法令', '実施方法', '従事人員（人）', '事業開始日', '事業のページ'];
      expect(others.map((c) => row[csv[0]!.indexOf(c)])).toEqual([
        '社会福祉法',
        '委託',
        '4',
        '2021-04-01',
        'https://example.jp/soudan',
      ]);

      const api = await (await server.get(`/api/v1/organizations/${ORG}/plans/${PLAN}/initiatives/1-1`)).json();
      expect(api.fields.map((f: { key: string; value: unknown }) => [f.key, f.value])).toEqual([
        ['legalBasis', ['社会福祉法']],
        [
          'settledCost',
          [
            { fy: 2024, amount: 1200 },
            { fy: 2025, amount: 1500 },
            { fy: 2026, amount: 1800 },
          ],
        ],
        ['method', 'contract'],
        ['staff', 4],
        ['startedOn', '2021-04-01'],
        ['page', 'https://example.jp/soudan'],
      ]);
      expect(api.fields[1]).toEqual({
        key: 'settledCost',
        label: { ja: '事業費（決算額）', en: 'Cost (settled)' },
        shape: 'money-per-year',
        unit: '千円',
        value: [
          { fy: 2024, amount: 1200 },
          { fy: 2025, amount: 1500 },
          { fy: 2026, amount: 1800 },
        ],
        text: '2024: 1200\n2025: 1500\n2026: 1800',
      });

      const work = mkdtempSync(path.join(tmpdir(), 'shinchoku-fields-'));
      try {
        const pdf = path.join(work, 'edition.pdf');
        writeFileSync(pdf, new Uint8Array(await (await server.get(`${base}/downloads/edition.pdf`)).arrayBuffer()));
        const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        expect(pdfText).toContain('事業費（決算額）令和6年度：1,200千円令和7年度：1,500千円令和8年度：1,800千円');
        expect(pdfText).toContain('実施方法委託従事人員4.0人事業開始日2021-04-01事業のページhttps://example.jp/soudan');
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }, 120_000);

    it('exports the field and its values, imports them back, and exports the same bytes again', async () => {
      const ctx = server.ctx;
      const first = JSON.stringify(await exportBundle({ ctx, organizationSlug: ORG }), null, 2);
      const exported = JSON.parse(first);
      expect(exported.plans[0].sheetFields[0].key).toBe('settledCost');
      expect(exported.plans[0].nodes[0].children[0].fields).toEqual({
        settledCost: [
          { fy: 2024, amount: 1200 },
          { fy: 2025, amount: 1500 },
          { fy: 2026, amount: 1800 },
        ],
        page: 'https://example.jp/soudan',
        legalBasis: ['社会福祉法'],
        method: 'contract',
        staff: 4,
        startedOn: '2021-04-01',
      });
      await importBundle({ ctx, actor: systemActor(), input: exported, replace: true, discardRounds: true });
      const second = JSON.stringify(await exportBundle({ ctx, organizationSlug: ORG }), null, 2);
      expect(second).toBe(first);
    }, 60_000);
  });
}
