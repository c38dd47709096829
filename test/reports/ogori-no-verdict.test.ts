import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeInitiative } from '../../src/app/index.ts';
import { EditionContent, leafNodes, lintPlan, OrganizationBundle, planRollup } from '../../src/domain/index.ts';
import { buildPdfModel, editionWorkbook, indicatorRows, initiativeRows, writeCsv } from '../../src/reports/index.ts';

// Ogori declares no evaluation method: no channel may show a verdict on its KPIs, while its own 40 ratings, the
// 40.5 % overall rate and the KPI arithmetic stay as they are.
const file = path.resolve(import.meta.dirname, '../../data/ogori/bundle.json');
const bundle = OrganizationBundle.parse(JSON.parse(readFileSync(file, 'utf8')));
const content = EditionContent.parse({
  organization: bundle.organization,
  departments: bundle.departments,
  plan: bundle.plans[0],
});
const plan = content.plan;
// The words of a computed status (the source's own prose mentions 遅れ and 進捗状況, so those alone are no sign).
const VERDICTS = /順調|やや遅れ|成果指標による進捗|目安|許容幅|On track|behind/i;

describe('Ogori, which declares no evaluation method', () => {
  it('keeps its 40 ratings and 40.5 %, and gets no status on any initiative', () => {
    expect(plan.evaluation).toBe(undefined);
    const r = planRollup(plan, 2022, { scope: 'plan' });
    if (!r.ok) throw new Error(r.error.messageEn);
    expect([r.value.formatted, r.value.assessedCount]).toEqual(['40.5%', 40]);
    const views = leafNodes(plan).map((n) => describeInitiative(content, n.code, 2022));
    expect(views.filter((v) => v?.status !== null)).toEqual([]);
    const kpi = describeInitiative(content, '5-2', 2022)!.indicators[0]!.progress;
    expect([kpi.basis, kpi.formula.ja]).toEqual([null, '21 ÷ 25 = 84.0%']);
  });

  it('prints the KPI arithmetic in the PDF, with no status row', () => {
    const model = buildPdfModel(content);
    const lines = JSON.stringify(model.blocks);
    expect(lines).not.toMatch(VERDICTS);
    expect(lines).toContain('21 ÷ 25 = 84.0%');
    expect(lines).toContain('559 ÷ 1,000 = 55.9%');
  });

  it('writes CSV and the workbook without a verdict', async () => {
    const edition = { name: '令和4年度実績反映版', fy: 2022, publishedAt: '2023-08-01' };
    const csv = writeCsv(initiativeRows(content, edition)) + writeCsv(indicatorRows(content));
    expect(csv).not.toMatch(VERDICTS);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await editionWorkbook(content)) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => {
      ws.eachRow((row) => {
        row.eachCell((c) => {
          cells.push(String(c.value));
        });
      });
    });
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.filter((c) => VERDICTS.test(c))).toEqual([]);
  });

  it('lints without calling a rating wrong by a rule Ogori does not declare', () => {
    const findings = lintPlan(plan, content.departments, { fy: 2022 });
    expect(findings.filter((f) => f.code === 'rating-kpi-mismatch')).toEqual([]);
    expect(findings.map((f) => f.message).filter((m) => VERDICTS.test(m))).toEqual([]);
  });
});
