import type { FieldShape, FieldValue } from './field-shape.ts';
import type { PlanDocument, PlanNode } from './plan-document.ts';
import { statedStatus } from './stated-status.ts';
import { LIFECYCLE_STATUS, type ValueLabel } from './value-sets.ts';

/**
 * The catalogue of an initiative's simple sheet fields: each field's name, its one Japanese and English label,
 * its shape (which says how it is validated and how it reads and writes as a cell or an input), who enters it and
 * which surfaces show it. Writers and readers (CSV, workbooks, PDF, portal, API, staff forms, diffs) list their
 * columns from here, so a field is stated once. KPIs, ratings and the 工程表 have tables of their own.
 *
 * Fields a plan declares itself (`PlanDocument.sheetFields`) take the same form; `sheetFieldsOf(plan)` gives the
 * built-in ones followed by the plan's.
 */

/** Where a field is shown or entered. */
export const FIELD_SURFACES = [
  'portal',
  'pdf',
  'csv',
  'api',
  /** The workbook of a published edition (all sheets). */
  'edition-workbook',
  /** The 照会 workbook of one 課 (entry columns for fields the 課 enters, reference columns for the others). */
  'department-workbook',
  /** The staff forms: the 課's report form or the plan office's node form, by `enteredBy`. */
  'form',
] as const;
export type FieldSurface = (typeof FIELD_SURFACES)[number];

export interface SheetField {
  /** Stable key: the JSON name in the document, the API and the i18n key `field.<key>`. */
  key: string;
  label: { ja: string; en?: string | undefined };
  shape: FieldShape;
  /**
   * always: every surface shows the field, "未記入" where a sheet gives no value; when-used: only where a sheet
   * gives a value (and a table only when some sheet of the plan does).
   */
  presence: 'always' | 'when-used';
  /** department: the 課 enters it with its report (form and workbook); plan-office: the plan office does. */
  enteredBy: 'department' | 'plan-office';
  surfaces: readonly FieldSurface[];
  /** Built in (stored at its own place in the node) or declared by the plan (stored in `node.fields`). */
  origin: 'built-in' | 'plan';
  /** Kept in `node.fields` under its key (plan-defined fields and built-in ones added since the catalogue). */
  inFields: boolean;
  /** The value on a sheet; undefined when it gives none. */
  read(node: PlanNode): FieldValue | undefined;
}

const everywhere = FIELD_SURFACES;

const status = (set: Record<string, ValueLabel>) =>
  Object.entries(set).map(([key, v]) => ({ key, label: { ja: v.ja, en: v.en } }));

/**
 * A built-in field kept at its own place in the node (as bundles have always had it): shown always, entered by
 * the plan office unless said otherwise.
 */
const placed = (f: Pick<SheetField, 'key' | 'label' | 'shape' | 'surfaces' | 'read'>): SheetField => ({
  presence: 'always',
  enteredBy: 'plan-office',
  origin: 'built-in',
  inFields: false,
  ...f,
});

/**
 * 現状 and 課題: items dated by the fiscal year they describe (the catalogue lists the items; pages add the year).
 * Not in the open-data CSV, which never had them.
 */
const dated = (key: string, label: SheetField['label'], pick: (node: PlanNode) => PlanNode['situation']) =>
  placed({
    key,
    label,
    shape: { kind: 'lines', maxLength: 500 },
    surfaces: ['portal', 'pdf', 'api', 'edition-workbook', 'form'],
    read: (node) => pick(node)?.items,
  });

/** The built-in fields, in the order sheets list them. */
export const BUILT_IN_FIELDS: readonly SheetField[] = [
  placed({
    key: 'status',
    label: { ja: '状態', en: 'Status' },
    shape: { kind: 'choice', options: status(LIFECYCLE_STATUS) },
    surfaces: ['portal', 'pdf', 'csv', 'api', 'edition-workbook', 'form'],
    // Only a status the plan states: the schema's default 実施中 is no statement (see statedStatus).
    read: (node) => statedStatus(node.lifecycle),
  }),
  dated('situation', { ja: '現状', en: 'Situation' }, (node) => node.situation),
  dated('challenges', { ja: '課題', en: 'Challenges' }, (node) => node.challenges),
  placed({
    key: 'goal',
    label: { ja: '計画期間内の目標', en: 'Goal for the plan period' },
    shape: { kind: 'text', maxLength: 20_000 },
    surfaces: everywhere,
    read: (node) => node.goal,
  }),
];

/** A field kept in `node.fields` under its key. */
const storedField = (f: Omit<SheetField, 'read' | 'inFields'>): SheetField => ({
  ...f,
  inFields: true,
  read: (node) => node.fields?.[f.key],
});

/**
 * Built-in fields kept in `node.fields` (every one added since the catalogue); each appears only where a sheet
 * gives it, so plans that never use one print exactly what they printed before.
 */
export const STORED_BUILT_IN_FIELDS: readonly SheetField[] = [
  storedField({
    key: 'legalBasis',
    label: { ja: '根拠法令', en: 'Legal basis' },
    shape: { kind: 'lines', maxLength: 500 },
    presence: 'when-used',
    enteredBy: 'plan-office',
    surfaces: everywhere,
    origin: 'built-in',
  }),
];

/** Keys a plan may not give its own fields: the built-in ones and the node's own properties. */
export const RESERVED_FIELD_KEYS: ReadonlySet<string> = new Set([
  ...BUILT_IN_FIELDS.map((f) => f.key),
  ...STORED_BUILT_IN_FIELDS.map((f) => f.key),
  'code',
  'title',
  'departments',
  'sdgs',
  'lifecycle',
  'roadmap',
  'indicators',
  'assessments',
  'contributions',
  'fields',
]);

/**
 * Every sheet field of a plan: the built-in ones, then those the plan declares, in its order.
 * @example sheetFieldsOf(ogori).map((f) => f.key) // ["situation", "challenges", "goal", "status"]
 */
export function sheetFieldsOf(plan: Pick<PlanDocument, 'sheetFields'>): SheetField[] {
  return [...BUILT_IN_FIELDS, ...STORED_BUILT_IN_FIELDS, ...(plan.sheetFields ?? []).map(planField)];
}

/** A field the plan declares, as the catalogue lists it. */
export function planField(def: NonNullable<PlanDocument['sheetFields']>[number]): SheetField {
  return storedField({
    key: def.key,
    label: def.label,
    shape: def.shape,
    presence: 'always',
    enteredBy: def.enteredBy,
    surfaces: everywhere,
    origin: 'plan',
  });
}

/** The label in a language: English falls back to the Japanese one when the plan gives none. */
export const fieldLabel = (f: Pick<SheetField, 'label'>, lang: 'ja' | 'en') =>
  lang === 'en' ? (f.label.en ?? f.label.ja) : f.label.ja;

/** The fields shown on a surface for a set of sheets: when-used ones only if one of the sheets gives a value. */
export function fieldsOn(surface: FieldSurface, fields: readonly SheetField[], nodes: readonly PlanNode[]) {
  return fields.filter(
    (f) => f.surfaces.includes(surface) && (f.presence === 'always' || nodes.some((n) => f.read(n) !== undefined)),
  );
}

/**
 * The fields kept by key that a surface shows (plan-defined ones and built-in ones added since the catalogue):
 * what a writer lists generically after the built-in fields it draws in their own places.
 */
export function keyedFields(plan: Pick<PlanDocument, 'sheetFields'>, surface: FieldSurface): SheetField[] {
  return sheetFieldsOf(plan).filter((f) => f.inFields && f.surfaces.includes(surface));
}
