import { formatIndicatorPeriod, type PlanNode, periodRatingsOf, stageRatingsOf } from '../../domain/index.ts';
import type { EditionView } from '../edition-view.ts';
import type { TableCell, TableModel, TableRow } from './pdf-model.ts';

/**
 * An item's ratings in each evaluation stage the plan declares (事中 and 事後, 一次 / 二次 / 外部評価), year by year,
 * as the portal's item page lists them, the listed stage marked. Undefined for a plan without stages or an item
 * not rated in any.
 */
export function stageTable(node: PlanNode, view: EditionView): TableModel | undefined {
  const { plan, t, lang } = view;
  const ratings = stageRatingsOf(plan, node);
  if (!plan.evaluationStages || ratings.length === 0) return undefined;
  const several = plan.ratingScales.length > 1;
  const local = (ja: string, en: string | undefined) => (lang === 'en' ? (en ?? ja) : ja);
  const head = (text: string): TableCell => ({ lines: [text], role: 'header', align: 'center', small: true });
  const heads = t.stageHeads;
  const rows: TableRow[] = [
    {
      cells: [heads.fy, heads.stage, ...(several ? [heads.scale] : []), t.rating, heads.comment].map(head),
    },
    ...ratings.map(
      (r): TableRow => ({
        cells: [
          { lines: [view.fy(r.fy)], role: 'label', align: 'center' },
          { lines: [local(r.stage.name, r.stage.nameEn) + (r.listed ? t.listedStage : '')] },
          ...(several ? [{ lines: [local(r.scale.name, r.scale.nameEn)] }] : []),
          { lines: [local(r.level?.label ?? r.assessment.level, r.level?.labelEn)], align: 'center' },
          { lines: [r.assessment.comment ?? t.none], small: true },
        ],
      }),
    ),
  ];
  const widths = several ? [0.12, 0.25, 0.13, 0.12, 0.38] : [0.12, 0.26, 0.12, 0.5];
  return { widths, rows, headerRows: 1, keepTogether: true, caption: t.stageRatings };
}

/**
 * An item's ratings for parts of a year (a council's quarterly RAG status) with their comments, as the portal's
 * item page lists them. Undefined for an item rated by whole years only.
 */
export function periodTable(node: PlanNode, view: EditionView): TableModel | undefined {
  const { plan, t, lang } = view;
  const ratings = periodRatingsOf(plan, node);
  if (ratings.length === 0) return undefined;
  const several = plan.ratingScales.length > 1;
  const local = (ja: string, en: string | undefined) => (lang === 'en' ? (en ?? ja) : ja);
  const head = (text: string): TableCell => ({ lines: [text], role: 'header', align: 'center', small: true });
  const periodOptions = { lang, startMonth: plan.fiscalYearStartMonth, language: plan.language };
  const rows: TableRow[] = [
    { cells: [t.periodHead, ...(several ? [t.stageHeads.scale] : []), t.rating, t.stageHeads.comment].map(head) },
    ...ratings.map(
      (r): TableRow => ({
        cells: [
          {
            lines: [formatIndicatorPeriod({ yearBasis: 'fiscal' }, r.fy, r.period, periodOptions)],
            role: 'label',
            align: 'center',
          },
          ...(several ? [{ lines: [local(r.scale.name, r.scale.nameEn)] }] : []),
          { lines: [local(r.level?.label ?? r.assessment.level, r.level?.labelEn)], align: 'center' },
          { lines: [r.assessment.comment ?? t.none], small: true },
        ],
      }),
    ),
  ];
  const widths = several ? [0.25, 0.13, 0.12, 0.5] : [0.26, 0.12, 0.62];
  return { widths, rows, headerRows: 1, keepTogether: true, caption: t.periodRatings };
}
