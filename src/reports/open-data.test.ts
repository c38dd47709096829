import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ogoriEdition } from '../../test/harness/ogori-edition.ts';
import { threeLevelEdition } from '../../test/harness/report-plans.ts';
import { planRollup } from '../domain/index.ts';
import { parseEditionJson, writeEditionJson } from './edition-json.ts';
import { initiativeRows, writeCsv } from './open-data-csv.ts';
import { openDataJson } from './open-data-json.ts';

const meta = { name: '令和4年度実績反映版', fy: 2022, publishedAt: '2023-06-01T00:00:00.000Z' };

describe('open data of an edition', () => {
  it('CSV read by a CSV parser gives the same numbers as the domain roll-up', () => {
    const content = ogoriEdition();
    const csv = writeCsv(initiativeRows(content, meta), { bom: true });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const records: Record<string, string>[] = parse(csv, { bom: true, columns: true });
    expect(records).toHaveLength(40);
    const scores = records.map((r) => Number(r['令和4年度 目標達成率（数値）']));
    const rollup = planRollup(content.plan, 2022, { scope: 'plan' });
    expect(rollup.ok && rollup.value.value).toBe(40.5);
    expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBe(rollup.ok ? rollup.value.value : NaN);
    expect(records.find((r) => r.番号 === '1-2')?.['令和4年度 目標達成率']).toBe('70%');
  });

  it('neutralises a title that a spreadsheet would run as a formula', () => {
    const content = threeLevelEdition();
    const csv = writeCsv(initiativeRows(content, { name: 'x', fy: 2023, publishedAt: '2024-06-01' }));
    const records: Record<string, string>[] = parse(csv, { columns: true });
    const row = records.find((r) => r.番号 === 'P2.1.1');
    expect(row?.名称).toBe('\'=HYPERLINK("http://x","y")');
    expect(row?.上位の名称).toBe('財政の健全化');
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    // JSON is data, not a spreadsheet: the title stays exactly as published.
    const json = openDataJson(content, { name: 'x', fy: 2023, publishedAt: '2024-06-01T00:00:00Z' });
    expect(json.取組.find((r) => r.番号 === 'P2.1.1')?.名称).toBe('=HYPERLINK("http://x","y")');
  });

  it('JSON keeps the CSV item names, typed values and the roll-up', () => {
    const json = openDataJson(ogoriEdition(), { ...meta, localGovernmentCode: '402281' });
    expect(json.dataset).toEqual({
      全国地方公共団体コード: '402281',
      地方公共団体名: '小郡市',
      計画: 'もっとつながるまち小郡アクションプラン',
      版: '令和4年度実績反映版',
      版の対象年度: 2022,
      公表日: '2023-06-01',
    });
    expect(json.取組).toHaveLength(40);
    expect(json.取組[0]).toMatchObject({ 番号: '1-1', 上位の番号: '1', '令和4年度 目標達成率（数値）': 10 });
    expect(json.集計).toEqual([
      {
        年度: 2022,
        '年度（和暦）': '令和4年度',
        評価尺度: '目標達成率',
        集計方法: '平均（40件の単純平均）',
        値: 40.5,
        表示: '40.5%',
        対象件数: 40,
        評価済件数: 40,
      },
    ]);
  });

  it('full-fidelity edition JSON round-trips exactly', () => {
    const doc = {
      format: 'shinchoku-edition/v1' as const,
      edition: { id: 'e1', name: meta.name, fy: 2022, publishedAt: meta.publishedAt, contentSha256: 'a'.repeat(64) },
      content: ogoriEdition(),
    };
    const text = writeEditionJson(doc);
    const back = parseEditionJson(text);
    expect(back.ok && back.value).toEqual(doc);
    expect(back.ok && writeEditionJson(back.value)).toBe(text);
    const broken = parseEditionJson(text.replace('"code": "1-1"', '"code": "1 1"'));
    expect(broken.ok ? [] : broken.issues[0]).toEqual({
      path: 'content.plan.nodes[0].children[0].code',
      message: 'no spaces, slashes, "?", "#", "%" or backslashes',
    });
  });
});
