import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FieldShape, parseFieldText, valueText } from './field-shape.ts';
import { OrganizationBundle } from './organization-bundle.ts';
import { PlanDocument } from './plan-document.ts';
import { findNode } from './plan-tree.ts';
import { BUILT_IN_FIELDS, fieldsOn, STORED_BUILT_IN_FIELDS, sheetFieldsOf } from './sheet-fields.ts';
import { validateBundle } from './validate-bundle.ts';

const OGORI = path.resolve(import.meta.dirname, '../../data/ogori/bundle.json');
// biome-ignore lint/suspicious/noExplicitAny: a test edits the raw JSON of a bundle
const ogori = (): any => JSON.parse(readFileSync(OGORI, 'utf8'));
const plan = OrganizationBundle.parse(ogori()).plans[0]!;

/** The keys a node's `fields` takes: the built-in ones kept by key, then the plan's. */
const keyed = (...own: string[]) => [...STORED_BUILT_IN_FIELDS.map((f) => f.key), ...own].join(', ');

const COST = {
  key: 'settledCost',
  label: { ja: '事業費（決算額）', en: 'Cost (settled)' },
  shape: { kind: 'money-per-year', unit: '千円' },
};

describe('the sheet-field catalogue', () => {
  it('lists each built-in field once, with one label per language', () => {
    expect(BUILT_IN_FIELDS.map((f) => `${f.key}:${f.label.ja}/${f.label.en}:${f.shape.kind}`)).toEqual([
      'status:状態/Status:choice',
      'situation:現状/Situation:lines',
      'challenges:課題/Challenges:lines',
      'goal:計画期間内の目標/Goal for the plan period:text',
    ]);
    expect(sheetFieldsOf(plan).map((f) => f.key)).toEqual([
      ...BUILT_IN_FIELDS.map((f) => f.key),
      ...STORED_BUILT_IN_FIELDS.map((f) => f.key),
    ]);
  });

  it('reads each field from the sheet: 9-1 states no status, its goal is its own text', () => {
    const node = findNode(plan, '9-1')!;
    const read = Object.fromEntries(BUILT_IN_FIELDS.map((f) => [f.key, f.read(node)]));
    expect(read.status).toBeUndefined();
    expect(read.goal).toBe(node.goal);
    expect(read.situation).toEqual(node.situation?.items);
  });

  it('shows a when-used field only where a sheet gives it, and the plan’s own fields after the built-in ones', () => {
    const raw = ogori().plans[0];
    raw.sheetFields = [COST];
    raw.nodes[0].children[0].fields = { settledCost: [{ fy: 2022, amount: 1200 }] };
    const p = PlanDocument.parse(raw);
    const fields = sheetFieldsOf(p);
    expect(fields.at(-1)).toMatchObject({ key: 'settledCost', origin: 'plan', inFields: true, presence: 'always' });
    expect(fields.at(-1)!.read(p.nodes[0]!.children[0]!)).toEqual([{ fy: 2022, amount: 1200 }]);
    const hidden = { ...fields[0]!, presence: 'when-used' as const, read: () => undefined };
    expect(fieldsOn('csv', [hidden, fields.at(-1)!], [p.nodes[0]!.children[0]!]).map((f) => f.key)).toEqual([
      'settledCost',
    ]);
  });
});

describe('a built-in field kept by key (根拠法令)', () => {
  it('is validated as lines and shown only where a sheet gives it', () => {
    const raw = ogori().plans[0];
    raw.nodes[0].children[0].fields = { legalBasis: ['地方自治法 第2条', '小郡市情報公開条例'] };
    const p = PlanDocument.parse(raw);
    const field = sheetFieldsOf(p).find((f) => f.key === 'legalBasis')!;
    expect(field).toMatchObject({ label: { ja: '根拠法令', en: 'Legal basis' }, presence: 'when-used' });
    expect(field.read(p.nodes[0]!.children[0]!)).toEqual(['地方自治法 第2条', '小郡市情報公開条例']);
    expect(fieldsOn('portal', [field], [p.nodes[0]!.children[0]!]).map((f) => f.key)).toEqual(['legalBasis']);
    expect(fieldsOn('portal', [field], [p.nodes[0]!.children[1]!])).toEqual([]);
    raw.nodes[0].children[0].fields = { legalBasis: '地方自治法' };
    expect(PlanDocument.safeParse(raw).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'nodes.0.children.0.fields.legalBasis: Invalid input: expected array, received string',
    ]);
  });
});

