import { describe, expect, it } from 'vitest';
import { keepPublishedYear } from './keep-published-year.ts';
import type { PlanNode } from './plan-document.ts';

const node = (over: Partial<PlanNode>): PlanNode =>
  ({
    code: '1-1',
    title: '取組',
    departments: ['keiei'],
    roadmap: [],
    assessments: [],
    indicators: [],
    children: [],
    ...over,
  }) as PlanNode;

describe('keepPublishedYear', () => {
  const published = node({
    roadmap: [
      { fy: 2022, plan: ['R4計画'], actual: ['R4実績'] },
      { fy: 2023, plan: ['R5計画'], actual: [] },
      { fy: 2024, plan: ['R6計画'], actual: [] },
    ],
    assessments: [{ fy: 2022, period: 'FY', level: '70' }],
    indicators: [
      {
        key: 'k',
        name: '件数',
        values: [
          { fy: 2022, period: 'FY', actual: 5, provisional: false },
          { fy: 2023, period: 'FY', target: 10, provisional: false },
        ],
      },
    ] as PlanNode['indicators'],
  });
  const draft = node({
    title: '計画担当が直した題名',
    roadmap: [
      { fy: 2022, plan: ['R4計画'], actual: ['R4実績'] },
      { fy: 2023, plan: ['R5計画'], actual: ['下書きの実績'] },
      { fy: 2024, plan: ['下書きのR6計画'], actual: [] },
    ],
    assessments: [
      { fy: 2022, period: 'FY', level: '70' },
      { fy: 2023, period: 'FY', level: '0', comment: '下書き' },
    ],
    indicators: [
      {
        key: 'k',
        name: '件数',
        values: [
          { fy: 2022, period: 'FY', actual: 5, provisional: false },
          { fy: 2023, period: 'FY', target: 12, actual: 3, actualNote: '速報', provisional: true },
        ],
      },
    ] as PlanNode['indicators'],
  });

  it('takes the year’s report from the published node and everything else from the working one', () => {
    const kept = keepPublishedYear(draft, published, 2023);
    expect(kept.title).toBe('計画担当が直した題名');
    expect(kept.roadmap).toEqual([
      { fy: 2022, plan: ['R4計画'], actual: ['R4実績'] },
      { fy: 2023, plan: ['R5計画'], actual: [] },
      { fy: 2024, plan: ['R6計画'], actual: [] },
    ]);
    expect(kept.assessments).toEqual([{ fy: 2022, period: 'FY', level: '70' }]);
    expect(kept.indicators[0]!.values).toEqual([
      { fy: 2022, period: 'FY', actual: 5, provisional: false },
      { fy: 2023, period: 'FY', target: 12, provisional: false },
    ]);
  });

  it('leaves the year’s report out when nothing was published before', () => {
    const kept = keepPublishedYear(draft, undefined, 2023);
    expect(kept.roadmap).toEqual([
      { fy: 2022, plan: ['R4計画'], actual: ['R4実績'] },
      { fy: 2023, plan: ['R5計画'], actual: [] },
      { fy: 2024, plan: [], actual: [] },
    ]);
    expect(kept.assessments).toEqual([{ fy: 2022, period: 'FY', level: '70' }]);
  });
});
