import {
  type EditionContent,
  type Indicator,
  indicatorProgress,
  initiativeStatus,
  isActiveIn,
  kpiVerdictCounts,
  type PlanNode,
  progressBasisOf,
  progressPathOf,
  yearNamingOf,
} from '../domain/index.ts';
import { type CsvLang, csvWords } from './csv-words.ts';
import { editionView } from './edition-view.ts';
import { kpiVerdictText } from './verdict-text.ts';

/** Extra open-data columns: a header and the cells of one row, in the header's order. */
export interface Columns<T> {
  header: string[];
  cells(row: T): string[];
}

const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

/**
 * The columns an initiative row gets from the plan's declared methods, for the edition's year: the status
 * rule's level, the figure it judged, the direction of travel and the formula, and where the plan lets a verdict
 * be set by hand that verdict and its reason; the KPI verdicts counted. No
 * columns at all for what the plan does not declare, so a plan like Ogori keeps its CSV as it was.
 */
export function initiativeEvaluationColumns(content: EditionContent, fy: number, lang: CsvLang): Columns<PlanNode> {
  const plan = content.plan;
  const rule = plan.evaluation?.status;
  const w = csvWords(plan, lang);
  const en = w.lang === 'en';
  const year = w.fy(fy);
  const header: string[] = [];
  if (rule) {
    const name = en ? (rule.nameEn ?? rule.name) : rule.name;
    const of = (ja: string, english: string) => `${year} ${w.qualified(name, en ? english : ja)}`;
    header.push(`${year} ${name}`, of('判定した値', 'figure judged'));
    if (rule.travel) header.push(of('前年度比', 'against the previous year'));
    header.push(of('計算式', 'formula'));
    // The computed verdict keeps its column; one set by hand has its own, never merged into it.
    if (rule.override) header.push(of('手入力による判定', 'set by hand'), of('手入力の理由', 'reason set by hand'));
  }
  const verdicts = plan.evaluation?.kpiVerdict !== undefined;
  if (verdicts) {
    header.push(
      ...(en
        ? ['achieved', 'not achieved', 'unmeasurable', 'not counted'].map((k) => `${year} indicators ${k} (count)`)
        : ['達成', '未達成', '測定不能', '集計対象外'].map((k) => `${year} 成果指標 ${k}（件）`)),
    );
  }
  return {
    header,
    cells(node) {
      const out: string[] = [];
      if (rule) {
        const numeric = node.indicators.some((i) => i.kind !== 'text');
        const s = numeric && isActiveIn(node, fy) ? initiativeStatus(plan, node, fy) : null;
        const label = (l: { label: string; labelEn?: string | undefined } | null | undefined) =>
          (en ? l?.labelEn : undefined) ?? l?.label ?? '';
        out.push(label(s?.level), num(s?.measure));
        if (rule.travel) out.push(s?.arrow ?? '');
        out.push(s && s.percent !== null ? s.formula[w.lang] : '');
        if (rule.override) out.push(label(s?.override?.level), s?.override?.reason ?? '');
      }
      if (verdicts) {
        const c = node.indicators.some((i) => i.kind !== 'text') ? kpiVerdictCounts(plan, [node], fy) : null;
        out.push(num(c?.achieved), num(c?.notAchieved), num(c?.unmeasurable), num(c?.excluded));
      }
      return out;
    },
  };
}

/**
 * The columns a yearly indicator row gets where the plan declares a progress basis (the percentage and its
 * formula as of that year) and a KPI verdict (達成 / 未達成 / 測定不能 with the reason).
 */
export function indicatorEvaluationColumns(
  content: EditionContent,
  lang: CsvLang,
): Columns<{ indicator: Indicator; fy: number }> {
  const plan = content.plan;
  const view = editionView(content, lang);
  const progress = plan.evaluation?.progress !== undefined;
  const verdicts = plan.evaluation?.kpiVerdict !== undefined;
  const words =
    lang === 'ja'
      ? ['達成率（%）', '達成率の計算式', '成果指標の判定']
      : ['Progress (%)', 'Progress formula', 'Verdict'];
  const header = [...(progress ? words.slice(0, 2) : []), ...(verdicts ? words.slice(2) : [])];
  return {
    header,
    cells({ indicator, fy }) {
      const out: string[] = [];
      if (progress) {
        const p = indicatorProgress(indicator, {
          asOfFy: fy,
          planStartFy: plan.period.startFy,
          years: yearNamingOf(plan),
          decimals: plan.rollup.decimals,
          basis: progressBasisOf(plan, indicator),
          path: progressPathOf(plan, indicator),
        });
        out.push(num(p.percent), p.formula[lang]);
      }
      if (verdicts) out.push(kpiVerdictText(view, indicator, fy) ?? '');
      return out;
    },
  };
}
