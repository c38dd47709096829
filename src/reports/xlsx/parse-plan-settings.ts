import type { UploadIssue } from '../../app/index.ts';
import type { PlanDocumentInput } from '../../domain/index.ts';
import { parseFieldDefs } from './field-defs-sheet.ts';
import { PLAN_ITEMS as P } from './plan-settings-sheets.ts';
import {
  FREQUENCY_LABELS,
  PLAN_STATUS_LABELS,
  ROLLUP_LABELS,
  SCALE_KIND_LABELS,
  SHEETS,
} from './plan-workbook-layout.ts';
import type { ReadSheet } from './read-workbook.ts';
import { dataRows, type RowReader } from './sheet-reader.ts';

type Settings = Omit<PlanDocumentInput, 'nodes'>;
type ScaleInput = Settings['ratingScales'][number];

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;

/** 計画: item / value rows; each item is read through a reader pointed at its 値 cell. */
function planItems(sheet: ReadSheet, issues: UploadIssue[]) {
  const byItem = new Map<string, RowReader>();
  for (const r of dataRows(sheet, issues)) {
    const item = r.text('項目');
    if (item) byItem.set(item, r);
  }
  const at = (item: string) => byItem.get(item);
  return {
    text: (item: string) => at(item)?.text('値'),
    fy: (item: string) => at(item)?.fy('値'),
    number: (item: string) => at(item)?.number('値'),
    lines: (item: string) => at(item)?.lines('値') ?? [],
    choice: <K extends string>(item: string, labels: Record<K, string>) => at(item)?.choice('値', labels),
  };
}

function scales(sheet: ReadSheet | undefined, issues: UploadIssue[]): ScaleInput[] {
  const out = new Map<string, ScaleInput & { levels: NonNullable<ScaleInput['levels']> }>();
  for (const r of sheet ? dataRows(sheet, issues) : []) {
    const key = r.text('尺度キー');
    if (!key) continue;
    let scale = out.get(key);
    if (!scale) {
      scale = {
        key,
        name: r.text('尺度名') ?? key,
        kind: r.choice('種類', SCALE_KIND_LABELS) ?? 'ordinal',
        levels: [],
        ...defined({
          nameEn: r.text('尺度名（英語）'),
          unit: r.text('単位'),
          min: r.number('最小'),
          max: r.number('最大'),
        }),
      };
      out.set(key, scale);
    }
    const levelKey = r.text('段階キー');
    if (!levelKey) continue;
    const score = r.number('点数');
    scale.levels.push({
      key: levelKey,
      label: r.text('段階名') ?? levelKey,
      score: score ?? null,
      excluded: r.text('集計対象外') === 'はい',
      ...defined({
        labelEn: r.text('段階名（英語）'),
        definition: r.text('定義'),
        definitionEn: r.text('定義（英語）'),
        color: r.text('色'),
      }),
    });
  }
  return [...out.values()];
}

/**
 * The plan's settings, organization and departments from the 計画, 計画の章, 評価尺度 and 担当課 sheets of a
 * workbook in the edition-export layout.
 */
export function parsePlanSettings(byName: Map<string, ReadSheet>, issues: UploadIssue[]) {
  const plan = byName.get(SHEETS.plan)!;
  const item = planItems(plan, issues);
  const levels = item.lines(P.levels);
  const levelsEn = item.lines(P.levelsEn);
  const editionName = item.text(P.editionName);
  const editionFy = item.fy(P.editionFy);
  const predecessor = item.text(P.predecessor);
  const sheetFields = parseFieldDefs(byName.get(SHEETS.fields), issues);
  const settings: Settings = {
    slug: item.text(P.slug) ?? '',
    title: item.text(P.title) ?? '',
    period: { startFy: item.fy(P.startFy) ?? 0, endFy: item.fy(P.endFy) ?? 0 },
    levels: levels.map((ja, i) => ({ ja, ...defined({ en: levelsEn[i] }) })),
    ratingScales: scales(byName.get(SHEETS.scales), issues),
    rollup: {
      method: item.choice(P.rollup, ROLLUP_LABELS) ?? 'mean',
      weighted: item.text(P.weighted) === 'はい',
      decimals: item.number(P.decimals) ?? 1,
      ...defined({ threshold: item.text(P.threshold) }),
    },
    sections: dataRows(byName.get(SHEETS.sections) ?? { name: SHEETS.sections, rows: [] }, issues).map((r) => ({
      title: r.text('見出し') ?? '',
      body: r.lines('本文'),
      ...defined({ number: r.text('番号'), titleEn: r.text('見出し（英語）') }),
    })),
    ...defined({
      titleEn: item.text(P.titleEn),
      shortTitle: item.text(P.shortTitle),
      vision: item.text(P.vision),
      visionEn: item.text(P.visionEn),
      fiscalYearStartMonth: item.number(P.startMonth),
      reportingFrequency: item.choice(P.frequency, FREQUENCY_LABELS),
      status: item.choice(P.status, PLAN_STATUS_LABELS),
      publisher: item.text(P.publisher),
      editor: item.text(P.editor),
      issuedOn: item.text(P.issuedOn),
    }),
    ...(sheetFields && { sheetFields }),
    ...(predecessor && {
      predecessor: {
        title: predecessor,
        ...defined({ issuedOn: item.text(P.predecessorIssuedOn), slug: item.text(P.predecessorSlug) }),
      },
    }),
    ...(editionName &&
      editionFy !== undefined && {
        edition: {
          name: editionName,
          fy: editionFy,
          ...defined({
            nameEn: item.text(P.editionNameEn),
            publishedOn: item.text(P.editionPublishedOn),
            note: item.text(P.editionNote),
          }),
        },
      }),
  };
  const departments = dataRows(byName.get(SHEETS.departments) ?? { name: SHEETS.departments, rows: [] }, issues).map(
    (r) => ({
      code: r.text('コード') ?? '',
      name: r.text('名称') ?? '',
      ...defined({ nameEn: r.text('名称（英語）'), parent: r.text('上位コード') }),
    }),
  );
  const organization = {
    slug: item.text(P.orgSlug) ?? '',
    name: item.text(P.orgName) ?? '',
    ...defined({ nameEn: item.text(P.orgNameEn) }),
  };
  return { settings, departments, organization };
}
