import { formatPlanYear, type PlanYears } from './format-plan-year.ts';
import type { Department, Indicator, PlanDocument, PlanNode } from './plan-document.ts';
import { assessmentOf, isActiveIn, leafNodes, ratingQuery, walkNodes } from './plan-tree.ts';
import { ratingKpiMismatch } from './rating-kpi-mismatch.ts';
import { formatQuantity } from './round-percent.ts';
import { statedFigureFindings } from './stated-figure-findings.ts';

export type LintSeverity = 'error' | 'warning' | 'info';
export type LintCode =
  | 'sheet-missing'
  | 'source-note'
  | 'title-variant'
  | 'sdgs-missing'
  | 'rating-kpi-mismatch'
  | 'department-unused'
  | 'department-unknown'
  | 'assessment-missing'
  | 'indicator-missing-actual'
  | 'source-rounding';

export interface LintFinding {
  severity: LintSeverity;
  /** Stable id; tools and tests match on it. */
  code: LintCode;
  /** Null for findings about the plan as a whole. */
  nodeCode: string | null;
  message: string;
  messageEn: string;
  data: Record<string, unknown>;
}

// Wording in the source that marks a number as approximate or a range (約200, 200程度, 200超, 100～120);
// a span of years such as 「R4～R6年度累計81件」 is not one.
const APPROXIMATE = /約|およそ|程度|前後|概算|超|余り|\d\s*[～〜~]\s*\d/;

function sourceNoteFindings(node: PlanNode): LintFinding[] {
  return node.sourceNotes.map((note) =>
    note.kind === 'sheet-missing'
      ? {
          severity: 'error' as const,
          code: 'sheet-missing' as const,
          nodeCode: node.code,
          message: `${node.code}「${node.title}」: 個票が原本にありません（${note.text}）`,
          messageEn: `${node.code} "${node.title}": the source has no sheet for this item (${note.text})`,
          data: { text: note.text },
        }
      : {
          severity: 'info' as const,
          code: 'source-note' as const,
          nodeCode: node.code,
          message: `${node.code}: ${note.text}`,
          messageEn: `${node.code}: note on the source: ${note.text}`,
          data: { kind: note.kind, text: note.text },
        },
  );
}

function titleVariantFindings(node: PlanNode): LintFinding[] {
  return node.titleVariants
    .filter((v) => v.title !== node.title)
    .map((v) => ({
      severity: 'warning',
      code: 'title-variant',
      nodeCode: node.code,
      message: `${node.code}: 表題は「${node.title}」ですが、${v.source}では「${v.title}」です`,
      messageEn: `${node.code}: titled "${node.title}" but "${v.title}" in ${v.source}`,
      data: { title: node.title, variant: v.title, source: v.source },
    }));
}

