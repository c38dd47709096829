import type { Evaluation, PlanNode } from '../domain/index.ts';
import type { FieldErrors } from './errors.ts';
import { FIELD_MESSAGES as M } from './field-messages.ts';
import { applyOverrides } from './indicator-overrides.ts';

/**
 * The evaluation-method form as typed, one string per field. Field names are the paths of the bundle's
 * `evaluation` ("status.bands[1].from"), so a problem the plan schema finds lands beside the field that holds it.
 * A checkbox is "on" when ticked.
 */
export type EvaluationFormValues = Record<string, string>;

export const MISSING_REASONS = ['not-published', 'unmeasurable', 'not-applicable', 'not-entered'] as const;

/** The form values that show a saved (or preset) evaluation and share rounding. */
export function evaluationFormOf(ev: Evaluation | undefined, shareRounding: string | undefined): EvaluationFormValues {
  const v: EvaluationFormValues = { preset: ev?.preset ?? '', shareRounding: shareRounding ?? '' };
  v['progress.basis'] = ev?.progress?.basis ?? '';
  v['progress.path'] = (ev?.progress?.path ?? []).map((p) => `${p.fy}:${p.percent}`).join(', ');
  const s = ev?.status;
  v['status.measure'] = s?.measure ?? '';
  if (s) {
    v['status.key'] = s.key;
    v['status.name'] = s.name;
    v['status.nameEn'] = s.nameEn ?? '';
    v['status.combine.method'] = s.combine.method;
    v['status.combine.n'] = s.combine.n === undefined ? '' : String(s.combine.n);
    if (s.combine.cap) v['status.combine.cap'] = 'on';
    v['status.rounding.mode'] = s.rounding.mode;
    v['status.rounding.decimals'] = String(s.rounding.decimals);
    s.levels.forEach((l, i) => {
      v[`status.levels[${i}].key`] = l.key;
      v[`status.levels[${i}].label`] = l.label;
      v[`status.levels[${i}].labelEn`] = l.labelEn ?? '';
      v[`status.levels[${i}].color`] = l.color ?? '';
    });
    v['status.kind'] = s.tolerance ? 'tolerance' : 'bands';
    s.bands?.forEach((b, i) => {
      v[`status.bands[${i}].level`] = b.level;
      v[`status.bands[${i}].from`] = b.from === undefined ? '' : String(b.from);
      v[`status.bands[${i}].inclusive`] = b.inclusive ? 'true' : 'false';
    });
    if (s.tolerance) {
      v['status.tolerance.unit'] = s.tolerance.points === undefined ? 'percent' : 'points';
      v['status.tolerance.size'] = String(s.tolerance.points ?? s.tolerance.percent);
      v['status.tolerance.met'] = s.tolerance.met;
      v['status.tolerance.within'] = s.tolerance.within;
      v['status.tolerance.outside'] = s.tolerance.outside;
    }
    v['status.reached'] = s.reached ?? '';
    v['status.improving.from'] = s.improving?.from ?? '';
    v['status.improving.level'] = s.improving?.level ?? '';
    v['status.override.rollup'] = s.override?.rollup ?? '';
    v['status.override.levels'] = (s.override?.levels ?? []).join(', ');
    v['status.appliesTo'] = (s.appliesTo ?? []).join(', ');
    if (s.travel) {
      v['status.travel.on'] = 'on';
      v['status.travel.tolerance'] = String(s.travel.tolerance);
    }
  }
  const k = ev?.kpiVerdict;
  if (k) {
    v['kpiVerdict.on'] = 'on';
    v['kpiVerdict.achievedFrom'] = String(k.achievedFrom);
    v['kpiVerdict.rounding.mode'] = k.rounding.mode;
    v['kpiVerdict.rounding.decimals'] = String(k.rounding.decimals);
    for (const r of MISSING_REASONS) v[`kpiVerdict.missing.${r}`] = k.missing[r] ?? '';
  }
  return v;
}

/** Indices of the rows of a repeated group that hold anything ("the empty row to add one" is left out). */
export function filledRows(v: EvaluationFormValues, prefix: string, fields: readonly string[]): number[] {
  const rows: number[] = [];
  for (let i = 0; fields.some((f) => `${prefix}[${i}].${f}` in v); i++) {
    if (fields.some((f) => (v[`${prefix}[${i}].${f}`] ?? '').trim() !== '')) rows.push(i);
  }
  return rows;
}

export interface ParsedEvaluationForm {
  /** Bundle-shaped `evaluation` (still to be checked by the plan schema); undefined for none at all. */
  evaluation: unknown;
  shareRounding: string | undefined;
  /** Fields whose text is not a number, keyed like the form. */
  errors: FieldErrors;
  /** The plan's tree with each indicator's own method and tolerance as the form gives them. */
  nodes: unknown[];
  /** Form row of each built row, so a schema issue on `status.levels[1]` points at the row the user typed. */
  rows: { levels: number[]; bands: number[] };
}

/**
 * The form as bundle data: only parsing (numbers, lists), never a rule of its own. What is valid is decided by
 * the plan schema the bundle import uses.
 */
