import type { UploadIssue } from '../../app/index.ts';
import { OrganizationBundle } from '../../domain/index.ts';
import { parsePlanNodes } from './parse-plan-nodes.ts';
import { parsePlanSettings } from './parse-plan-settings.ts';
import { SHEETS } from './plan-workbook-layout.ts';
import { type ReadSheet, readWorkbook, WorkbookReadError } from './read-workbook.ts';
import type { RowReader } from './sheet-reader.ts';
import { workbookReadMessage } from './workbook-read-message.ts';

export type PlanWorkbookResult = { ok: true; bundle: OrganizationBundle } | { ok: false; issues: UploadIssue[] };

const FIELD_HEADERS: Record<string, string> = {
  code: '番号',
  title: '名称',
  titleEn: '名称（英語）',
  departments: '担当課コード',
  situation: '現状',
  challenges: '課題',
  goal: '計画期間内の目標',
  sdgs: 'SDGs',
  lifecycle: '状態',
  weight: '重み',
  previousCodes: '旧番号',
  titleVariants: '名称の異表記',
  sourceNotes: '出典の注記',
  separateGroup: '別枠のグループ',
};

type Located = { sheet: string; cell: string };

/** The cell a schema error points at: the node's row (and field column), its KPI or rating row, or the sheet. */
function locate(
  path: PropertyKey[],
  bundle: { plans: { nodes: { code: string; children: unknown[] }[] }[] },
  locations: ReturnType<typeof parsePlanNodes>['locations'],
): Located {
  if (path[0] === 'departments' && typeof path[1] === 'number')
    return { sheet: SHEETS.departments, cell: `A${path[1] + 2}` };
  if (path[0] !== 'plans') return { sheet: SHEETS.plan, cell: 'A1' };
  if (path[2] === 'sheetFields' && typeof path[3] === 'number')
    return { sheet: SHEETS.fields, cell: `A${path[3] + 2}` };
  type TreeNode = { code: string; children: unknown[] };
  let nodes = bundle.plans[0]?.nodes as TreeNode[] | undefined;
  let node: TreeNode | undefined;
  let i = 2;
  while (nodes && (path[i] === 'nodes' || path[i] === 'children') && typeof path[i + 1] === 'number') {
    node = nodes[path[i + 1] as number];
    nodes = node?.children as TreeNode[] | undefined;
    i += 2;
  }
  if (!node) return { sheet: path[2] === 'ratingScales' ? SHEETS.scales : SHEETS.plan, cell: 'A1' };
  const field = String(path[i] ?? '');
  const pick = (rows: RowReader[] | undefined, index: unknown, header: string) => {
    const r = rows?.[typeof index === 'number' ? index : 0];
    return r ? r.cell(header) : undefined;
  };
  if (field === 'indicators')
    return (
      pick(locations.indicator.get(node.code), path[i + 1], '指標キー') ?? { sheet: SHEETS.indicators, cell: 'A1' }
    );
  if (field === 'assessments')
    return pick(locations.assessment.get(node.code), path[i + 1], '番号') ?? { sheet: SHEETS.nodes, cell: 'A1' };
  const row = locations.node.get(node.code);
  return row ? row.cell(FIELD_HEADERS[field] ?? '番号') : { sheet: SHEETS.nodes, cell: 'A1' };
}

/**
 * Builds an organization bundle (organization, departments, one plan) from sheets in the edition-workbook
 * layout, so a city can start from Excel. Everything is validated with the domain schema; every problem names
 * its sheet and cell.
 */
export function parsePlanWorkbook(sheets: ReadSheet[]): PlanWorkbookResult {
  const issues: UploadIssue[] = [];
  const byName = new Map(sheets.map((s) => [s.name, s]));
  for (const required of [SHEETS.nodes, SHEETS.plan, SHEETS.scales]) {
    if (!byName.has(required)) {
      issues.push({
        sheet: required,
        cell: 'A1',
        kind: 'invalid',
        messageJa: `シート「${required}」がありません`,
        messageEn: `Sheet "${required}" is missing`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const { settings, departments, organization } = parsePlanSettings(byName, issues);
  const parsedScales = settings.ratingScales.map((s) => ({
    key: s.key,
    name: s.name,
    kind: s.kind,
    levels: (s.levels ?? []).map((l) => ({ ...l, excluded: l.excluded ?? false })),
  }));
  const { nodes, locations } = parsePlanNodes(
    byName,
    { ratingScales: parsedScales, sheetFields: settings.sheetFields },
    issues,
  );
  const input = { format: 'shinchoku/v1', organization, departments, plans: [{ ...settings, nodes }] };
  if (issues.length > 0) return { ok: false, issues };
  const parsed = OrganizationBundle.safeParse(input);
  if (parsed.success) return { ok: true, bundle: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => {
      const at = locate(i.path, input as never, locations);
      const path = i.path.map(String).join('.');
      return {
        ...at,
        kind: 'invalid',
        messageJa: `値が正しくありません（${path}: ${i.message}）`,
        messageEn: `${path}: ${i.message}`,
      };
    }),
  };
}

/** Reads an .xlsx file in the edition-workbook layout into an organization bundle (see `parsePlanWorkbook`). */
export async function importPlanWorkbook(data: Uint8Array): Promise<PlanWorkbookResult> {
  try {
    return parsePlanWorkbook(await readWorkbook(data));
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    return {
      ok: false,
      issues: [
        {
          ...e.at,
          kind: 'invalid',
          messageJa: workbookReadMessage(e).ja,
          messageEn: workbookReadMessage(e).en,
        },
      ],
    };
  }
}
