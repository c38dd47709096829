import { nodeTypeRollups } from '../../domain/index.ts';
import type { EditionView } from '../edition-view.ts';
import type { TableCell, TableRow } from './pdf-model.ts';

/**
 * The 目標達成率一覧 row of the indicator nodes, rolled up apart from the actions year by year, with each year's
 * coverage in the notes. None for a plan whose items are all of one type.
 */
export function nodeTypeRows(view: EditionView, notes: string[]): TableRow[] {
  const { plan, t, scale } = view;
  const byYear = view.years.map((fy) => {
    const r = nodeTypeRollups(plan, fy, { scope: 'plan' });
    return r.ok ? r.value : [];
  });
  if ((byYear[0]?.length ?? 0) === 0) return [];
  const figures: TableCell[] = view.years.map((fy, i) => {
    const r = byYear[i]?.[0]?.rollup;
    if (!r || r.assessedCount === 0) return { lines: [''], align: 'right' };
    notes.push(t.typeRollupNote(view.fy(fy), view.lang === 'en' ? r.coverageLabel.en : r.coverageLabel.ja));
    return { lines: r.method === 'distribution' ? r.formatted.split(', ') : [r.formatted], align: 'right' };
  });
  const scaleName = view.lang === 'en' ? (scale.nameEn ?? scale.name) : scale.name;
  return [{ cells: [{ lines: [t.typeRollupLabel(scaleName)], span: 3, role: 'label' }, ...figures] }];
}
