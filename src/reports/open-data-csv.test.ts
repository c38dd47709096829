import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EditionContent, OrganizationBundle } from '../domain/index.ts';
import { indicatorRows, initiativeRows, neutralizeCell, writeCsv } from './open-data-csv.ts';

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
      '実施中',
      '',
    ]);
    expect(r91?.slice(-6)).toEqual(['40%', '40', '', '', '', '']);
    const scores = rows.slice(1).map((r) => Number(r[14]));
    expect(scores.reduce((a, b) => a + b, 0) / 40).toBe(40.5);
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
});
