import { describe, expect, it } from 'vitest';
import { EditionContent, PlanDocument } from '../domain/index.ts';
import { buildSearchIndex, highlightRanges, normalizeForSearch, searchIndex, searchTerms } from './search-plan.ts';

const content = EditionContent.parse({
  organization: { slug: 'town', name: '町' },
  departments: [{ code: 'kyoiku', name: '教育総務課', nameEn: 'Education General Affairs Division' }],
  plan: PlanDocument.parse({
    slug: 'p',
    title: '計画',
    period: { startFy: 2022, endFy: 2024 },
    levels: [{ ja: '基本目標' }, { ja: '具体的な取組' }],
    ratingScales: [
      {
        key: 'r',
        name: '達成率',
        kind: 'percentage',
        levels: [
          { key: '0', label: '0%', score: 0 },
          { key: '100', label: '100%', score: 100 },
        ],
      },
    ],
    nodes: [
      {
        code: '1',
        title: '学校給食の充実',
        children: [
          {
            code: '1-1',
            title: '新給食センターの建設',
            departments: ['kyoiku'],
            roadmap: [{ fy: 2022, actual: ['ＳＮＳで発信'] }],
          },
          { code: '1-2', title: 'ｶﾞｲﾄﾞ作成', indicators: [{ key: 'k', name: 'Followers数', kind: 'level' }] },
        ],
      },
    ],
  }),
});

describe('search index', () => {
  const index = buildSearchIndex(content);

  it('normalises NFKC and case: full-width Latin, half-width katakana', () => {
    expect([normalizeForSearch('ＳＮＳ'), normalizeForSearch('ｶﾞｲﾄﾞ'), searchTerms(' a\u3000Ｂ ')]).toEqual([
      'sns',
      'ガイド',
      ['a', 'b'],
    ]);
  });

  it('matches substrings in titles, parents, 工程表, indicators and departments; every word must hit', () => {
    const codes = (q: string) => searchIndex(index, q).map((h) => h.code);
    expect(codes('給食')).toEqual(['1-1', '1-2']); // 1-1 by its title, 1-2 by its parent goal only
    expect(searchIndex(index, '給食').map((h) => h.score)).toEqual([10, 3]);
    expect(codes('sns')).toEqual(['1-1']);
    expect(codes('ガイド')).toEqual(['1-2']);
    expect(codes('followers')).toEqual(['1-2']);
    expect(codes('education')).toEqual(['1-1']);
    expect(codes('給食 sns')).toEqual(['1-1']);
    expect(codes('給食 存在しない')).toEqual([]);
    expect(codes('   ')).toEqual([]);
  });

  it('reports the fields and snippets where the words were found', () => {
    const [hit] = searchIndex(index, 'SNS');
    expect([hit?.fields, hit?.snippets.map((s) => s.text)]).toEqual([['roadmap'], ['ＳＮＳで発信']]);
  });

  it('is plain data a static export can write as JSON', () => {
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
    expect(index.documents.map((d) => d.code)).toEqual(['1-1', '1-2']);
  });
});

describe('highlightRanges', () => {
  it('maps matches in normalised text back to the characters as entered', () => {
    expect(highlightRanges('ＳＮＳで発信', 'sns')).toEqual([[0, 3]]);
    expect(highlightRanges('市SNSとSNS', 'sns 市')).toEqual([
      [0, 4],
      [5, 8],
    ]);
    expect(highlightRanges('ｶﾞｲﾄﾞ作成', '作成')).toEqual([[5, 7]]);
  });
});
