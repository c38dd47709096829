import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities, sectionOf, tableRows } from '../harness/html-text.ts';
import {
  cellDifferences,
  type SourceSheet,
  sourceList,
  sourceSections,
  sourceSheets,
  squash,
} from '../harness/ogori-source.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

/**
 * The published Ogori edition against the original text (data/ogori/source): the 一覧's own titles, every
 * sheet's points and the front matter, on the portal, in the API and in the CSVs (the PDF text is compared in
 * src/reports/edition-pdf.test.ts). Expected values come from the original, not from our bundle.
 */

const BASE = '/ogori/action-plan-2';
const API = '/api/v1/organizations/ogori/plans/action-plan-2';
const NOTE_14_1 = '原本のテキストに取組シートの内容がありません';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ database: 'sqlite' });
});
afterAll(async () => {
  await server?.close();
});

const html = async (p: string) => (await server.get(p)).text();
const json = async (p: string) => (await server.get(p)).json();
const csv = async (p: string): Promise<Record<string, string>[]> => parse(await html(p), { columns: true });

/** The text of an element, tags removed and entities decoded, its own line breaks kept. */
const inner = (s: string) => decodeEntities(s.replace(/<wbr\s*\/?>/gi, '').replace(/<[^>]+>/g, '')).trim();

/** The items the page lists in one section, or per 工程表 cell. */
function listItems(section: string): string[] {
  return [...section.matchAll(/<li class="lines">([\s\S]*?)<\/li>/g)].map((m) => inner(m[1]!));
}

interface Shown {
  situation: string[];
  challenges: string[];
  goal: string;
  roadmap: Map<string, string[]>;
}

/** Every cell of a sheet against what an output shows for it. */
function sheetDifferences(sheet: SourceSheet, shown: Shown): string[] {
  const c = sheet.code;
  return [
    ...cellDifferences(`${c} 現状`, sheet.situation, shown.situation),
    ...cellDifferences(`${c} 課題`, sheet.challenges, shown.challenges),
    // A multi-line 目標 keeps its lines: one per point of the original (8-2, 10-1).
    ...cellDifferences(
      `${c} 目標`,
      sheet.goal,
      shown.goal.split('\n').map((l) => l.replace(/^・/, '')),
    ),
    ...sheet.roadmap.flatMap((r) =>
      cellDifferences(`${c} ${r.fy} ${r.kind}`, r.cell, shown.roadmap.get(`${r.fy} ${r.kind}`) ?? []),
    ),
  ];
}

