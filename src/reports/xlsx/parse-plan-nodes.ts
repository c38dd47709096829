import type { UploadIssue } from '../../app/index.ts';
import {
  type FieldValue,
  INDICATOR_KIND,
  keyedFields,
  LIFECYCLE_STATUS,
  type PlanDocumentInput,
  type PlanNodeInput,
  parseFiscalYear,
  type RatingScale,
  SheetFieldDef,
} from '../../domain/index.ts';
import { type FieldColumn, readFieldColumns } from './field-sheet-columns.ts';
import { headerFieldColumns } from './node-field-columns.ts';
import {
  DIRECTION_LABELS,
  INDICATOR_HEADERS as I,
  isEmptyEntry,
  NODE_HEADERS as N,
  parseRatingSheetName,
  parseYearHeader,
  RATING_HEADERS as R,
  SHEETS,
  VALUE_BASIS_LABELS,
  YEAR_BASIS_LABELS,
} from './plan-workbook-layout.ts';
import type { ReadSheet } from './read-workbook.ts';
import { dataRows, headerColumns, type RowReader } from './sheet-reader.ts';

type IndicatorInput = NonNullable<PlanNodeInput['indicators']>[number];
type ValueInput = NonNullable<IndicatorInput['values']>[number];
export type NodeWithRow = PlanNodeInput & { children: NodeWithRow[] };

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;

/** Where each node, indicator and assessment came from, to point validation errors at their cells. */
export interface NodeLocations {
  node: Map<string, RowReader>;
  indicator: Map<string, RowReader[]>;
  assessment: Map<string, RowReader[]>;
}

function readNode(r: RowReader, yearHeaders: ReturnType<typeof parseYearHeader>[], header: string[]): PlanNodeInput {
  const situationFy = r.fy(N.situationFy);
  const challengesFy = r.fy(N.challengesFy);
  const roadmap = new Map<number, { fy: number; plan: string[]; actual: string[] }>();
  yearHeaders.forEach((y, i) => {
    if (!y || (y.kind !== 'plan' && y.kind !== 'actual')) return;
    const cell = r.text(header[i]!);
    if (cell === undefined) return;
    const entry = roadmap.get(y.fy) ?? { fy: y.fy, plan: [], actual: [] };
    if (!isEmptyEntry(cell)) entry[y.kind] = r.lines(header[i]!);
    roadmap.set(y.fy, entry);
  });
  const status = r.value(N.status, LIFECYCLE_STATUS) ?? 'active';
  const sdgs = r.list(N.sdgs).map((s) => Number(s.normalize('NFKC')));
  return {
    code: r.text(N.code) ?? '',
    title: r.text(N.title) ?? '',
    departments: r.list(N.departmentCodes),
    sdgs,
    lifecycle: {
      status,
      into: r.list(N.statusInto),
      ...defined({ fromFy: r.fy(N.statusFromFy), note: r.text(N.statusNote) }),
    },
    roadmap: [...roadmap.values()].sort((a, b) => a.fy - b.fy),
    previousCodes: r.list(N.previousCodes),
    titleVariants: r.lines(N.titleVariants).map((line) => {
      const [source = '', ...rest] = line.split('：');
      return { source, title: rest.join('：') };
    }),
    sourceNotes: r.lines(N.sourceNotes).map((line) => {
      const m = /^\[(sheet-missing|title-variant|other)\]\s*(.*)$/.exec(line);
      return m ? { kind: m[1] as 'other', text: m[2]! } : { kind: 'other' as const, text: line };
    }),
    ...(r.text(N.separateGroup) === 'はい' && { separateGroup: true }),
    ...defined({
      titleEn: r.text(N.titleEn),
      goal: r.text(N.goal),
      weight: r.number(N.weight),
    }),
    ...(situationFy !== undefined && { situation: { asOfFy: situationFy, items: r.lines(N.situation) } }),
    ...(challengesFy !== undefined && { challenges: { asOfFy: challengesFy, items: r.lines(N.challenges) } }),
  };
}

