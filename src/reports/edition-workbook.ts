import type { EditionContent } from '../domain/index.ts';
import { buildEditionWorkbook } from './xlsx/build-edition-workbook.ts';
import { writeWorkbook } from './xlsx/write-workbook.ts';

/** The edition workbook (.xlsx bytes); see `buildEditionWorkbook` for its sheets. */
export function editionWorkbook(content: EditionContent): Promise<Buffer> {
  return writeWorkbook(buildEditionWorkbook(content));
}
