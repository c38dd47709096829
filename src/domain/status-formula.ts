import { applyRounding } from './declared-rounding.ts';
import type { StatusRule } from './evaluation-method.ts';
import type { KpiProgress } from './kpi-progress.ts';
import { formatPercent } from './round-percent.ts';

type Text = { ja: string; en: string };

const ordinal = (n: number) => {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** How the combined figure is named, by the rule's combination. */
function headOf(combine: StatusRule['combine']): Text {
  switch (combine.method) {
    case 'mean':
      return { ja: '平均', en: 'mean' };
    case 'min':
      return { ja: '最小', en: 'lowest' };
    case 'all':
      return { ja: '全指標の最小', en: 'lowest of all' };
    case 'any':
      return { ja: '最大', en: 'highest' };
    case 'n-achieved':
      return { ja: `${combine.n}番目に高い値`, en: `${ordinal(combine.n as number)} highest` };
  }
}

/**
 * The arithmetic behind a status rule's combined figure: each indicator's formula and the figure the rule takes
 * from them, named by how it combines them (mean, lowest, highest, n-th highest), and whether the rule counted each
 * within 0–100 %. It always says the figure the verdict was given on, never another combination's.
 * @example statusFormula(progress, { combine: { method: 'any', cap: true }, rounding: { mode: 'half-up', decimals: 1 } }, 80, 1).ja // "最大 80.0%（50 ÷ 100 = 50.0%、80 ÷ 100 = 80.0%）"
 */
export function statusFormula(
  progress: KpiProgress,
  rule: Pick<StatusRule, 'combine' | 'rounding'>,
  percent: number | null,
  decimals: number,
): Text {
  const { combine } = rule;
  const computed = progress.indicators.filter((i) => i.progress.percent !== null);
  if (percent === null) {
    if (combine.method === 'n-achieved' && computed.length > 0)
      return {
        ja: `計算できた指標が${computed.length}件で、判定に要る${combine.n}件に足りません`,
        en: `${computed.length} indicator${computed.length === 1 ? '' : 's'} computed, fewer than the ${combine.n} the rule needs`,
      };
    return { ja: '計算できるKPIなし', en: 'No KPI could be computed' };
  }
  // The figure judged, after the rule's rounding (a truncating rule judges 89.99 % as 89.9 %, not 90.0 %).
  const judged = formatPercent(applyRounding(percent, rule.rounding), decimals);
  const only = computed.length === 1 ? computed[0] : undefined;
  if (only) {
    // The one indicator's arithmetic, and the figure judged where it reads otherwise (capped at 100 %, truncated).
    const differs = formatPercent(only.progress.percent as number, decimals) !== judged;
    return differs
      ? {
          ja: `${only.progress.formula.ja}（判定は${judged}として）`,
          en: `${only.progress.formula.en} (judged as ${judged})`,
        }
      : only.progress.formula;
  }
  const outOfRange = computed.some((i) => (i.progress.percent as number) > 100 || (i.progress.percent as number) < 0);
  const note =
    combine.cap && outOfRange
      ? { ja: '（各指標は0～100%の範囲で計算）', en: ' (each indicator counted within 0–100%)' }
      : { ja: '', en: '' };
  const head = headOf(combine);
  return {
    ja: `${head.ja} ${judged}（${computed.map((i) => i.progress.formula.ja).join('、')}）${note.ja}`,
    en: `${head.en} ${judged} (${computed.map((i) => i.progress.formula.en).join('; ')})${note.en}`,
  };
}
