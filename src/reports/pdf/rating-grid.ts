import {
  assessmentOf,
  compareRatings,
  findLevel,
  formatQuantity,
  isItemNode,
  type PlanNode,
  type RatingScale,
  ratingQuery,
} from '../../domain/index.ts';
import type { EditionView } from '../edition-view.ts';
import { ratingText } from '../rating-text.ts';
import type { TableCell, TableModel, TableRow } from './pdf-model.ts';

const STEPS = 10;

/** Numeric range of a percentage or numeric scale: its min/max, else its lowest and highest scores. */
function rangeOf(scale: RatingScale): { min: number; max: number } {
  const scores = scale.levels.map((l) => l.score).filter((s): s is number => s !== null);
  const min = scale.min ?? (scores.length > 0 ? Math.min(...scores) : 0);
  const max = scale.max ?? (scores.length > 0 ? Math.max(...scores) : 100);
  return { min, max: max > min ? max : min + 100 };
}

/**
 * Column heads of a scale's grid. Percentages and numbers print as ten equal steps ("10%" … "100%") filled up to
 * the rating, as in the source's 目標達成率 row; other scales print their levels, highest first, and mark one.
 */
function gridColumns(scale: RatingScale, lang: string, excludedMark: string) {
  if (scale.kind === 'percentage' || scale.kind === 'numeric') {
    const { min, max } = rangeOf(scale);
    const step = (max - min) / STEPS;
    return Array.from({ length: STEPS }, (_, i) => {
      const bound = min + step * (i + 1);
      return {
        head: `${formatQuantity(bound)}${scale.unit ?? ''}`,
        // A cell is filled when the rating reaches its upper bound (the 10 % cell needs at least 10 %).
        filled: (score: number | null, _key: string) => score !== null && score >= bound - step * 1e-9,
      };
    });
  }
  // Excluded levels (評価不能) are no step of the scale: they come last, marked as such.
  const levels = [...scale.levels].reverse();
  const ordered = [...levels.filter((l) => !l.excluded), ...levels.filter((l) => l.excluded)];
  return ordered.map((level) => ({
    head: (lang === 'en' ? (level.labelEn ?? level.label) : level.label) + (level.excluded ? excludedMark : ''),
    filled: (_score: number | null, key: string) => key === level.key,
  }));
}

function grid(node: PlanNode, view: EditionView, scale: RatingScale): TableModel {
  const columns = gridColumns(scale, view.lang, view.t.excluded);
  const decimals = view.plan.rollup.decimals;
  const percentLike = scale.kind === 'percentage' || scale.kind === 'numeric';
  const head = (text: string): TableCell => ({ lines: [text], role: 'header', align: 'center', small: true });
  const rows: TableRow[] = [
    {
      cells: [
        head(view.lang === 'en' ? (scale.nameEn ?? scale.name) : scale.name),
        ...columns.map((c) => head(c.head)),
        head(view.t.rating),
      ],
    },
  ];
  const comments: TableRow[] = [];
  for (const fy of view.years) {
    const a = assessmentOf(node, fy, scale.key, ratingQuery(view.plan));
    const level = a ? findLevel(scale, a.level) : undefined;
    const score = level && !level.excluded ? level.score : null;
    const cells: TableCell[] = columns.map((c) => {
      const on = a !== undefined && c.filled(score, a.level);
      // Percent cells are filled bars; a marked level also carries a sign, so colour is never the only cue.
      return { lines: on && !percentLike ? ['●'] : [''], role: on ? 'rated' : 'unrated', align: 'center' };
    });
    rows.push({
      cells: [
        { lines: [view.fy(fy)], role: 'label', align: 'center' },
        ...cells,
        { lines: [ratingText(scale, a?.level, decimals, view.lang)], align: 'center' },
      ],
    });
    if (a?.comment) {
      comments.push({
        cells: [
          { lines: [view.t.comment(view.fy(fy, 'short'))], role: 'label', small: true },
          { lines: [a.comment], span: columns.length + 1, small: true },
        ],
      });
    }
  }
  // Where the plan derives this scale from KPIs, the rule's rating is printed under the grid, and says so when it
  // differs from the self-rating: both stay visible.
  const hasRule = view.plan.ratingRules.some((r) => r.scale === scale.key) && isItemNode(node);
  for (const fy of hasRule ? view.years.filter((y) => y <= view.asOfFy) : []) {
    const c = compareRatings(view.plan, node, fy, { scale: scale.key });
    if (!c.rule) continue;
    const formula = view.lang === 'en' ? c.rule.formula.en : c.rule.formula.ja;
    const lines = [view.t.ruleValue(c.rule.label, formula)];
    if (c.disagree && c.self) lines.push(view.t.disagree(c.self.label, c.rule.label));
    comments.push({
      cells: [
        { lines: [view.t.ruleRating(view.fy(fy, 'short'))], role: 'label', small: true },
        { lines, span: columns.length + 1, small: true },
      ],
    });
  }
  const labelWidth = 0.15;
  const ratingWidth = 0.13;
  const cellWidth = (1 - labelWidth - ratingWidth) / columns.length;
  return {
    widths: [labelWidth, ...columns.map(() => cellWidth), ratingWidth],
    rows: [...rows, ...comments],
    keepTogether: true,
    headerRows: 1,
  };
}

/** The rating grid of the primary scale, and of any other scale the node has been rated on. */
export function ratingGrids(node: PlanNode, view: EditionView): TableModel[] {
  const primary = view.plan.ratingScales[0]?.key;
  return view.plan.ratingScales
    .filter((s) => s.key === primary || node.assessments.some((a) => a.scale === s.key))
    .map((s) => grid(node, view, s));
}
