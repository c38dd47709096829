import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportBundle,
  importBundle,
  openReportingRound,
  publishEdition,
  reviewReport,
  systemActor,
} from '../../src/app/index.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, type StaffSessionCookie, signInStaff, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

/**
 * A fictional town (見本市) whose plan declares a sheet field of its own, 事業費（決算額） in 千円 per fiscal year,
 * entered by the 課: it goes from the bundle through the entry form, publication and every public output, and
 * back out of export and in through import unchanged. All figures are invented.
 */
const ORG = 'mihon-fields';
const PLAN = 'keikaku';
const round = { organizationSlug: ORG, planSlug: PLAN, fy: 2025 };
const TASK = `/staff/plans/${PLAN}/rounds/2025/tasks/1-1`;

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
                fields: { settledCost: [{ fy: 2024, amount: 1200 }] },
              },
            ],
          },
        ],
      },
    ],
  };
}

for (const dialect of DIALECTS) {
  describe(`a plan-defined money field end to end on ${dialect}`, () => {
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
      staff.approver = await buildStaff(ctx, { role: 'department-approver', org: ORG, department: 'kikaku' });
      staff.office = await buildStaff(ctx, { role: 'plan-office', org: ORG });
      await openReportingRound({ ctx, actor: systemActor(), ...round, dueDate: '2026-05-31' });
      editor = await signInStaff(ctx, staff.editor.email, '192.0.2.21');
    });
    afterAll(() => server.close());

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

    it('saves it through saveReport, and the published edition shows it on the portal, PDF, CSV and API', async () => {
      const saved = await post({
        intent: 'submit',
        'field.settledCost.2024': '1200',
        'field.settledCost.2025': '１，５００',
        'field.settledCost.2026': '',
      });
      expect(saved.status).toBe(303);
      const ctx = server.ctx;
      await reviewReport({ ctx, actor: staff.approver!.actor, ...round, code: '1-1', decision: 'approve' });
      await reviewReport({ ctx, actor: staff.office!.actor, ...round, code: '1-1', decision: 'approve' });
      await publishEdition({ ctx, actor: staff.office!.actor, ...round, name: '令和7年度実績反映版' });

      const base = `/${ORG}/${PLAN}`;
      const html = await (await server.get(`${base}/initiatives/1-1`)).text();
      const section = /<section aria-labelledby="field-settledCost">[\s\S]*?<\/section>/.exec(html)![0];
      expect(textOf(section)).toBe('事業費（決算額） 事業費（決算額） 令和6年度 1,200千円 令和7年度 1,500千円');
      const en = await (await server.get(`${base}/initiatives/1-1?lang=en`)).text();
      expect(textOf(/<section aria-labelledby="field-settledCost">[\s\S]*?<\/section>/.exec(en)![0])).toBe(
        'Cost (settled) Cost (settled) FY2024 1,200 千円 FY2025 1,500 千円',
      );

      const csv: string[][] = parse(await (await server.get(`${base}/downloads/edition.csv`)).text());
      const cols = [
        '令和6年度 事業費（決算額）（千円）',
        '令和7年度 事業費（決算額）（千円）',
        '令和8年度 事業費（決算額）（千円）',
      ];
      const row = csv.find((r) => r[6] === '1-1')!;
      expect(cols.map((c) => row[csv[0]!.indexOf(c)])).toEqual(['1200', '1500', '']);

      const api = await (await server.get(`/api/v1/organizations/${ORG}/plans/${PLAN}/initiatives/1-1`)).json();
      expect(api.fields).toEqual([
        {
          key: 'settledCost',
          label: { ja: '事業費（決算額）', en: 'Cost (settled)' },
          shape: 'money-per-year',
          unit: '千円',
          value: [
            { fy: 2024, amount: 1200 },
            { fy: 2025, amount: 1500 },
          ],
          text: '2024: 1200\n2025: 1500',
        },
      ]);

      const work = mkdtempSync(path.join(tmpdir(), 'shinchoku-fields-'));
      try {
        const pdf = path.join(work, 'edition.pdf');
        writeFileSync(pdf, new Uint8Array(await (await server.get(`${base}/downloads/edition.pdf`)).arrayBuffer()));
        const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        expect(pdfText).toContain('事業費（決算額）令和6年度：1,200千円令和7年度：1,500千円');
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
        ],
      });
      await importBundle({ ctx, actor: systemActor(), input: exported, replace: true, discardRounds: true });
      const second = JSON.stringify(await exportBundle({ ctx, organizationSlug: ORG }), null, 2);
      expect(second).toBe(first);
    }, 60_000);
  });
}
