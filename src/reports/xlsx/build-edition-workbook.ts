import type { EditionContent } from '../../domain/index.ts';
import { editionView } from '../edition-view.ts';
import { indicatorsSheet, nodesSheet } from './edition-node-sheets.ts';
import { ratingSheets, summarySheet } from './edition-rating-sheets.ts';
import { fieldDefsSheet } from './field-defs-sheet.ts';
import { departmentsSheet, planSheet, scalesSheet, sectionsSheet } from './plan-settings-sheets.ts';
import type { WorkbookModel } from './workbook-model.ts';

/**
 * An edition as a workbook people can filter: 取組一覧 (every node, every field), 指標 (KPIs with yearly
 * values), one sheet of ratings per fiscal year, 集計, and the plan's settings (計画, 計画の章, 評価尺度, 担当課)
 * so that `importPlanWorkbook` can rebuild the plan from it. Japanese headers, frozen header rows, filters.
 * @example buildEditionWorkbook(ogori).sheets.map((s) => s.name).slice(0, 3) // ["取組一覧", "指標", "令和4年度 評価"]
 */
export function buildEditionWorkbook(content: EditionContent): WorkbookModel {
  const view = editionView(content, 'ja');
  const plan = content.plan;
  return {
    title: [plan.title, plan.edition?.name].filter(Boolean).join(' '),
    creator: content.organization.name,
    sheets: [
      nodesSheet(view),
      indicatorsSheet(view),
      ...ratingSheets(view),
      summarySheet(view),
      planSheet(view),
      sectionsSheet(view),
      scalesSheet(view),
      departmentsSheet(view),
      ...fieldDefsSheet(plan),
    ],
  };
}
