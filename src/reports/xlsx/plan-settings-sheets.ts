import { formatFiscalYear } from '../../domain/index.ts';
import type { EditionView } from '../edition-view.ts';
import {
  FREQUENCY_LABELS,
  joinLines,
  PLAN_STATUS_LABELS,
  ROLLUP_LABELS,
  SCALE_KIND_LABELS,
  SHEETS,
} from './plan-workbook-layout.ts';
import type { CellValue, SheetModel } from './workbook-model.ts';

/** Item names of the 計画 sheet, in order; plan import reads them back by name. */
export const PLAN_ITEMS = {
  orgSlug: '団体の識別子',
  orgName: '団体名',
  orgNameEn: '団体名（英語）',
  slug: '計画の識別子',
  title: '計画名',
  titleEn: '計画名（英語）',
  shortTitle: '略称',
  vision: 'ビジョン',
  visionEn: 'ビジョン（英語）',
  startFy: '計画期間の開始年度',
  endFy: '計画期間の終了年度',
  startMonth: '年度の開始月',
  frequency: '報告の頻度',
  levels: '階層の名称',
  levelsEn: '階層の名称（英語）',
  rollup: '集計方法',
  threshold: '集計の基準段階',
  weighted: '加重平均',
  decimals: '小数点以下の桁数',
  status: '計画の状態',
  publisher: '発行者',
  editor: '編集者',
  issuedOn: '策定年月',
  predecessor: '前計画の名称',
  predecessorIssuedOn: '前計画の策定年月',
  predecessorSlug: '前計画の識別子',
  editionName: '版の名称',
  editionNameEn: '版の名称（英語）',
  editionFy: '版の対象年度',
  editionPublishedOn: '版の公表日',
  editionNote: '版の注記',
} as const;

const kv = (name: string, value: CellValue | undefined): CellValue[] => [name, value === undefined ? null : value];

/** 計画: the plan's settings as item / value rows. */
export function planSheet(view: EditionView): SheetModel {
  const { plan, content } = view;
  const P = PLAN_ITEMS;
  const e = plan.edition;
  const rows = [
    kv(P.orgSlug, content.organization.slug),
    kv(P.orgName, content.organization.name),
    kv(P.orgNameEn, content.organization.nameEn),
    kv(P.slug, plan.slug),
    kv(P.title, plan.title),
    kv(P.titleEn, plan.titleEn),
    kv(P.shortTitle, plan.shortTitle),
    kv(P.vision, plan.vision),
    kv(P.visionEn, plan.visionEn),
    kv(P.startFy, formatFiscalYear(plan.period.startFy)),
    kv(P.endFy, formatFiscalYear(plan.period.endFy)),
    kv(P.startMonth, plan.fiscalYearStartMonth),
    kv(P.frequency, FREQUENCY_LABELS[plan.reportingFrequency]),
    kv(P.levels, joinLines(plan.levels.map((l) => l.ja))),
    kv(P.levelsEn, plan.levels.some((l) => l.en) ? joinLines(plan.levels.map((l) => l.en ?? '')) : undefined),
    kv(P.rollup, ROLLUP_LABELS[plan.rollup.method]),
    kv(P.threshold, plan.rollup.threshold),
    kv(P.weighted, plan.rollup.weighted ? 'はい' : 'いいえ'),
    kv(P.decimals, plan.rollup.decimals),
    kv(P.status, PLAN_STATUS_LABELS[plan.status]),
    kv(P.publisher, plan.publisher),
    kv(P.editor, plan.editor),
    kv(P.issuedOn, plan.issuedOn),
    kv(P.predecessor, plan.predecessor?.title),
    kv(P.predecessorIssuedOn, plan.predecessor?.issuedOn),
    kv(P.predecessorSlug, plan.predecessor?.slug),
    kv(P.editionName, e?.name),
    kv(P.editionNameEn, e?.nameEn),
    kv(P.editionFy, e ? formatFiscalYear(e.fy) : undefined),
    kv(P.editionPublishedOn, e?.publishedOn),
    kv(P.editionNote, e?.note),
  ];
  return {
    name: SHEETS.plan,
    columns: [
      { header: '項目', width: 22 },
      { header: '値', width: 60, wrap: true },
    ],
    rows,
    freezeHeader: true,
  };
}

/** 計画の章: numbered sections with their paragraphs (one per line). */
export function sectionsSheet(view: EditionView): SheetModel {
  return {
    name: SHEETS.sections,
    columns: [
      { header: '番号', width: 6 },
      { header: '見出し', width: 24, wrap: true },
      { header: '見出し（英語）', width: 24, wrap: true },
      { header: '本文', width: 80, wrap: true },
    ],
    rows: view.plan.sections.map((s) => [s.number ?? null, s.title, s.titleEn ?? null, joinLines(s.body) || null]),
    freezeHeader: true,
  };
}

/** 評価尺度: one row per level of each rating scale (a numeric scale has one row without a level). */
export function scalesSheet(view: EditionView): SheetModel {
  const rows: CellValue[][] = [];
  for (const s of view.plan.ratingScales) {
    const scale = [
      s.key,
      s.name,
      s.nameEn ?? null,
      SCALE_KIND_LABELS[s.kind],
      s.unit ?? null,
      s.min ?? null,
      s.max ?? null,
    ];
    if (s.levels.length === 0) rows.push([...scale, null, null, null, null, null, null, null, null]);
    for (const l of s.levels) {
      rows.push([
        ...scale,
        l.key,
        l.label,
        l.labelEn ?? null,
        l.definition ?? null,
        l.definitionEn ?? null,
        l.score,
        l.excluded ? 'はい' : null,
        l.color ?? null,
      ]);
    }
  }
  const headers = [
    '尺度キー',
    '尺度名',
    '尺度名（英語）',
    '種類',
    '単位',
    '最小',
    '最大',
    '段階キー',
    '段階名',
    '段階名（英語）',
    '定義',
    '定義（英語）',
    '点数',
    '集計対象外',
    '色',
  ];
  return {
    name: SHEETS.scales,
    columns: headers.map((header) => ({ header, width: header.startsWith('定義') ? 30 : 10, wrap: true })),
    rows,
    freezeHeader: true,
  };
}

/** 担当課: department codes and names, so 担当課コード in 取組一覧 can be read. */
export function departmentsSheet(view: EditionView): SheetModel {
  return {
    name: SHEETS.departments,
    columns: [
      { header: 'コード', width: 24 },
      { header: '名称', width: 20 },
      { header: '名称（英語）', width: 30 },
      { header: '上位コード', width: 20 },
    ],
    rows: view.content.departments.map((d) => [d.code, d.name, d.nameEn ?? null, d.parent ?? null]),
    freezeHeader: true,
    autoFilter: true,
  };
}
