import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReportingRound } from '../../src/app/index.ts';
import { EditionContent, OrganizationBundle } from '../../src/domain/index.ts';
import { buildPdfModel, editionWorkbook, type TableModel } from '../../src/reports/index.ts';
import { sectionOf, tableRows, textOf } from '../harness/html-text.ts';
import { buildStaff, signInStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

// ほしぞら市 (a fictional example, data/examples/hoshizora): two rating dimensions, a 事中評価 (mid-year) beside the
// listed 事後評価, and 「C」 split into three sub-reasons that count as C in the distribution and its shares. Nothing
// in the code names the stages.
const MK = '/hoshizora/sogo-keikaku-6-zenki';
const API = '/api/v1/organizations/hoshizora/plans/sogo-keikaku-6-zenki';

function stagedBundle() {
  return JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../data/examples/hoshizora/bundle.json'), 'utf8'),
  );
}

for (const dialect of DIALECTS) {
  describe(`evaluation stages and sub-codes (${dialect})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, bundles: () => [stagedBundle()] });
    });
    afterAll(async () => {
      await server?.close();
    });
    const html = async (p: string) => (await server.get(p)).text();
    // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field below
    const json = async (p: string): Promise<any> => (await server.get(p)).json();

    it('rolls up each stage on the plan home, the listed one marked; sub-codes count as C', async () => {
      const home = await html(`${MK}/`);
      expect(tableRows(home, '令和6年度の評価段階ごとの達成度')).toEqual([
        ['事中評価', 'A: 1, C: 2', '分布（3件）', '17件中3件評価済、未評価14件'],
        ['事後評価 （一覧に掲載）', 'A: 2, B: 8, C: 6', '分布（16件）', '17件中16件評価済、未評価1件'],
      ]);
      // The headline stays the listed stage's; C pools its three sub-reasons.
      expect(textOf(sectionOf(home, /<p class="headline">/, 'p'))).toBe(
        '令和6年度 A: 2, B: 8, C: 6 17件中16件評価済、未評価1件',
      );
      expect(tableRows(home, '令和6年度の評価ごとの件数と割合')).toEqual([
        ['A', '2件', '12.5%'],
        ['B', '8件', '50.0%'],
        ['C', '6件', '37.5%'],
        ['D', '0件', '0.0%'],
      ]);
    });

    it('shows an item’s rating in every stage, and its sub-code as rated', async () => {
      const page = await html(`${MK}/initiatives/1-1-1`);
      expect(tableRows(page, '年度・評価段階ごとの評価とコメント').filter((r) => r[0] === '令和6年度')).toEqual([
        ['令和6年度', '事中評価', '達成度', 'C', '上半期は申請が伸びなかった'],
        [
          '令和6年度',
          '事後評価 （一覧に掲載）',
          '達成度',
          'B',
          '年度目標（15人）を大きく下回る6人となり、概ね達成と評価した。',
        ],
        ['令和6年度', '事後評価 （一覧に掲載）', '改善度', '○', '—'],
      ]);
      const en = await html(`${MK}/initiatives/1-1-2?lang=en`);
      expect(tableRows(en, 'Rating and comment by fiscal year and evaluation stage')[0]!.slice(0, 4)).toEqual([
        'FY2023',
        'Year-end review (as listed)',
        'Achievement',
        'C',
      ]);
      expect(
        tableRows(en, 'Rating and comment by fiscal year and evaluation stage').find(
          (r) => r[0] === 'FY2024' && r[1] === 'Mid-year review',
        ),
      ).toEqual(['FY2024', 'Mid-year review', 'Achievement', 'C (improve the method)', '—']);
    });

    it('gives the staff entry form last year’s rating of the listed stage, named or not', async () => {
      const office = await buildStaff(server.ctx, { role: 'plan-office', org: 'hoshizora' });
      await openReportingRound({
        ctx: server.ctx,
        actor: office.actor,
        organizationSlug: 'hoshizora',
        planSlug: 'sogo-keikaku-6-zenki',
        fy: 2025,
        dueDate: '2099-05-31',
      });
      const { cookie } = await signInStaff(server.ctx, office.email, 'stages');
      const lastYear = async (code: string) => {
        const page = await server.get(`/staff/plans/sogo-keikaku-6-zenki/rounds/2025/tasks/${code}`, {
          headers: { cookie },
        });
        return /令和6年度の達成度: \S+/.exec(textOf(await page.text()))?.[0];
      };
      // 1-1-1: the listed rating B, not the 事中評価's C; 1-2-2: its rating names the listed stage.
      expect([await lastYear('1-1-1'), await lastYear('1-2-2')]).toEqual([
        '令和6年度の達成度: B',
        '令和6年度の達成度: B',
      ]);
    });

    it('gives stage roll-ups and stage ratings in the API', async () => {
      const plan = await json(API);
      expect(
        plan.stageRollups.map((s: { stage: { key: string }; listed: boolean; rollup: { formatted: string } }) => [
          s.stage.key,
          s.listed,
          s.rollup.formatted,
        ]),
      ).toEqual([
        ['interim', false, 'A: 1, C: 2'],
        ['final', true, 'A: 2, B: 8, C: 6'],
      ]);
      expect(plan.stageRollups[0].distribution).toEqual([
        { level: 'A', label: 'A', count: 1, share: 33.3 },
        { level: 'B', label: 'B', count: 0, share: 0 },
        { level: 'C', label: 'C', count: 2, share: 66.7 },
        { level: 'D', label: 'D', count: 0, share: 0 },
      ]);
      const item = await json(`${API}/initiatives/1-1-2`);
      expect(item.stageRatings.filter((r: { fy: number }) => r.fy === 2024)).toEqual([
        {
          fy: 2024,
          stage: { key: 'interim', name: '事中評価', nameEn: 'Mid-year review' },
          listed: false,
          scale: 'achievement',
          level: 'C-method',
          label: 'C（手法を改善）',
          labelEn: 'C (improve the method)',
          comment: null,
        },
        expect.objectContaining({ stage: expect.objectContaining({ key: 'final' }), level: 'C', listed: true }),
        expect.objectContaining({ scale: 'improvement', level: 'improved', label: '○', listed: true }),
      ]);
    });

    it('prints each stage in the PDF: the stage table on a sheet, the unlisted stage’s roll-up under the 一覧', async () => {
      const pdf = await server.get(`${MK}/downloads/edition.pdf`);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'hoshizora-')), 'edition.pdf');
      writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(
        '評価段階ごとの評価 年度 評価段階 評価尺度 評価 コメント 令和5年度 事後評価（一覧に掲載） 達成度 C — 令和6年度 事中評価 達成度 C 上半期は申請が伸びなかった',
      );
      // Hand-counted from the bundle: 1-1-1 C, 1-1-2 C（手法を改善）, 1-2-1 A in the 事中評価; the sub-code counts as C.
      expect(text).toContain('令和6年度 事中評価：分布（3件） A: 1, C: 2。17件中3件評価済、未評価14件。');
      expect(text).toContain('令和6年度：分布（16件）。17件中16件評価済、未評価1件。未評価：3-2-2。');
    });

    it('writes the unlisted stage’s ratings as columns of the open-data CSV', async () => {
      const rows: string[][] = parse(await (await server.get(`${MK}/downloads/edition.csv`)).text());
      const header = rows[0]!;
      const col = header.indexOf('令和6年度 達成度（事中評価）');
      expect(col).toBeGreaterThan(header.indexOf('令和6年度 達成度'));
      const byCode = (code: string) => rows.find((r) => r[header.indexOf('番号')] === code)!;
      expect([byCode('1-1-1')[col], byCode('1-1-2')[col], byCode('1-2-1')[col], byCode('1-1-3')[col]]).toEqual([
        'C',
        'C（手法を改善）',
        'A',
        '',
      ]);
      expect(byCode('2-1-1')[header.indexOf('令和6年度 達成度')]).toBe('C（手法を改善）');
    });
  });
}

describe('evaluation stages in the PDF and the edition workbook', () => {
  const bundle = OrganizationBundle.parse(stagedBundle());
  const content = EditionContent.parse({
    organization: bundle.organization,
    departments: bundle.departments,
    plan: bundle.plans[0],
  });
  const cells = (t: TableModel) => t.rows.map((r) => r.cells.map((c) => c.lines.join(' / ')));
  const stageTableOf = (lang: 'ja' | 'en', code: string) => {
    const sheet = buildPdfModel(content, lang).blocks.find((b) => b.kind === 'sheet' && b.outline.startsWith(code));
    if (sheet?.kind !== 'sheet') throw new Error(`no sheet ${code}`);
    return sheet.tables.at(-1)!;
  };

  it('prints each stage’s ratings under the rating grids, the listed stage marked, as the portal lists them', () => {
    const ja = stageTableOf('ja', '1-1-1 ');
    expect(ja.caption).toBe('評価段階ごとの評価');
    // 1-1-1: C in 令和5年度 (no stage: the listed one), 事中 C with its comment, 事後 B and 改善度 ○ in 令和6年度.
    expect(cells(ja)).toEqual([
      ['年度', '評価段階', '評価尺度', '評価', 'コメント'],
      ['令和5年度', '事後評価（一覧に掲載）', '達成度', 'C', '—'],
      ['令和6年度', '事中評価', '達成度', 'C', '上半期は申請が伸びなかった'],
      [
        '令和6年度',
        '事後評価（一覧に掲載）',
        '達成度',
        'B',
        '年度目標（15人）を大きく下回る6人となり、概ね達成と評価した。',
      ],
      ['令和6年度', '事後評価（一覧に掲載）', '改善度', '○', '—'],
    ]);
    expect(cells(stageTableOf('en', '1-1-2 '))[2]).toEqual([
      'FY2024',
      'Mid-year review',
      'Achievement',
      'C (improve the method)',
      '—',
    ]);
  });

  it('gives the unlisted stage its columns in each year’s ratings sheet of the workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await editionWorkbook(content)) as never);
    const sheet = wb.getWorksheet('令和6年度 評価')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const at = header.indexOf('達成度（事中評価）');
    expect(header.slice(at, at + 4)).toEqual([
      '達成度（事中評価）',
      '達成度（事中評価）のコメント',
      '改善度（事中評価）',
      '改善度（事中評価）のコメント',
    ]);
    const row = (code: string) => {
      let found: unknown[] = [];
      sheet.eachRow((r) => {
        if (r.getCell(1).value === code) found = (r.values as unknown[]).slice(1);
      });
      return found.slice(at, at + 4);
    };
    expect(row('1-1-1')).toEqual(['C', '上半期は申請が伸びなかった', undefined, undefined]);
    expect(row('1-1-2')).toEqual(['C（手法を改善）', undefined, undefined, undefined]);
    expect(row('1-1-3')).toEqual([undefined, undefined, undefined, undefined]);
  });
});
