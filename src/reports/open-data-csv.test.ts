import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EditionContent, OrganizationBundle } from '../domain/index.ts';
import { indicatorRows, initiativeRows, neutralizeCell, rollupRows, writeCsv } from './open-data-csv.ts';

const bundle = OrganizationBundle.parse(
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../data/ogori/bundle.json'), 'utf8')),
);
const content = EditionContent.parse({
  organization: bundle.organization,
  departments: bundle.departments,
  plan: bundle.plans[0],
});
const edition = { name: '令和4年度実績反映版', fy: 2022, publishedAt: '2023-06-01T00:00:00.000Z' };

describe('open-data CSV', () => {
  it('has one row per initiative with its rating per fiscal year', () => {
    const rows = initiativeRows(content, edition);
    expect(rows).toHaveLength(41);
    expect(rows[0]?.slice(-6)).toEqual([
      '令和4年度 目標達成率',
      '令和4年度 目標達成率（数値）',
      '令和5年度 目標達成率',
      '令和5年度 目標達成率（数値）',
      '令和6年度 目標達成率',
      '令和6年度 目標達成率（数値）',
    ]);
    const r91 = rows.find((r) => r[6] === '9-1');
    expect(r91?.slice(4, 12)).toEqual([
      '9',
      '魅力ある学校教育の推進',
      '9-1',
      '新たな部活動の仕組みづくり',
      '学校教育課、スポーツ振興課、生涯学習課',
      'gakko-kyoiku;sports-shinko;shogai-gakushu',
      '', // the plan states no lifecycle status
      '',
    ]);
    expect(r91?.slice(-6)).toEqual(['40%', '40', '', '', '', '']);
    const scores = rows.slice(1).map((r) => Number(r[rows[0]!.indexOf('令和4年度 目標達成率（数値）')]));
    expect(scores.reduce((a, b) => a + b, 0) / 40).toBe(40.5);
  });

  it('has the 一覧 wording of a title and the source notes beside the sheet title (1-2, 13-1, 14-1)', () => {
    const rows = initiativeRows(content, edition);
    const col = (name: string) => rows[0]!.indexOf(name);
    const row = (code: string) => rows.find((r) => r[6] === code)!;
    expect([col('名称'), col('一覧の名称'), col('出典の注記')]).toEqual([7, 13, 14]);
    expect([row('1-2')[7], row('1-2')[13]]).toEqual(['市長発信用SNS開設', '市長発信SNS開設']);
    expect(row('13-1')[13]).toBe('どこからでも簡単に手続ができる市役所の実現');
    expect(row('14-1').slice(13, 15)).toEqual(['適切な財政対策の推進', '原本のテキストに取組シートの内容がありません']);
  });

  it('has the plan roll-up of each rated year in a table of its own, as the 一覧 opens with it', () => {
    expect(rollupRows(content, edition)).toEqual([
      [
        '団体',
        '計画',
        '版',
        '版の対象年度',
        '名称',
        '年度',
        '年度（和暦）',
        '評価尺度',
        '集計方法',
        '値',
        '表示',
        '対象件数',
        '評価済件数',
      ],
      [
        '小郡市',
        'もっとつながるまち小郡アクションプラン',
        '令和4年度実績反映版',
        '2022',
        '目標達成率（全体平均）',
        '2022',
        '令和4年度',
        '目標達成率',
        '平均（40件の単純平均）',
        '40.5',
        '40.5%',
        '40',
        '40',
      ],
    ]);
  });

  it('lists indicator baselines, yearly targets and actuals, and the period target', () => {
    const rows = indicatorRows(content).filter((r) => r[0] === '1-3');
    expect(rows.map((r) => [r[6], r[7], r[9], r[10]])).toEqual([
      ['基準値', '2020', '', '2500'],
      ['年度', '2021', '', '6835'],
      ['年度', '2022', '', '8104'],
      ['年度', '2023', '9000', ''],
      ['年度', '2024', '10000', ''],
      ['計画期間の目標', '2024', '10000', ''],
    ]);
  });

  it('neutralises cells a spreadsheet would run as formulas, keeping plain numbers', () => {
    expect(['＝SUM(A1)', '＋1', '－x', '＠cmd'].map(neutralizeCell)).toEqual(["'＝SUM(A1)", "'＋1", "'－x", "'＠cmd"]);
    expect(['=SUM(A1)', '+1', '-x', '@cmd', '\tx', '-5', '-0.5', '10', '普通'].map(neutralizeCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-x",
      "'@cmd",
      "'\tx",
      '-5',
      '-0.5',
      '10',
      '普通',
    ]);
  });

  it('writes RFC 4180 CSV with CRLF, quoting only where needed, and an optional BOM', () => {
    const table = [
      ['a', 'b,c'],
      ['"q"', '=1+2'],
    ];
    expect(writeCsv(table)).toBe('a,"b,c"\r\n"""q""",\'=1+2\r\n');
    expect(writeCsv(table, { bom: true }).startsWith('\ufeffa,')).toBe(true);
  });

  it('gives a built-in field kept by key a column once a sheet gives it (根拠法令)', () => {
    const raw = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../data/ogori/bundle.json'), 'utf8'));
    raw.plans[0].nodes[0].children[0].fields = { legalBasis: ['地方自治法 第2条', '小郡市情報公開条例'] };
    const b = OrganizationBundle.parse(raw);
    const rows = initiativeRows(
      EditionContent.parse({ organization: b.organization, departments: b.departments, plan: b.plans[0] }),
      edition,
    );
    expect(rows[0]?.slice(10, 15)).toEqual(['状態', 'SDGs', '計画期間内の目標', '根拠法令', '一覧の名称']);
    expect(rows[1]?.[13]).toBe('地方自治法 第2条\n小郡市情報公開条例');
    expect(rows[2]?.[13]).toBe('');
    expect(initiativeRows(content, edition)[0]).not.toContain('根拠法令');
  });
});

