import { describe, expect, it } from 'vitest';
import { buildTestPlan } from '../domain/build-test-plan.ts';
import { Indicator, leafNodes } from '../domain/index.ts';
import type { DepartmentUpload } from './department-upload.ts';
import { departmentUploadChanges } from './department-upload-changes.ts';

const plan = buildTestPlan(
  {},
  {
    ratings: [
      ['1-1', '車座トーク', 10],
      ['1-2', '市長SNS', 70],
      ['2-1', 'ワクチン', 100],
    ],
    node: (code) => ({ departments: code === '2-1' ? ['kenko'] : ['keiei'] }),
  },
);
const current = new Map(leafNodes(plan).map((node) => [node.code, { version: 3, node }]));
const cell = (c: string) => ({ sheet: '取組', cell: c });

function upload(rows: Partial<DepartmentUpload['rows'][number]>[]): DepartmentUpload {
  return {
    organization: 'ogori',
    plan: 'ogori-ap2',
    department: 'keiei',
    fy: 2022,
    rows: rows.map((r, i) => ({
      code: '1-1',
      version: 3,
      at: cell(`C${i + 2}`),
      roadmap: [],
      rating: { value: null, at: cell(`K${i + 2}`) },
      comment: { value: null, at: cell(`L${i + 2}`) },
      ...r,
    })),
    indicators: [],
  };
}

describe('departmentUploadChanges', () => {
  it('changes nothing when the rows say what is stored', () => {
    const result = departmentUploadChanges(plan, current, upload([{ rating: { value: '10%', at: cell('K2') } }]));
    expect(result).toEqual({ issues: [], changes: [], conflicts: [], merged: [] });
  });

  it('reads a rating Excel turned into a number (70% → 0.7) and a comment', () => {
    const result = departmentUploadChanges(
      plan,
      current,
      upload([
        { code: '1-2', rating: { value: 0.8, at: cell('K2') }, comment: { value: '前倒しで実施', at: cell('L2') } },
      ]),
    );
    expect(result.issues).toEqual([]);
    expect(result.changes.map((c) => [c.code, c.expectedVersion, c.changes.assessments])).toEqual([
      ['1-2', 3, [{ fy: 2022, period: 'FY', level: '80', comment: '前倒しで実施' }]],
    ]);
  });

  it('adds a 工程表 year only when it has items, and clears a rating left empty', () => {
    const result = departmentUploadChanges(
      plan,
      current,
      upload([
        {
          roadmap: [
            { fy: 2022, kind: 'actual', items: ['要綱改正'], at: cell('H2') },
            { fy: 2023, kind: 'plan', items: [], at: cell('I2') },
          ],
        },
      ]),
    );
    expect(result.changes.map((c) => [c.changes.roadmap, c.changes.assessments])).toEqual([
      [[{ fy: 2022, plan: [], actual: ['要綱改正'] }], []],
    ]);
  });

  it('reports unknown rows, another 課 and duplicates at their cells; a stale row without its base conflicts', () => {
    const result = departmentUploadChanges(
      plan,
      current,
      upload([
        { code: '9-9' },
        { code: '2-1' },
        { code: '1-2', version: 2 },
        { code: '1-1', rating: { value: '75%', at: cell('K5') } },
        { code: '1-1' },
      ]),
    );
    expect(result.issues.map((i) => [i.cell, i.kind, i.messageEn])).toEqual([
      ['C2', 'invalid', 'No item "9-9" in this plan'],
      ['C3', 'invalid', 'Item "2-1" is not one of this department\'s'],
      ['K5', 'invalid', '"75%" is not a level of 目標達成率 (10%、20%、30%、40%、50%、60%、70%、80%、90%、100%)'],
      ['C6', 'invalid', 'Row id "1-1" appears twice'],
    ]);
    expect(result.changes).toEqual([]);
    // The file no longer says what 1-2 held when it was made: its empty rating is not taken over the stored 70%.
    expect(result.conflicts).toEqual([
      { code: '1-2', field: 'rating', fy: 2022, at: cell('K4'), base: null, yours: '', theirs: '70%' },
    ]);
  });

  it('merges a stale row per field against its base: one side changed applies, both changed conflict', () => {
    const base = { roadmap: [], rating: '10%', comment: null };
    const stale = { code: '1-1', version: 2, base };
    const result = departmentUploadChanges(
      plan,
      current,
      upload([{ ...stale, rating: { value: '30%', at: cell('K2') }, comment: { value: '新しい', at: cell('L2') } }]),
    );
    // Stored 10% is still the base: the clerk's 30% and comment apply, on the current version.
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toEqual(['1-1']);
    expect(result.changes.map((c) => [c.code, c.expectedVersion, c.changes.assessments])).toEqual([
      ['1-1', 3, [{ fy: 2022, period: 'FY', level: '30', comment: '新しい' }]],
    ]);
    // The base says 20% (the server has 10% now, the clerk typed 30%): both changed.
    const both = departmentUploadChanges(
      plan,
      current,
      upload([{ ...stale, base: { ...base, rating: '20%' }, rating: { value: '30%', at: cell('K2') } }]),
    );
    expect(both.conflicts).toEqual([
      { code: '1-1', field: 'rating', fy: 2022, at: cell('K2'), base: '20%', yours: '30%', theirs: '10%' },
    ]);
    expect(both.changes).toEqual([]);
    // The clerk left 20% as it was: the server's 10% stays, nothing to write, no conflict.
    const untouched = departmentUploadChanges(
      plan,
      current,
      upload([{ ...stale, base: { ...base, rating: '20%' }, rating: { value: '20%', at: cell('K2') } }]),
    );
    expect([untouched.conflicts, untouched.changes, untouched.merged]).toEqual([[], [], []]);
  });
});

describe('departmentUploadChanges: an indicator with declared decimal places', () => {
  it('refuses a finer actual at its cell, in the words the form uses, and takes one as fine as declared', () => {
    const kpi = Indicator.parse({ key: 'visits', name: '来場者数', unit: '千人', decimals: 1, kind: 'level' });
    const withKpi = new Map(current);
    const node = current.get('1-1')!.node;
    withKpi.set('1-1', { version: 3, node: { ...node, indicators: [kpi] } });
    const typed = (value: number) => ({
      ...upload([]),
      rows: [],
      indicators: [
        {
          code: '1-1',
          version: 3,
          key: 'visits',
          at: { sheet: '指標', cell: 'A2' },
          actual: { value, at: { sheet: '指標', cell: 'J2' } },
          note: { value: null, at: { sheet: '指標', cell: 'K2' } },
        },
      ],
    });
    expect(departmentUploadChanges(plan, withKpi, typed(6.45)).issues).toEqual([
      {
        sheet: '指標',
        cell: 'J2',
        kind: 'invalid',
        messageJa: 'この指標は小数1桁までで入力します（6.45）',
        messageEn: 'This indicator takes 1 decimal place at most (6.45)',
      },
    ]);
    const fine = departmentUploadChanges(plan, withKpi, typed(6.4));
    expect([fine.issues, fine.changes.map((c) => c.changes.indicators?.[0]?.values)]).toEqual([
      [],
      [[{ fy: 2022, period: 'FY', actual: 6.4, provisional: false }]],
    ]);
  });
});