/** The values of the fields kept by key from a row's field columns, each refused at its cell when it is wrong. */
function readFields(r: RowReader, columns: readonly FieldColumn[]): Record<string, FieldValue> | undefined {
  const fields: Record<string, FieldValue> = {};
  for (const field of new Set(columns.map((c) => c.field))) {
    const texts = columns
      .filter((c) => c.field === field)
      .map((column) => ({ column, text: r.text(column.header) ?? '' }));
    const read = readFieldColumns(field, texts);
    if (!read.ok) r.fail(read.header ?? texts[0]!.column.header, read.ja, read.en);
    else if (read.value !== undefined) fields[field.key] = read.value;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

function readIndicator(r: RowReader, header: string[]): IndicatorInput {
  const values = new Map<number, ValueInput>();
  header.forEach((h, i) => {
    const y = parseYearHeader(h);
    if (!y) return;
    const v = values.get(y.fy) ?? { fy: y.fy };
    const key = { target: 'target', targetNote: 'targetNote', value: 'actual', valueNote: 'actualNote' } as const;
    if (y.kind === 'provisional') {
      if (r.text(header[i]!)) v.provisional = true;
    } else if (y.kind === 'target' || y.kind === 'value') {
      const n = r.number(header[i]!);
      if (n !== undefined) v[key[y.kind]] = n;
    } else if (y.kind === 'targetNote' || y.kind === 'valueNote') {
      const t = r.text(header[i]!);
      if (t !== undefined) v[key[y.kind]] = t;
    }
    values.set(y.fy, v);
  });
  const baselineFy = r.fy(I.baselineFy);
  const baseline = r.number(I.baseline);
  const targetFy = r.fy(I.targetFy);
  return {
    key: r.text(I.key) ?? '',
    name: r.text(I.name) ?? '',
    unit: r.text(I.unit) ?? '',
    ...(r.number(I.decimals) !== undefined && { decimals: r.number(I.decimals) }),
    kind: r.value(I.kind, INDICATOR_KIND) ?? 'text',
    direction: r.choice(I.direction, DIRECTION_LABELS) ?? 'higher',
    valueBasis: r.choice(I.valueBasis, VALUE_BASIS_LABELS) ?? 'increment',
    yearBasis: r.choice(I.yearBasis, YEAR_BASIS_LABELS) ?? 'fiscal',
    values: [...values.values()].filter((v) => Object.keys(v).length > 1).sort((a, b) => a.fy - b.fy),
    // One revision per line: "令和4年度｜10｜note｜2022-05-01".
    targetHistory: r.lines(I.targetHistory).flatMap((line) => {
      const [fy = '', value = '', note, decidedOn] = line.split('｜');
      const from = parseFiscalYear(fy);
      if (!from.ok || !Number.isFinite(Number(value)) || value.trim() === '') {
        r.fail(
          I.targetHistory,
          `改定履歴「${line}」が読めません（例: 令和4年度｜10｜注記）`,
          `Cannot read revision "${line}"`,
        );
        return [];
      }
      return [{ fromFy: from.value, value: Number(value), ...defined({ note, decidedOn }) }];
    }),
    ...defined({ nameEn: r.text(I.nameEn), note: r.text(I.note) }),
    ...(baselineFy !== undefined &&
      baseline !== undefined && {
        baseline: {
          fy: baselineFy,
          value: baseline,
          ...defined({ note: r.text(I.baselineNote), asOf: r.text(I.baselineAsOf) }),
        },
      }),
    ...(targetFy !== undefined && {
      target: {
        fy: targetFy,
        value: r.number(I.target) ?? null,
        ...defined({
          fromFy: r.fy(I.targetFromFy),
          inForceFromFy: r.fy(I.targetInForceFromFy),
          note: r.text(I.targetNote),
        }),
      },
    }),
  };
}

/**
 * The plan tree from 取組一覧 (one row per node, 上位番号 naming the parent), with KPIs from 指標 and ratings from
 * the "<年度> 評価" sheets attached by code. Problems are added to `issues` with their cells.
 */
export function parsePlanNodes(
  byName: Map<string, ReadSheet>,
  settings: {
    ratingScales: readonly Pick<RatingScale, 'key' | 'name' | 'kind' | 'levels'>[];
    sheetFields?: readonly unknown[] | undefined;
  },
  issues: UploadIssue[],
): { nodes: PlanDocumentInput['nodes']; locations: NodeLocations } {
  const scales = settings.ratingScales;
  const locations: NodeLocations = { node: new Map(), indicator: new Map(), assessment: new Map() };
  const sheet = byName.get(SHEETS.nodes)!;
  const header = (sheet.rows[0] ?? []).map((h) => (h === null ? '' : String(h).trim()));
  const yearHeaders = header.map(parseYearHeader);
  // The plan's own fields as the bundle will check them (a wrong definition is refused there, at its row).
  const defs = (settings.sheetFields ?? []).flatMap((d) => SheetFieldDef.safeParse(d).data ?? []);
  const fieldCols = headerFieldColumns(keyedFields({ sheetFields: defs }, 'edition-workbook'), header);
  const nodes = new Map<string, NodeWithRow>();
  const parents = new Map<string, string | undefined>();
  for (const r of dataRows(sheet, issues)) {
    const fields = readFields(r, fieldCols);
    const node = { ...readNode(r, yearHeaders, header), ...(fields && { fields }), children: [] } as NodeWithRow;
    if (!node.code) {
      r.fail(N.code, '番号が空です', 'Code is empty');
      continue;
    }
    if (nodes.has(node.code)) {
      r.fail(N.code, `番号「${node.code}」が重複しています`, `Duplicate code "${node.code}"`);
      continue;
    }
    nodes.set(node.code, node);
    parents.set(node.code, r.text(N.parent));
    locations.node.set(node.code, r);
  }
  const roots: NodeWithRow[] = [];
  for (const [code, node] of nodes) {
    const parent = parents.get(code);
    if (parent === undefined) roots.push(node);
    else if (!nodes.has(parent) || parent === code) {
      locations.node
        .get(code)!
        .fail(N.parent, `上位番号「${parent}」の行がありません`, `No row for parent "${parent}"`);
    } else nodes.get(parent)!.children.push(node);
  }

  const kpiSheet = byName.get(SHEETS.indicators);
  if (kpiSheet) {
    const kpiHeader = [...headerColumns(kpiSheet).keys()];
    for (const r of dataRows(kpiSheet, issues)) {
      const code = r.text(I.code) ?? '';
      const node = nodes.get(code);
      if (!node) {
        r.fail(I.code, `取組番号「${code}」は取組一覧にありません`, `Code "${code}" is not in 取組一覧`);
        continue;
      }
      node.indicators = [...(node.indicators ?? []), readIndicator(r, kpiHeader)];
      locations.indicator.set(code, [...(locations.indicator.get(code) ?? []), r]);
    }
  }

  const primary = scales[0]?.key;
  for (const [name, ratingSheet] of byName) {
    const fy = parseRatingSheetName(name);
    if (fy === undefined) continue;
    for (const r of dataRows(ratingSheet, issues)) {
      const code = r.text(R.code) ?? '';
      const node = nodes.get(code);
      if (!node) {
        r.fail(R.code, `番号「${code}」は取組一覧にありません`, `Code "${code}" is not in 取組一覧`);
        continue;
      }
      for (const scale of scales) {
        const text = r.text(scale.name);
        if (text === undefined) continue;
        const level = scale.levels.find((l) => l.key === text || l.label === text)?.key ?? text;
        const comment = r.text(`${scale.name}のコメント`);
        node.assessments = [
          ...(node.assessments ?? []),
          {
            fy,
            level,
            ...(scale.key !== primary && { scale: scale.key }),
            ...defined({ comment }),
          },
        ];
        locations.assessment.set(code, [...(locations.assessment.get(code) ?? []), r]);
      }
    }
  }
  return { nodes: roots, locations };
}
