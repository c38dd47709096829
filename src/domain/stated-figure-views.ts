import type { PlanDocument, StatedFigure } from './plan-document.ts';
import { formatDecimal } from './round-percent.ts';
import { decimalsOf } from './stated-count-findings.ts';
import { computeStatedFigure, statedFigureWhat } from './stated-figure-findings.ts';

/** A published aggregate as the portal, API, PDF and CSV show it, beside the figure computed from the items. */
export interface StatedFigureView {
  figure: StatedFigure;
  /** What it measures: 「B」以上の割合 / share at or above "B"; 平均 / mean. */
  what: { ja: string; en: string };
  /**
   * As printed: "62.6%"; printed counts as "73件中41件（56.2%）" / "41 of 73 (56.2%)", the share worked out from
   * the counts at the plan's decimals when the source printed none.
   */
  stated: { ja: string; en: string };
  /** From the items' ratings, at the precision the source printed; null where the plan holds no items for it. */
  computed: { value: number; formatted: string; basis: { ja: string; en: string } } | null;
}

/**
 * Every stated figure of a plan (the aggregates a body publishes, e.g. 「73件中41件が緑」) with what we compute
 * from the items where the plan has them, in the plan's order.
 * @example statedFigureViews(minamikaze)[0] // stated "62.6%", computed "62.5%" (10件 ÷ 16件)
 */
export function statedFigureViews(plan: PlanDocument): StatedFigureView[] {
  return (plan.statedFigures ?? []).map((figure) => {
    const computed = computeStatedFigure(plan, figure);
    const decimals = figure.value === undefined ? plan.rollup.decimals : decimalsOf(figure.value);
    const shown = (x: number, unit: string) => `${formatDecimal(x, decimals)}${unit}`;
    const unit = figure.method === 'mean' ? (computed?.unit ?? '') : '%';
    let stated: StatedFigureView['stated'];
    if (figure.count !== undefined && figure.of !== undefined) {
      const share = shown(figure.value ?? (figure.count * 100) / figure.of, '%');
      stated = {
        ja: `${figure.of}件中${figure.count}件（${share}）`,
        en: `${figure.count} of ${figure.of} (${share})`,
      };
    } else {
      const text = shown(figure.value ?? 0, unit);
      stated = { ja: text, en: text };
    }
    // A figure printed as counts only is compared as counts: the share of the items is worked out at the plan's decimals.
    const value =
      computed && figure.value === undefined && computed.counts
        ? (computed.counts.count * 100) / computed.counts.of
        : computed?.value;
    return {
      figure,
      what: statedFigureWhat(plan, figure),
      stated,
      computed: computed && {
        value: value!,
        formatted: shown(value!, computed.unit),
        basis: computed.basis,
      },
    };
  });
}