describe('open-data CSV of an English-only plan (Wrenmoor, a fictional UK-style council)', () => {
  const raw = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../data/examples/wrenmoor/bundle.json'), 'utf8'),
  );
  const b = OrganizationBundle.parse(raw);
  const wrenmoor = EditionContent.parse({ organization: b.organization, departments: b.departments, plan: b.plans[0] });
  const meta = { name: '2025/26 year-end report', fy: 2025, publishedAt: '2026-06-18T00:00:00.000Z' };

  it('has an English header row, years named as the plan names them (2025/26) and no Japanese word', () => {
    const rows = initiativeRows(wrenmoor, meta);
    expect(rows[0]).toEqual([
      'Organization',
      'Plan',
      'Edition',
      'Edition year',
      'Parent code',
      'Parent title',
      'Code',
      'Title',
      'Departments',
      'Department codes',
      'Status',
      'SDGs',
      'Goal for the plan period',
      'Title in the list',
      'Source notes',
      '2025/26 RAG status',
      '2025/26 RAG status (score)',
      '2026/27 RAG status',
      '2026/27 RAG status (score)',
      '2027/28 RAG status',
      '2027/28 RAG status (score)',
      '2025/26 Q1 (Apr–Jun) RAG status',
      '2025/26 Q2 (Jul–Sep) RAG status',
      '2025/26 Q3 (Oct–Dec) RAG status',
    ]);
    expect(rows.map((r) => [r[6], r[15]])).toEqual([
      ['Code', '2025/26 RAG status'],
      ['1.1', 'Green'],
      ['1.2', 'Amber'],
      ['2.1', 'Red'],
      ['2.2', 'Green'],
    ]);
    const all = [rows, indicatorRows(wrenmoor), rollupRows(wrenmoor, meta)].map((t) => writeCsv(t)).join('');
    expect(all).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]|FY\d/);
  });

  it('says when a value was reported where that is not the period it measures, and names quarters in English', () => {
    const rows = indicatorRows(wrenmoor);
    expect(rows[0]).toEqual([
      'Item code',
      'Item title',
      'Indicator',
      'Unit',
      'Kind',
      'Lower is better',
      'Row',
      'Year',
      'Year label',
      'Target',
      'Actual',
      'Provisional',
      'Note',
      'Reported in',
    ]);
    const recycling = rows.filter((r) => r[0] === '1.2').map((r) => r.slice(6));
    // The 2024/25 rate was only published in Q3 2025/26: measured in 2024/25, reported then.
    expect(recycling).toEqual([
      ['Baseline', '2024', '2024/25', '', '41.5', '', '', ''],
      ['Year', '2024', '2024/25', '', '41.9', '', '', 'Q3 2025/26'],
      ['Year', '2025', '2025/26', '', '43.2', '', '', ''],
      ['Plan-period target', '2027', '2027/28', '50', '', '', '', ''],
    ]);
    const starts = rows.filter((r) => r[2] === 'Affordable homes started on site').map((r) => r.slice(4, 12));
    expect(starts).toEqual([
      ['Total over the period', 'no', 'Period (Q1)', '2025', '2025/26 Q1 (Apr–Jun)', '20', '14', ''],
      ['Total over the period', 'no', 'Period (Q2)', '2025', '2025/26 Q2 (Jul–Sep)', '20', '9', ''],
      ['Total over the period', 'no', 'Period (Q3)', '2025', '2025/26 Q3 (Oct–Dec)', '25', '18', 'yes'],
    ]);
    // Ogori reports every value in its own year: no such column.
    expect(indicatorRows(content)[0]).not.toContain('公表された期間');
  });

  it('rolls up in English: method, year label and the distribution as shown', () => {
    expect(rollupRows(wrenmoor, meta)).toEqual([
      [
        'Organization',
        'Plan',
        'Edition',
        'Edition year',
        'Title',
        'Year',
        'Year label',
        'Rating scale',
        'Method',
        'Value',
        'As shown',
        'Items',
        'Assessed',
      ],
      [
        'Wrenmoor Borough Council (fictional example)',
        'Wrenmoor Council Plan 2025–2028',
        '2025/26 year-end report',
        '2025',
        'RAG status (whole plan)',
        '2025',
        '2025/26',
        'RAG status',
        'Distribution of 4 items',
        '',
        'Green: 2, Amber: 1, Red: 1',
        '4',
        '4',
      ],
      // The council's own "2 of 4 green", then the same share counted from the ratings.
      [
        'Wrenmoor Borough Council (fictional example)',
        'Wrenmoor Council Plan 2025–2028',
        '2025/26 year-end report',
        '2025',
        'share of "Green" (as published)',
        '2025',
        '2025/26',
        'RAG status',
        'Council Plan performance report 2025/26, page 3: "2 of 4 commitments green"',
        '50',
        '2 of 4 (50.0%)',
        '',
        '',
      ],
      [
        'Wrenmoor Borough Council (fictional example)',
        'Wrenmoor Council Plan 2025–2028',
        '2025/26 year-end report',
        '2025',
        'share of "Green" (computed from the ratings)',
        '2025',
        '2025/26',
        'RAG status',
        '2 ÷ 4',
        '50',
        '50.0%',
        '',
        '',
      ],
    ]);
  });
});