describe('plan-defined fields in a bundle', () => {
  it('are validated: an unknown shape is refused with the valid ones, a value against its shape', () => {
    const b = ogori();
    b.plans[0].sheetFields = [COST, { key: 'method', label: { ja: '実施方法' }, shape: { kind: 'colour' } }];
    b.plans[0].nodes[0].children[0].fields = { settledCost: [{ fy: 2022, amount: 1.5 }], unknownField: 'x' };
    const r = validateBundle(b);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.path}: ${i.messageEn}`)).toEqual([
      'plans[0].sheetFields[1].shape.kind: must be one of "text", "lines", "number", "money-per-year", "choice", "date", "link" (got "colour")',
    ]);
    b.plans[0].sheetFields = [COST, { key: 'goal', label: { ja: '目標' }, shape: { kind: 'text' } }];
    const again = validateBundle(b);
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.issues.map((i) => `${i.path}: ${i.messageEn}`)).toEqual([
      'plans[0].nodes[1-1].fields.settledCost[0].amount: at most 0 decimals',
      `plans[0].nodes[1-1].fields.unknownField: unknown field "unknownField"; fields: ${keyed('settledCost', 'goal')}`,
      expect.stringMatching(/^plans\[0\]\.sheetFields\[1\]\.key: a key of a built-in field; reserved keys: status, /),
    ]);
  });

  it('check each node’s values against the plan’s fields', () => {
    const raw = ogori().plans[0];
    raw.sheetFields = [COST, COST];
    raw.nodes[0].children[0].fields = { settledCost: [{ fy: 2022, amount: 1.5 }], unknownField: 'x' };
    const r = PlanDocument.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'sheetFields.1.key: duplicate field key "settledCost"',
      'nodes.0.children.0.fields.settledCost.0.amount: at most 0 decimals',
      `nodes.0.children.0.fields.unknownField: unknown field "unknownField"; fields: ${keyed('settledCost')}`,
    ]);
  });
});

describe('field shapes', () => {
  it('read and write the text of a cell or input', () => {
    const lines = { kind: 'lines', maxLength: 500 } as const;
    expect(parseFieldText(lines, '地方自治法\n　第2条\n条例')).toEqual({
      ok: true,
      value: ['地方自治法\n第2条', '条例'],
    });
    expect(valueText(lines, ['地方自治法\n第2条', '条例'])).toBe('地方自治法\n　第2条\n条例');
    const people = { kind: 'number', unit: '人', decimals: 1 } as const;
    expect(parseFieldText(people, '１.５')).toEqual({ ok: true, value: 1.5 });
    expect(parseFieldText(people, '1.25')).toEqual({
      ok: false,
      ja: '値が正しくありません（at most 1 decimals）',
      en: 'invalid value (at most 1 decimals)',
    });
    expect(parseFieldText(people, '約2')).toEqual({
      ok: false,
      ja: '「約2」は数値ではありません',
      en: '"約2" is not a number',
    });
    const money = { kind: 'money-per-year', unit: '千円', decimals: 0 } as const;
    expect(
      parseFieldText(
        money,
        new Map([
          [2023, '2,000'],
          [2022, '1200'],
          [2024, ''],
        ]),
      ),
    ).toEqual({
      ok: true,
      value: [
        { fy: 2022, amount: 1200 },
        { fy: 2023, amount: 2000 },
      ],
    });
    const method: FieldShape = {
      kind: 'choice',
      options: [
        { key: 'direct', label: { ja: '直営', en: 'Direct' } },
        { key: 'contract', label: { ja: '委託' } },
      ],
    };
    expect(parseFieldText(method, '委託')).toEqual({ ok: true, value: 'contract' });
    expect(valueText(method, 'direct', 'en')).toBe('Direct');
    expect(parseFieldText(method, '補助')).toEqual({
      ok: false,
      ja: '「補助」は選択肢にありません（直営、委託）',
      en: '"補助" is not one of: Direct, 委託',
    });
    expect(parseFieldText({ kind: 'link' }, 'ftp://x')).toMatchObject({ ok: false });
    expect(parseFieldText({ kind: 'date' }, '2025-04-01')).toEqual({ ok: true, value: '2025-04-01' });
    expect(parseFieldText({ kind: 'date' }, '')).toEqual({ ok: true, value: undefined });
  });
});
