import {
  type Assessment,
  formatIndicatorPeriod,
  type PlanNode,
  periodRatingsOf,
  type RatingLevel,
  type RatingScale,
  stageRatingsOf,
} from '../../domain/index.ts';
import type { EditionView } from '../edition-view.ts';
import type { TableCell, TableModel, TableRow } from './pdf-model.ts';

interface ListedRating {
  leading: string[];
  scale: RatingScale;
  assessment: Assessment;
  level: RatingLevel | undefined;
}

/**
 * A table of an item's ratings beyond the yearly grid: the leading columns given (year and stage, or the period),
 * the scale where the plan has several, the level and the comment; `widths` of the leading columns (fractions).
 */
function ratingsTable(
  view: EditionView,
  caption: string,
  leading: { heads: string[]; widths: number[] },
  ratings: ListedRating[],
): TableModel {
  const { plan, t, lang } = view;
  const several = plan.ratingScales.length > 1;
  const local = (ja: string, en: string | undefined) => (lang === 'en' ? (en ?? ja) : ja);
  const head = (text: string): TableCell => ({ lines: [text], role: 'header', align: 'center', small: true });
  const rows: TableRow[] = [
    {
      cells: [...leading.heads, ...(several ? [t.stageHeads.scale] : []), t.rating, t.stageHeads.comment].map(head),
    },
    ...ratings.map(
      (r): TableRow => ({
        cells: [
          ...r.leading.map(
            (text, i): TableCell => (i === 0 ? { lines: [text], role: 'label', align: 'center' } : { lines: [text] }),
          ),
          ...(several ? [{ lines: [local(r.scale.name, r.scale.nameEn)] }] : []),
          { lines: [local(r.level?.label ?? r.assessment.level, r.level?.labelEn)], align: 'center' },
          { lines: [r.assessment.comment ?? t.none], small: true },
        ],
      }),
    ),
  ];
  const used = leading.widths.reduce((a, b) => a + b, 0);
  const scaleWidth = several ? 0.13 : 0;
  const widths = [...leading.widths, ...(several ? [scaleWidth] : []), 0.12, 1 - used - scaleWidth - 0.12];
  return { widths, rows, headerRows: 1, keepTogether: true, caption };
}

/**
 * An item's ratings in each evaluation stage the plan declares (事中 and 事後, 一次 / 二次 / 外部評価), year by year,
 * as the portal's item page lists them, the listed stage marked. Undefined for a plan without stages or an item
 * not rated in any.
 */
export function stageTable(node: PlanNode, view: EditionView): TableModel | undefined {
  const { plan, t, lang } = view;
  const ratings = stageRatingsOf(plan, node);
  if (!plan.evaluationStages || ratings.length === 0) return undefined;
  const stageName = (ja: string, en: string | undefined) => (lang === 'en' ? (en ?? ja) : ja);
  return ratingsTable(
    view,
    t.stageRatings,
    { heads: [t.stageHeads.fy, t.stageHeads.stage], widths: [0.12, plan.ratingScales.length > 1 ? 0.25 : 0.26] },
    ratings.map((r) => ({
      ...r,
      leading: [view.fy(r.fy), stageName(r.stage.name, r.stage.nameEn) + (r.listed ? t.listedStage : '')],
    })),
  );
}

/**
 * An item's ratings for parts of a year (a council's quarterly RAG status) with their comments, as the portal's
 * item page lists them. Undefined for an item rated by whole years only.
 */
export function periodTable(node: PlanNode, view: EditionView): TableModel | undefined {
  const { plan, t, lang } = view;
  const ratings = periodRatingsOf(plan, node);
  if (ratings.length === 0) return undefined;
  const options = { lang, startMonth: plan.fiscalYearStartMonth, language: plan.language };
  return ratingsTable(
    view,
    t.periodRatings,
    { heads: [t.periodHead], widths: [plan.ratingScales.length > 1 ? 0.25 : 0.26] },
    ratings.map((r) => ({ ...r, leading: [formatIndicatorPeriod({ yearBasis: 'fiscal' }, r.fy, r.period, options)] })),
  );
}
