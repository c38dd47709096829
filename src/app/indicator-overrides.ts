import type { Indicator, PlanDocument, PlanNode } from '../domain/index.ts';
import type { EvaluationFormValues } from './evaluation-form.ts';

/** Form field of one indicator's override, e.g. `override[1-2][kouza].basis`. */
export const overrideField = (code: string, key: string, part: 'basis' | 'toleranceUnit' | 'toleranceSize') =>
  `override[${code}][${key}].${part}`;

/** Every node with numeric indicators, in document order (indicators may sit on any level). */
export function nodesWithIndicators(nodes: readonly PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => [
    ...(n.indicators.some((i) => i.kind !== 'text') ? [n] : []),
    ...nodesWithIndicators(n.children),
  ]);
}

/** The override fields showing what each indicator declares of its own (blank: the plan's default applies). */
export function overrideFormOf(plan: PlanDocument): EvaluationFormValues {
  const v: EvaluationFormValues = {};
  for (const node of nodesWithIndicators(plan.nodes)) {
    for (const i of node.indicators.filter((x) => x.kind !== 'text')) {
      v[overrideField(node.code, i.key, 'basis')] = i.method?.basis ?? '';
      v[overrideField(node.code, i.key, 'toleranceUnit')] = i.tolerance?.percent === undefined ? 'points' : 'percent';
      v[overrideField(node.code, i.key, 'toleranceSize')] = String(i.tolerance?.points ?? i.tolerance?.percent ?? '');
    }
  }
  return v;
}

/**
 * The tree with each indicator's `method` and `tolerance` as the form gives them (bundle-shaped, checked later
 * by the plan schema). An indicator the form does not list keeps what it had; a declared path stays with the basis.
 */
export function applyOverrides(
  nodes: readonly PlanNode[],
  v: EvaluationFormValues,
  num: (field: string) => number | undefined,
): unknown[] {
  const indicator = (code: string, i: Indicator): unknown => {
    const basisField = overrideField(code, i.key, 'basis');
    const listed = (['basis', 'toleranceUnit', 'toleranceSize'] as const).some(
      (p) => overrideField(code, i.key, p) in v,
    );
    if (i.kind === 'text' || !listed) return i;
    const { method: _m, tolerance: _t, ...rest } = i;
    const basis = basisField in v ? (v[basisField] ?? '').trim() : (i.method?.basis ?? '');
    const size = num(overrideField(code, i.key, 'toleranceSize'));
    const unit = v[overrideField(code, i.key, 'toleranceUnit')] === 'percent' ? 'percent' : 'points';
    return {
      ...rest,
      ...(basis ? { method: { basis, ...(i.method?.path ? { path: i.method.path } : {}) } } : {}),
      ...(size === undefined ? {} : { tolerance: { [unit]: size } }),
    };
  };
  return nodes.map((n) => ({
    ...n,
    indicators: n.indicators.map((i) => indicator(n.code, i)),
    children: applyOverrides(n.children, v, num),
  }));
}