function indicatorFindings(node: PlanNode, ind: Indicator, fy: number, years: PlanYears): LintFinding[] {
  const fyLabel = formatPlanYear(fy, years, 'ja');
  const findings: LintFinding[] = [];
  const countsFrom = ind.target?.fromFy ?? Number.NEGATIVE_INFINITY;
  const value = ind.values.find((v) => v.fy === fy && v.period === 'FY');
  // A value whose absence the source explains (未公表, 測定不能, 該当なし) is not missing by mistake.
  const explained = value?.missingReason !== undefined && value.missingReason !== 'not-entered';
  if (ind.kind !== 'text' && fy >= countsFrom && typeof value?.actual !== 'number' && !explained) {
    findings.push({
      severity: 'warning',
      code: 'indicator-missing-actual',
      nodeCode: node.code,
      message: `${node.code}: 指標「${ind.name}」の${fyLabel}の実績が未入力です`,
      messageEn: `${node.code}: indicator "${ind.nameEn ?? ind.name}" has no actual for ${formatPlanYear(fy, years, 'en')}`,
      data: {
        indicator: ind.key,
        fy,
        item: `${node.code}「${ind.name}」`,
        itemEn: `${node.code} "${ind.nameEn ?? ind.name}"`,
      },
    });
  }
  const notes = [
    ...ind.values.flatMap((v) => [
      { fy: v.fy, which: '目標', whichEn: 'target', note: v.targetNote, value: v.target },
      { fy: v.fy, which: '実績', whichEn: 'actual', note: v.actualNote, value: v.actual },
    ]),
    { fy: ind.target?.fy, which: '計画目標', whichEn: 'plan target', note: ind.target?.note, value: ind.target?.value },
  ];
  const seen = new Set<string>();
  for (const n of notes) {
    if (!n.note || !APPROXIMATE.test(n.note) || typeof n.value !== 'number') continue;
    // The plan target usually repeats the final year's target ("累計約300" and "約300"): report it once.
    const key = `${n.whichEn === 'actual' ? 'a' : 't'}:${n.fy}:${n.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const shown = formatQuantity(n.value);
    findings.push({
      severity: 'info',
      code: 'source-rounding',
      nodeCode: node.code,
      message: `${node.code}: 指標「${ind.name}」の${n.which}（${formatPlanYear(n.fy ?? fy, years, 'ja')}）は原文「${n.note}」の概数で、${shown}として計算しています`,
      messageEn: `${node.code}: the ${n.whichEn} of "${ind.nameEn ?? ind.name}" (${formatPlanYear(n.fy ?? fy, years, 'en')}) is approximate in the source ("${n.note}"); computed as ${shown}`,
      data: { indicator: ind.key, fy: n.fy, note: n.note, value: n.value },
    });
  }
  return findings;
}

/**
 * Checks a plan for what staff should fix or know before publishing the results of a fiscal year: sheets
 * missing from the source, titles printed two ways, self-ratings far from KPI progress, missing ratings and
 * actuals, approximate numbers, departments out of use. Findings come in document order.
 * @example lintPlan(ogori, departments, { fy: 2022 }).filter((f) => f.code === 'sheet-missing')[0].nodeCode // "14-1"
 */
export function lintPlan(
  plan: PlanDocument,
  departments: readonly Department[],
  options: { fy: number },
): LintFinding[] {
  const { fy } = options;
  // Years as the plan names them: 令和4年度 / FY2022 for a Japanese plan, 2025/26 for an English one.
  const fyLabel = formatPlanYear(fy, plan, 'ja');
  const fyLabelEn = formatPlanYear(fy, plan, 'en');
  const leaves = new Set(leafNodes(plan));
  const known = new Set(departments.map((d) => d.code));
  const used = new Set<string>();
  const findings: LintFinding[] = [];
  for (const { node } of walkNodes(plan)) {
    findings.push(...sourceNoteFindings(node), ...titleVariantFindings(node));
    for (const dept of node.departments) {
      used.add(dept);
      if (!known.has(dept)) {
        findings.push({
          severity: 'error',
          code: 'department-unknown',
          nodeCode: node.code,
          message: `${node.code}: 担当課「${dept}」が組織の課一覧にありません`,
          messageEn: `${node.code}: department "${dept}" is not one of the organization's departments`,
          data: { department: dept },
        });
      }
    }
    if (!isActiveIn(node, fy)) continue;
    if (!leaves.has(node)) {
      // A goal's own 数値目標 are checked as an item's are; its rating and SDGs belong to its items.
      for (const ind of node.indicators) findings.push(...indicatorFindings(node, ind, fy, plan));
      continue;
    }
    if (node.sdgs.length === 0) {
      findings.push({
        severity: 'info',
        code: 'sdgs-missing',
        nodeCode: node.code,
        message: `${node.code}: SDGsの目標が設定されていません`,
        messageEn: `${node.code}: no SDG goals are mapped`,
        data: {},
      });
    }
    const assessment = assessmentOf(node, fy, undefined, ratingQuery(plan));
    if (!assessment) {
      findings.push({
        severity: 'warning',
        code: 'assessment-missing',
        nodeCode: node.code,
        message: `${node.code}: ${fyLabel}の評価が未入力です`,
        messageEn: `${node.code}: no rating for ${fyLabelEn}`,
        data: { fy },
      });
    } else {
      const mismatch = ratingKpiMismatch(plan, node, fy, assessment.level);
      if (mismatch) {
        const { message, messageEn, ...data } = mismatch;
        findings.push({
          severity: 'warning',
          code: 'rating-kpi-mismatch',
          nodeCode: node.code,
          message,
          messageEn,
          data,
        });
      }
    }
    for (const ind of node.indicators) findings.push(...indicatorFindings(node, ind, fy, plan));
  }
  findings.push(...statedFigureFindings(plan));
  return groupFindings(findings, fyLabel, fyLabelEn).concat(unusedDepartments(departments, used));
}

/** Findings that name many items the same way, gathered into one finding listing them. */
const GROUPED: Partial<
  Record<LintCode, (n: number, fyLabel: string, fyLabelEn: string) => { ja: string; en: string }>
> = {
  'sdgs-missing': (n) => ({
    ja: `SDGsの目標が設定されていない取組が${n}件あります`,
    en: `${n} items have no SDG goals mapped`,
  }),
  'assessment-missing': (n, fyLabel, fyLabelEn) => ({
    ja: `${fyLabel}の評価が未入力の取組が${n}件あります`,
    en: `${n} items have no rating for ${fyLabelEn}`,
  }),
  'indicator-missing-actual': (n, fyLabel, fyLabelEn) => ({
    ja: `${fyLabel}の実績が未入力の指標が${n}件あります`,
    en: `${n} indicators have no actual for ${fyLabelEn}`,
  }),
};

function groupFindings(findings: LintFinding[], fyLabel: string, fyLabelEn: string): LintFinding[] {
  const out: LintFinding[] = [];
  const groups = new Map<LintCode, LintFinding[]>();
  for (const f of findings) {
    if (GROUPED[f.code]) groups.set(f.code, [...(groups.get(f.code) ?? []), f]);
  }
  for (const f of findings) {
    const group = groups.get(f.code);
    const wording = GROUPED[f.code];
    if (!group || !wording || group.length < 2) {
      out.push(f);
      continue;
    }
    // The group takes the place of its first member, so document order still holds.
    if (group[0] !== f) continue;
    const head = wording(group.length, fyLabel, fyLabelEn);
    const items = group.map((g) => (typeof g.data.item === 'string' ? g.data.item : (g.nodeCode ?? '')));
    const itemsEn = group.map((g) => (typeof g.data.itemEn === 'string' ? g.data.itemEn : (g.nodeCode ?? '')));
    out.push({
      severity: f.severity,
      code: f.code,
      nodeCode: null,
      message: `${head.ja}: ${items.join('、')}`,
      messageEn: `${head.en}: ${itemsEn.join(', ')}`,
      data: { count: group.length, nodeCodes: group.map((g) => g.nodeCode), items: group.map((g) => g.data) },
    });
  }
  return out;
}

function unusedDepartments(departments: readonly Department[], used: Set<string>): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const d of departments) {
    if (used.has(d.code)) continue;
    findings.push({
      severity: 'info',
      code: 'department-unused',
      nodeCode: null,
      message: `担当課「${d.name}」はどの取組にも割り当てられていません`,
      messageEn: `Department "${d.nameEn ?? d.name}" is not assigned to any item`,
      data: { department: d.code },
    });
  }
  return findings;
}
