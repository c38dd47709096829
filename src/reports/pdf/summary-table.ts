import {
  assessmentOf,
  findNode,
  formatIndicatorPeriod,
  furtherDimensionFigures,
  isActiveIn,
  kpiVerdictCounts,
  leafNodes,
  listedTitle,
  type PlanRollup,
  periodRollups,
  planRollup,
  planStatusCounts,
  ratingQuery,
  stageRollups,
  statedFigureViews,
  walkNodes,
} from '../../domain/index.ts';
import type { EditionView } from '../edition-view.ts';
import { ratingText } from '../rating-text.ts';
import { verdictCountsText } from '../verdict-text.ts';
import { nodeTypeRows } from './node-type-rows.ts';
import type { TableCell, TableModel, TableRow } from './pdf-model.ts';

/**
 * The closing 目標達成率一覧: one row per initiative with its rating in each fiscal year of the plan, under a
 * first row with the plan roll-up per year (its method named; years nobody has rated yet stay blank).
 * Notes say what each figure counted, so a missing rating is never silently read as 0.
 */
export function summaryTable(edition: EditionView): { table: TableModel; notes: string[] } {
  const view = { ...edition, years: listedYears(edition) };
  const { plan, t, scale } = view;
  const decimals = plan.rollup.decimals;
  const primary = scale.key;
  const head = (text: string): TableCell => ({ lines: [text], role: 'header', align: 'center', phrases: true });
  const rows: TableRow[] = [
    {
      cells: [
        head(t.number),
        head(t.itemTitleColumn),
        head(t.departments),
        ...view.years.map((fy) => head(view.fy(fy))),
      ],
    },
  ];
  const notes: string[] = [];
  const left = edition.years.filter((fy) => !view.years.includes(fy));
  if (left.length > 0) notes.push(t.yearsWithoutRatings(yearSpans(left, view.fy).join(t.listSeparator)));
  const figures: TableCell[] = [];
  let methodText = '';
  for (const fy of view.years) {
    const rolled = planRollup(plan, fy, { scope: 'plan' });
    if (!rolled.ok) {
      figures.push({ lines: [''], align: 'right' });
      notes.push(`${view.fy(fy)}: ${view.lang === 'en' ? rolled.error.messageEn : rolled.error.message}`);
      continue;
    }
    const r = rolled.value;
    // The method as named in a year someone rated ("distribution of 16 items"), not in an empty year's "of 0".
    if (r.assessedCount > 0 || methodText === '') methodText = view.lang === 'en' ? r.methodLabel.en : r.methodLabel.ja;
    // A distribution prints one level per line ("A: 2" / "B: 8" …) so narrow year columns stay readable.
    const figure = r.assessedCount === 0 ? [''] : r.method === 'distribution' ? r.formatted.split(', ') : [r.formatted];
    figures.push({ lines: figure, align: 'right', role: 'emphasis' });
    if (r.assessedCount > 0) {
      // The excluded level is named beside each code (評価不能).
      const excludedText = (code: string) => {
        const node = findNode(plan, code);
        const a = node && assessmentOf(node, fy, primary, ratingQuery(plan));
        const level = a ? ratingText(scale, a.level, decimals, view.lang) : '';
        return level ? (view.lang === 'en' ? `${code} (${level})` : `${code}（${level}）`) : code;
      };
      const listed = [
        r.missing.length > 0 ? t.missingItems(r.missing.join(t.listSeparator)) : '',
        r.excluded.length > 0 ? t.excludedItems(r.excluded.map(excludedText).join(t.listSeparator)) : '',
        r.inactive.length > 0 ? t.inactiveItems(r.inactive.join(t.listSeparator)) : '',
      ].filter(Boolean);
      const coverage = [view.lang === 'en' ? r.coverageLabel.en : r.coverageLabel.ja, ...listed];
      notes.push(t.summaryNote(view.fy(fy), methodText, coverage.join(view.lang === 'en' ? '; ' : '。')));
    }
  }
  // Items per verdict of the plan's status rule, by the level the plan says roll-ups count.
  const byStatus = planStatusCounts(plan, leafNodes(plan), view.asOfFy);
  const rule = plan.evaluation?.status;
  if (byStatus && rule) {
    const text = byStatus.levels
      .map((l) => t.levelCount(l.label[view.lang], l.count))
      .concat(byStatus.none > 0 ? [t.levelCount(t.notJudged, byStatus.none)] : [])
      .join(t.listSeparator);
    const name = view.lang === 'en' ? (rule.nameEn ?? rule.name) : rule.name;
    notes.push(t.statusCounts(name, view.fy(view.asOfFy), text, byStatus.byOverride));
  }
  // The plan's KPI verdicts counted over every indicator of the tree, only where the plan declares them.
  const counts = kpiVerdictCounts(
    plan,
    [...walkNodes(plan)].map((w) => w.node),
    view.asOfFy,
  );
  if (counts) notes.push(t.verdictNote(view.fy(view.asOfFy), verdictCountsText(view, counts)));
  // The aggregates the body published, each beside what the items' ratings give.
  for (const f of statedFigureViews(plan)) {
    const { fy, period, scope } = f.figure;
    const when =
      period === undefined || period === 'FY'
        ? view.fy(fy)
        : formatIndicatorPeriod({ yearBasis: 'fiscal' }, fy, period, {
            lang: view.lang,
            startMonth: plan.fiscalYearStartMonth,
            language: plan.language,
          });
    const what = scope === undefined ? f.what[view.lang] : `${scope} ${f.what[view.lang]}`;
    const computed = f.computed && t.withBasis(f.computed.formatted, f.computed.basis[view.lang]);
    notes.push(t.statedNote(when, what, f.stated[view.lang], computed));
  }
  const scaleName = view.lang === 'en' ? (scale.nameEn ?? scale.name) : scale.name;
  const averageLabel =
    plan.rollup.method === 'mean' && !plan.rollup.weighted
      ? t.summaryMean(scaleName)
      : t.summaryOther(scaleName, methodText.replace(/（.*$|\(.*$/, '').trim());
  rows.push({ cells: [{ lines: [averageLabel], span: 3, role: 'label' }, ...figures] });
  rows.push(...nodeTypeRows(view, notes), ...furtherDimensionRows(view, notes));
  notes.push(...otherStageNotes(view), ...periodNotes(view));
  for (const node of leafNodes(plan)) {
    const ratings = view.years.map((fy): TableCell => {
      if (!isActiveIn(node, fy)) {
        // Before it was added it is simply not in the plan; after it left, its status says why.
        const added = node.lifecycle.addedFy;
        const text = added !== undefined && fy < added ? t.notInPlan : (t.lifecycle[node.lifecycle.status] ?? '');
        return { lines: [text], align: 'center', small: true };
      }
      const a = assessmentOf(node, fy, primary, ratingQuery(plan));
      return { lines: [ratingText(scale, a?.level, decimals, view.lang)], align: 'right' };
    });
    rows.push({
      cells: [
        { lines: [node.code], align: 'center' },
        // The 一覧 keeps its own wording of a title (the sheet's stays on the sheet).
        { lines: [view.lang === 'en' && node.titleEn ? node.titleEn : listedTitle(plan, node)], phrases: true },
        { lines: [node.departments.map(view.departmentName).join(t.listSeparator)], small: true, phrases: true },
        ...ratings,
      ],
    });
  }
  // Year columns fit "令和4年度" on one line; the title gets what is left after code and 担当課.
  const yearShare = Math.min(0.45, 0.1 * view.years.length);
  const rest = 1 - yearShare;
  return {
    table: {
      widths: [rest * 0.12, rest * 0.62, rest * 0.26, ...view.years.map(() => yearShare / view.years.length)],
      rows,
      headerRows: 1,
      compact: true,
    },
    notes,
  };
}

/**
 * A row per figure of each further dimension (改善度 beside 達成度): its mean where its levels are numbers, then its
 * distribution, year by year; the coverage of each scale goes to the notes once. None for a plan with one scale.
 */
function furtherDimensionRows(view: EditionView, notes: string[]): TableRow[] {
  const { plan, t } = view;
  const byYear = view.years.map((fy) => {
    const f = furtherDimensionFigures(plan, fy, { scope: 'plan' });
    return f.ok ? f.value : [];
  });
  const rows: TableRow[] = [];
  for (let k = 0; k < (byYear[0]?.length ?? 0); k++) {
    const first = byYear[0]![k]!;
    const name = view.lang === 'en' ? (first.scale.nameEn ?? first.scale.name) : first.scale.name;
    const label = first.rollup.method === 'distribution' ? t.summaryOther(name, t.distribution) : t.summaryMean(name);
    const cells = byYear.map((figures): TableCell => {
      const r = figures[k]?.rollup;
      if (!r || r.assessedCount === 0) return { lines: [''], align: 'right' };
      return { lines: r.method === 'distribution' ? r.formatted.split(', ') : [r.formatted], align: 'right' };
    });
    rows.push({ cells: [{ lines: [label], span: 3, role: 'label' }, ...cells] });
    const isFirstOfScale = byYear[0]![k - 1]?.scale.key !== first.scale.key;
    if (!isFirstOfScale) continue;
    view.years.forEach((fy, i) => {
      const r = byYear[i]?.[k]?.rollup;
      if (!r || r.assessedCount === 0) return;
      const method = view.lang === 'en' ? r.methodLabel.en : r.methodLabel.ja;
      const coverage = view.lang === 'en' ? r.coverageLabel.en : r.coverageLabel.ja;
      notes.push(t.summaryNote(`${view.fy(fy)} ${name}`, method, coverage));
    });
  }
  return rows;
}

/**
 * The roll-up of each evaluation stage the table does not list (事中評価 beside the listed 事後評価), year by year,
 * in a note: the table's figures are the listed stage's only.
 */
function otherStageNotes(view: EditionView): string[] {
  const notes: string[] = [];
  for (const fy of view.years) {
    const stages = stageRollups(view.plan, fy, { scope: 'plan' });
    if (!stages.ok) continue;
    for (const { stage, listed, rollup: r } of stages.value) {
      if (listed || r.assessedCount === 0) continue;
      const name = view.lang === 'en' ? (stage.nameEn ?? stage.name) : stage.name;
      notes.push(rollupNote(view, `${view.fy(fy)} ${name}`, r));
    }
  }
  return notes;
}

/** "令和6年度 事中評価：分布（3件） A: 1, C: 2。17件中3件評価済…": a roll-up named, with its method and coverage. */
function rollupNote(view: EditionView, label: string, r: PlanRollup): string {
  const method = view.lang === 'en' ? r.methodLabel.en : r.methodLabel.ja;
  const coverage = view.lang === 'en' ? r.coverageLabel.en : r.coverageLabel.ja;
  return view.t.summaryNote(label, `${method} ${r.formatted}`, coverage);
}

/** The primary scale rolled up per rated part of each year (quarterly RAG), in a note: the table is by year. */
function periodNotes(view: EditionView): string[] {
  const notes: string[] = [];
  const options = { lang: view.lang, startMonth: view.plan.fiscalYearStartMonth, language: view.plan.language };
  for (const fy of view.years) {
    const periods = periodRollups(view.plan, fy, { scope: 'plan' });
    if (!periods.ok) continue;
    for (const { period, rollup: r } of periods.value) {
      notes.push(rollupNote(view, formatIndicatorPeriod({ yearBasis: 'fiscal' }, fy, period, options), r));
    }
  }
  return notes;
}

/** Year columns fit a page up to ten; a longer period (an SDG set to 2030) lists the years rated, up to the edition's. */
const MAX_YEAR_COLUMNS = 10;

function listedYears(view: EditionView): number[] {
  if (view.years.length <= MAX_YEAR_COLUMNS) return view.years;
  const rated = new Set([...walkNodes(view.plan)].flatMap((w) => w.node.assessments.map((a) => a.fy)));
  const years = view.years.filter((fy) => rated.has(fy) || fy === view.asOfFy);
  return years.length > 0 ? years : view.years.slice(0, MAX_YEAR_COLUMNS);
}

/** Runs of consecutive years, each as "2016–2024" or a single "2026". */
function yearSpans(years: number[], name: (fy: number) => string): string[] {
  const spans: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    spans.push(i === j ? name(years[i]!) : `${name(years[i]!)}–${name(years[j]!)}`);
    i = j + 1;
  }
  return spans;
}
