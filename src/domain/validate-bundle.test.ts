import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean.ts';
import { validateBundle } from './validate-bundle.ts';

const OGORI = path.resolve(import.meta.dirname, '../../data/ogori/bundle.json');
// biome-ignore lint/suspicious/noExplicitAny: a test edits the raw JSON of a bundle
const ogori = (): any => JSON.parse(readFileSync(OGORI, 'utf8'));

describe('validateBundle', () => {
  it('lists every problem at once, in file order, with node codes in the paths and in both languages', () => {
    const b = ogori();
    const sns = b.plans[0].nodes[0].children[2]; // 1-3
    sns.indicators[0].targetHistroy = [];
    sns.indicators[0].target.value = '10,000';
    sns.departments = ['somu-kouhou'];
    b.plans[0].nodes[2].children[1].assessments[0].level = '35'; // 3-2
    b.plans[0].nodes[2].children[1].colour = 'red';
    b.organization.nmae = '小郡市';
    const r = validateBundle(b);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.total).toBe(4);
    expect(r.issues.map((i) => `${i.path}: ${i.messageEn}`)).toEqual([
      'organization.nmae: unknown key "nmae"; did you mean "name"?',
      'plans[0].nodes[1-3].indicators[0].target.value: expected a number, got "10,000"',
      'plans[0].nodes[1-3].indicators[0].targetHistroy: unknown key "targetHistroy"; did you mean "targetHistory"?',
      expect.stringMatching(/^plans\[0\]\.nodes\[3-2\]\.colour: unknown key "colour" \(allowed: code, title, /),
      // The unknown 課 is reported once the shapes are right (the next test): references need a whole plan.
    ]);
    expect(r.issues[2]!.message).toBe(
      '「targetHistroy」という項目はありません。「targetHistory」の誤りではありませんか',
    );
    expect(r.issues[1]!.message).toBe('数値を指定してください（"10,000" になっています）');
  });

  it('checks references once the shapes are right, naming what exists', () => {
    const b = ogori();
    b.plans[0].nodes[2].children[1].assessments[0].level = '35';
    b.plans[0].nodes[2].children[1].departments = ['bosai'];
    b.plans[0].statedFigures = [{ fy: 2022, scope: 'X9', method: 'share-at-or-above', level: '55', value: 50 }];
    b.editions = [];
    const r = validateBundle(b);
    if (r.ok) throw new Error('accepted');
    expect(r.issues.map((i) => [i.path, i.messageEn, i.message])).toEqual([
      [
        'plans[0].nodes[3-2].departments[0]',
        expect.stringMatching(/^unknown department "bosai" \(departments: keiei-senryaku, /),
        expect.stringMatching(/^課「bosai」はありません（課: keiei-senryaku, /),
      ],
      [
        'plans[0].nodes[3-2].assessments[0].level',
        '"35" is not a level of scale "achievement" (levels: 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100)',
        '「35」は尺度「achievement」の段階ではありません（段階: 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100）',
      ],
      [
        'plans[0].statedFigures[0].scope',
        expect.stringMatching(/^unknown node "X9" \(nodes: 1, 1-1, 1-2, /),
        expect.stringMatching(/^番号「X9」はありません（番号: 1, 1-1, /),
      ],
      [
        'plans[0].statedFigures[0].level',
        '"55" is not a level of scale "achievement" (levels: 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100)',
        '「55」は尺度「achievement」の段階ではありません（段階: 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100）',
      ],
    ]);
  });

  it('takes a 訂正版 link only to another edition of the same plan in the bundle', () => {
    const b = ogori();
    const plan = b.plans[0];
    const content = {
      organization: { slug: b.organization.slug, name: b.organization.name },
      departments: b.departments,
      plan,
    };
    const edition = (id: string, name: string) => ({
      id,
      plan: plan.slug,
      name,
      fy: 2022,
      publishedAt: '2023-08',
      content,
    });
    b.editions = [edition('e1', '初版'), { ...edition('e2', '訂正版'), corrects: 'e1' }];
    expect(validateBundle(b).ok).toBe(true);
    b.editions[1].corrects = 'e9';
    const r = validateBundle(b);
    if (r.ok) throw new Error('accepted');
    expect(r.issues.map((i) => [i.path, i.messageEn])).toEqual([
      ['editions[1].corrects', 'unknown edition "e9" (editions: e1)'],
    ]);
  });

  it('lists the first 50 problems and counts the rest', () => {
    const b = ogori();
    for (const goal of b.plans[0].nodes) for (const n of goal.children) n.weight = 'one';
    const r = validateBundle(b);
    if (r.ok) throw new Error('accepted');
    expect([r.total, r.issues.length]).toEqual([40, 40]);
    for (const n of b.plans[0].nodes) n.weigth = 1;
    const more = validateBundle(b);
    if (more.ok) throw new Error('accepted');
    expect([more.total, more.issues.length, more.issues[49]!.path]).toEqual([56, 50, 'plans[0].nodes[14-1].weight']);
    for (const d of b.departments) d.x = 1;
    const most = validateBundle(b);
    if (most.ok) throw new Error('accepted');
    expect([most.total, most.issues.length, most.issues[0]!.path, most.issues[49]!.path]).toEqual([
      77,
      50,
      'departments[0].x',
      'plans[0].nodes[8].weigth',
    ]);
  });

  it('takes the example and bundled data unchanged', () => {
    for (const f of [
      '../../data/ogori/bundle.json',
      '../../data/examples/komorebi/bundle.json',
      '../../data/examples/minamikaze/bundle.json',
    ]) {
      const r = validateBundle(JSON.parse(readFileSync(path.resolve(import.meta.dirname, f), 'utf8')));
      expect(r.ok ? 'ok' : r.issues).toBe('ok');
    }
  });
});

describe('didYouMean', () => {
  it('suggests a close key and nothing for a far one', () => {
    expect(didYouMean('targetHistroy', ['target', 'targetHistory', 'values'])).toBe('targetHistory');
    expect(didYouMean('Unit', ['unit', 'kind'])).toBe('unit');
    expect(didYouMean('colour', ['code', 'title', 'weight'])).toBeUndefined();
  });
});
