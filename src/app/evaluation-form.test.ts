import { describe, expect, it } from 'vitest';
import { EVALUATION_PRESETS, Evaluation } from '../domain/index.ts';
import { evaluationFormOf, evaluationFromForm } from './evaluation-form.ts';

const rag = EVALUATION_PRESETS['rag-tolerance-travel'].evaluation;
const withOverride = (override: unknown) => Evaluation.parse({ ...rag, status: { ...rag.status, override } });

describe('the evaluation form keeps a declared verdict set by hand', () => {
  it('shows and reads back the override: its roll-up and the levels it may give', () => {
    for (const override of [{ levels: ['amber', 'red'], rollup: 'override' }, { rollup: 'computed' }]) {
      const saved = withOverride(override);
      const form = evaluationFormOf(saved, undefined);
      expect([form['status.override.rollup'], form['status.override.levels']]).toEqual([
        override.rollup,
        (override.levels ?? []).join(', '),
      ]);
      expect(Evaluation.parse(evaluationFromForm(form, []).evaluation)).toEqual(saved);
    }
  });

  it('gives none when the field says not allowed, and leaves a roll-up missing for the schema to refuse', () => {
    const form = evaluationFormOf(withOverride({ rollup: 'override' }), undefined);
    const none = evaluationFromForm({ ...form, 'status.override.rollup': '' }, []).evaluation as { status: object };
    expect('override' in none.status).toBe(false);
    const noRollup = evaluationFromForm({ ...form, 'status.override.rollup': '', 'status.override.levels': 'red' }, []);
    const r = Evaluation.safeParse(noRollup.evaluation);
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['status.override.rollup']);
  });
});

describe('the evaluation form keeps the node types a status rule judges', () => {
  it('shows and reads back appliesTo, leaves it out when blank, and lets the schema refuse an unknown type', () => {
    const saved = Evaluation.parse({ ...rag, status: { ...rag.status, appliesTo: ['objective', 'action'] } });
    const form = evaluationFormOf(saved, undefined);
    expect(form['status.appliesTo']).toBe('objective, action');
    expect(Evaluation.parse(evaluationFromForm(form, []).evaluation)).toEqual(saved);
    const blank = evaluationFromForm({ ...form, 'status.appliesTo': '' }, []).evaluation as { status: object };
    expect('appliesTo' in blank.status).toBe(false);
    const r = Evaluation.safeParse(evaluationFromForm({ ...form, 'status.appliesTo': 'goal' }, []).evaluation);
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'status.appliesTo.0: Invalid option: expected one of "objective"|"action"|"indicator"',
    ]);
  });
});
