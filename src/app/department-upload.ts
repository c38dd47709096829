import { z } from 'zod';

/** Where a value came from in an uploaded workbook, so every error can name sheet, row and column. */
export const CellRef = z.object({
  sheet: z.string(),
  /** A1-style address, e.g. "H5". */
  cell: z.string().regex(/^[A-Z]{1,3}\d+$/),
});
export type CellRef = z.output<typeof CellRef>;

const Items = z.object({ items: z.array(z.string().trim().min(1)), at: CellRef });

/** A row's entry values as the file had them when it was made (its hidden copy), for merging a stale row. */
const RowBase = z.object({
  roadmap: z.array(z.object({ fy: z.number().int(), kind: z.enum(['actual', 'plan']), items: z.array(z.string()) })),
  rating: z.union([z.string(), z.number()]).nullable(),
  comment: z.string().nullable(),
  /** Sheet-field cells by the entry form's input name. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type RowBase = z.output<typeof RowBase>;
const IndicatorBase = z.object({ actual: z.number().nullable(), note: z.string().nullable() });
export type IndicatorBase = z.output<typeof IndicatorBase>;

/**
 * A 課 workbook as read from the file: plain values with their cells. Types are already checked by the reader
 * (numbers are numbers); everything that needs the plan (row ids, versions, rating levels) is checked on apply.
 */
export const DepartmentUpload = z.object({
  organization: z.string().min(1),
  plan: z.string().min(1),
  department: z.string().min(1),
  fy: z.number().int(),
  rows: z.array(
    z.object({
      code: z.string().min(1),
      version: z.number().int(),
      at: CellRef,
      /** The year's 実績 and later years' 計画, each a list of items. */
      roadmap: z.array(Items.extend({ fy: z.number().int(), kind: z.enum(['actual', 'plan']) })),
      /** The self-rating as typed or chosen (a level label or key); null when the cell is empty. */
      rating: z.object({ value: z.union([z.string(), z.number()]).nullable(), at: CellRef }),
      comment: z.object({ value: z.string().nullable(), at: CellRef }),
      /** The cells of the sheet fields the 課 enters, each as typed, by the entry form's input name. */
      fields: z.array(z.object({ input: z.string().min(1), text: z.string(), at: CellRef })).optional(),
      /** What the entry cells held at download, when the file still carries it for this row's version. */
      base: RowBase.optional(),
    }),
  ),
  indicators: z.array(
    z.object({
      code: z.string().min(1),
      version: z.number().int(),
      key: z.string().min(1),
      at: CellRef,
      actual: z.object({ value: z.number().nullable(), at: CellRef }),
      note: z.object({ value: z.string().nullable(), at: CellRef }),
      base: IndicatorBase.optional(),
    }),
  ),
});
export type DepartmentUpload = z.output<typeof DepartmentUpload>;

/** One problem in an upload, in Japanese (shown to the 課) and English. */
export interface UploadIssue extends CellRef {
  kind: 'invalid' | 'conflict';
  messageJa: string;
  messageEn: string;
}

export const uploadIssue = (
  at: CellRef,
  messageJa: string,
  messageEn: string,
  kind: UploadIssue['kind'] = 'invalid',
): UploadIssue => ({ ...at, kind, messageJa, messageEn });

/** "取組!H5: 〜" — how an issue reads in a list. */
export const describeIssue = (i: UploadIssue, lang: 'ja' | 'en' = 'ja') =>
  `${i.sheet}!${i.cell}: ${lang === 'ja' ? i.messageJa : i.messageEn}`;