describe('the original text in every output', () => {
  const sheets = sourceSheets();
  const list = sourceList();

  it('reads 39 sheets and the 40 rows of the 一覧 from the original', () => {
    expect(sheets).toHaveLength(39);
    expect(sheets.find((s) => s.code === '14-1')).toBeUndefined();
    expect(list.rows).toHaveLength(40);
    expect(list.overall).toBe('40.5%');
  });

  it('portal: every sheet shows the original points, a 【…】 note on its point, separate points apart', async () => {
    const differences: string[] = [];
    for (const sheet of sheets) {
      const page = await html(`${BASE}/initiatives/${encodeURIComponent(sheet.code)}`);
      const roadmap = new Map<string, string[]>();
      const rows = sectionOf(page, /<table class="roadmap">/, 'table')
        .split('<tr>')
        .slice(2);
      for (const row of rows) {
        const fy = /<th scope="row">令和(\d+)年度<\/th>/.exec(row);
        if (!fy) continue;
        const [plan = '', actual = ''] = row.split('<td>').slice(1);
        roadmap.set(`${2018 + Number(fy[1])} plan`, listItems(plan));
        roadmap.set(`${2018 + Number(fy[1])} actual`, listItems(actual));
      }
      differences.push(
        ...sheetDifferences(sheet, {
          situation: listItems(sectionOf(page, /<section aria-labelledby="situation">/, 'section')),
          challenges: listItems(sectionOf(page, /<section aria-labelledby="challenges">/, 'section')),
          goal: inner(sectionOf(page, /<p class="lines">/, 'p')),
          roadmap,
        }),
      );
    }
    expect(differences).toEqual([]);
    const p11 = await html(`${BASE}/initiatives/1-1`);
    expect(listItems(sectionOf(p11, /<table class="roadmap">/, 'table'))).toContain(
      'Web会議システム導入方法の検討\n【R4年度 車座トーク0件、出前トーク6件】',
    );
    const p12 = await html(`${BASE}/initiatives/1-2`);
    expect(listItems(sectionOf(p12, /<section aria-labelledby="situation">/, 'section'))).toEqual([
      '市ホームページ上に市長ブログを月約30件掲載',
      'アクセス数 1か月平均9,027件 (R3.8~12月の平均値)',
    ]);
  });

  it('API: every sheet has the original points; the 一覧 titles, 14-1’s note and the front matter', async () => {
    const differences: string[] = [];
    for (const sheet of sheets) {
      const body = await json(`${API}/initiatives/${encodeURIComponent(sheet.code)}`);
      const roadmap = new Map<string, string[]>();
      for (const r of body.roadmap as { fy: number; plan: string[]; actual: string[] }[]) {
        roadmap.set(`${r.fy} plan`, r.plan);
        roadmap.set(`${r.fy} actual`, r.actual);
      }
      differences.push(
        ...sheetDifferences(sheet, {
          situation: body.situation.items,
          challenges: body.challenges.items,
          goal: body.goalText,
          roadmap,
        }),
      );
    }
    expect(differences).toEqual([]);

    const all = (await json(`${API}/initiatives`)) as { code: string; title: string; listedTitle: string }[];
    expect(all.map((i) => [i.code, i.listedTitle])).toEqual(list.rows.map((r) => [r.code, r.title]));
    expect(all.find((i) => i.code === '1-2')?.title).toBe('市長発信用SNS開設');
    const n141 = await json(`${API}/initiatives/14-1`);
    expect(n141.sourceNotes).toEqual([{ kind: 'sheet-missing', text: NOTE_14_1 }]);

    const plan = await json(API);
    expect(
      plan.sections.map((s: { number: string; title: string; body: string[] }) => [
        s.number,
        s.title,
        s.body.map(squash),
      ]),
    ).toEqual(sourceSections().map((s) => [s.number, squash(s.title), s.body.map(squash)]));
    expect([plan.vision, plan.period.startFy, plan.period.endFy]).toEqual(['もっとつながるまち小郡', 2022, 2024]);
    expect(plan.overall[0].formatted).toBe(list.overall);
  });

  it('portal: the front matter and the 一覧 as the original has them, 15 基本目標 and the 継続案件 apart', async () => {
    const home = await html(`${BASE}/`);
    const about = sectionOf(home, /<section aria-labelledby="about">/, 'section');
    const shown = [...about.matchAll(/<details>([\s\S]*?)<\/details>/g)].map((m) => {
      const [summary = '', ...paras] = m[1]!.split(/<p>/);
      return [squash(inner(summary)), paras.map((p) => squash(inner(p)))];
    });
    expect(shown).toEqual(sourceSections().map((s) => [squash(`${s.number}${s.title}`), s.body.map(squash)]));
    expect(tableRows(home, '基本目標ごとの令和4年度の目標達成率と件数').map((r) => r[0])).toEqual(
      Array.from({ length: 15 }, (_, i) => String(i + 1)),
    );
    const rows = tableRows(await html(`${BASE}/list`), '取組ごとの目標達成率（番号順）');
    expect(rows[0]!.slice(0, 2)).toEqual(['目標達成率（全体平均）', list.overall]);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual(list.rows.map((r) => [r.code, r.title]));
    expect((await html(`${BASE}/initiatives/14-1`)).split(NOTE_14_1)).toHaveLength(2);
  });

  it('CSV: the 一覧 titles, 14-1’s note, the goals as the original words them, and the 40.5 % average', async () => {
    const rows = await csv(`${BASE}/downloads/edition.csv`);
    expect(rows.map((r) => [r.番号, r.一覧の名称])).toEqual(list.rows.map((r) => [r.code, r.title]));
    expect(rows.find((r) => r.番号 === '14-1')?.出典の注記).toBe(NOTE_14_1);
    const goals = new Map(rows.map((r) => [r.番号, r.計画期間内の目標 ?? '']));
    const differences = sheets.flatMap((s) =>
      cellDifferences(
        `${s.code} 目標`,
        s.goal,
        (goals.get(s.code) ?? '').split('\n').map((l) => l.replace(/^・/, '')),
      ),
    );
    expect(differences).toEqual([]);
    const rollup = await csv(`${BASE}/downloads/rollup.csv`);
    expect(rollup.map((r) => [r.名称, r['年度（和暦）'], r.表示])).toEqual([
      ['目標達成率（全体平均）', '令和4年度', list.overall],
    ]);
  });
});