export function evaluationFromForm(v: EvaluationFormValues, tree: readonly PlanNode[]): ParsedEvaluationForm {
  const errors: FieldErrors = {};
  const text = (k: string) => (v[k] ?? '').trim();
  const num = (k: string): number | undefined => {
    const raw = text(k).normalize('NFKC').replaceAll(',', '');
    if (raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n)) errors[k] = M.number;
    return Number.isFinite(n) ? n : undefined;
  };
  const optional = (k: string) => text(k) || undefined;
  // A blank field is left out, so what the plan schema says of an absent field is what applies.
  const present = (entries: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(entries).filter(([, x]) => x !== undefined && x !== ''));
  const rounding = (prefix: string) => present({ mode: text(`${prefix}.mode`), decimals: num(`${prefix}.decimals`) });

  const ev: Record<string, unknown> = {};
  if (text('preset')) ev.preset = text('preset');
  if (text('progress.basis')) {
    const steps = text('progress.path')
      .split(/[,、\s]+/)
      .filter(Boolean)
      .map((step) => step.normalize('NFKC').split(':'));
    const path = steps.map(([fy, percent]) => ({ fy: Number(fy), percent: Number(percent) }));
    if (path.some((p, i) => steps[i]!.length !== 2 || !Number.isFinite(p.fy) || !Number.isFinite(p.percent))) {
      errors['progress.path'] = {
        ja: '「年度:割合」をカンマで区切って入力してください（例: 2025:20, 2026:40）',
        en: 'Type "year:percent" pairs separated by commas (e.g. 2025:20, 2026:40)',
      };
    }
    ev.progress = { basis: text('progress.basis'), ...(path.length > 0 ? { path } : {}) };
  }
  const levels = filledRows(v, 'status.levels', ['key', 'label', 'labelEn', 'color']);
  const bands = filledRows(v, 'status.bands', ['level', 'from']);
  if (text('status.measure')) {
    const kind = text('status.kind');
    const unit = text('status.tolerance.unit') === 'percent' ? 'percent' : 'points';
    ev.status = {
      ...(text('status.key') ? { key: text('status.key') } : {}),
      name: text('status.name'),
      ...(optional('status.nameEn') ? { nameEn: text('status.nameEn') } : {}),
      measure: text('status.measure'),
      ...(text('status.appliesTo')
        ? {
            appliesTo: text('status.appliesTo')
              .split(/[,、\s]+/)
              .filter(Boolean),
          }
        : {}),
      combine: present({
        method: text('status.combine.method'),
        n: num('status.combine.n'),
        cap: v['status.combine.cap'] === 'on',
      }),
      rounding: rounding('status.rounding'),
      levels: levels.map((i) => ({
        key: text(`status.levels[${i}].key`),
        label: text(`status.levels[${i}].label`),
        ...(optional(`status.levels[${i}].labelEn`) ? { labelEn: text(`status.levels[${i}].labelEn`) } : {}),
        ...(optional(`status.levels[${i}].color`) ? { color: text(`status.levels[${i}].color`) } : {}),
      })),
      ...(kind === 'tolerance'
        ? {
            tolerance: {
              ...present({ [unit]: num('status.tolerance.size') }),
              met: text('status.tolerance.met'),
              within: text('status.tolerance.within'),
              outside: text('status.tolerance.outside'),
            },
          }
        : {
            bands: bands.map((i) => {
              const from = num(`status.bands[${i}].from`);
              return {
                level: text(`status.bands[${i}].level`),
                ...(from === undefined ? {} : { from }),
                inclusive: text(`status.bands[${i}].inclusive`) !== 'false',
              };
            }),
          }),
      ...(text('status.reached') ? { reached: text('status.reached') } : {}),
      ...(text('status.improving.from') || text('status.improving.level')
        ? { improving: { from: text('status.improving.from'), level: text('status.improving.level') } }
        : {}),
      ...(text('status.override.rollup') || text('status.override.levels')
        ? {
            override: {
              rollup: text('status.override.rollup'),
              ...(text('status.override.levels')
                ? {
                    levels: text('status.override.levels')
                      .split(/[,、\s]+/)
                      .filter(Boolean),
                  }
                : {}),
            },
          }
        : {}),
      ...(v['status.travel.on'] === 'on'
        ? { travel: present({ against: 'previous-year', tolerance: num('status.travel.tolerance') }) }
        : {}),
    };
  }
  if (v['kpiVerdict.on'] === 'on') {
    const missing = Object.fromEntries(
      MISSING_REASONS.filter((r) => text(`kpiVerdict.missing.${r}`)).map((r) => [r, text(`kpiVerdict.missing.${r}`)]),
    );
    ev.kpiVerdict = present({
      achievedFrom: num('kpiVerdict.achievedFrom'),
      rounding: rounding('kpiVerdict.rounding'),
      missing,
    });
  }
  return {
    nodes: applyOverrides(tree, v, num),
    evaluation: Object.keys(ev).length > 0 ? ev : undefined,
    shareRounding: text('shareRounding') || undefined,
    errors,
    rows: { levels, bands },
  };
}
