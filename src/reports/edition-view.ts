import {
  type EditionContent,
  formatPlanYear,
  type PlanDocument,
  type PlanNode,
  type RatingScale,
} from '../domain/index.ts';
import { type ReportLang, reportText } from './report-text.ts';

/** What every report needs to print an edition: the plan, names in one language, and its years. */
export interface EditionView {
  content: EditionContent;
  plan: PlanDocument;
  lang: ReportLang;
  t: ReturnType<typeof reportText>;
  /** Fiscal years of the plan period, first to last. */
  years: number[];
  /** The fiscal year the edition reflects (progress is computed as of this year). */
  asOfFy: number;
  /** The primary rating scale. */
  scale: RatingScale;
  departmentName(code: string): string;
  fy(fy: number, style?: 'long' | 'short'): string;
  title(node: Pick<PlanNode, 'title' | 'titleEn'>): string;
  organizationName: string;
}

/** Latest fiscal year with an assessment, for editions that do not say which year they reflect. */
function latestAssessedFy(plan: PlanDocument): number | undefined {
  let latest: number | undefined;
  const walk = (nodes: PlanNode[]) => {
    for (const n of nodes) {
      for (const a of n.assessments) if (latest === undefined || a.fy > latest) latest = a.fy;
      walk(n.children);
    }
  };
  walk(plan.nodes);
  return latest;
}

export function editionView(content: EditionContent, lang: ReportLang = 'ja'): EditionView {
  const plan = content.plan;
  const names = new Map(content.departments.map((d) => [d.code, lang === 'en' ? (d.nameEn ?? d.name) : d.name]));
  const years: number[] = [];
  for (let fy = plan.period.startFy; fy <= plan.period.endFy; fy++) years.push(fy);
  return {
    content,
    plan,
    lang,
    t: reportText(lang),
    years,
    asOfFy: plan.edition?.fy ?? latestAssessedFy(plan) ?? plan.period.startFy,
    scale: plan.ratingScales[0]!,
    departmentName: (code) => names.get(code) ?? code,
    // As the plan names its years: 令和4年度 / R4 for a Japanese plan, 2025/26 for an English one, 2025 by calendar.
    fy: (fy, style = 'long') => formatPlanYear(fy, plan, lang, style),
    title: (node) => (lang === 'en' ? (node.titleEn ?? node.title) : node.title),
    organizationName:
      lang === 'en' ? (content.organization.nameEn ?? content.organization.name) : content.organization.name,
  };
}
