import type { InitiativeDiff, TextChange } from '../../domain/index.ts';
import { formatQuantity, type SheetField, fieldLabel as sheetFieldLabel, valueText } from '../../domain/index.ts';
import type { StaffMessageKey } from './staff-messages.ts';
import type { StaffText } from './staff-text.ts';

export interface DiffLine {
  kind: 'added' | 'removed' | 'changed';
  text: string;
}

function fieldLabel(text: StaffText, c: TextChange): string {
  return text.t(`field.${c.field}` as StaffMessageKey, c.fy === undefined ? {} : { fy: text.fy(c.fy) });
}

const value = (v: number | boolean | null, text: StaffText) =>
  v === null ? text.t('common.none') : typeof v === 'boolean' ? (v ? '✓' : '-') : formatQuantity(v);

/** One initiative's differences as readable lines ("追加 令和5年度の実績: …", "令和5年度の評価: 10% → 60%"). */
export function diffTextOf(
  text: StaffText,
  d: InitiativeDiff,
  levelLabel: (key: string) => string,
  fields: readonly SheetField[] = [],
): DiffLine[] {
  const t = text.t;
  const out: DiffLine[] = [];
  if (d.titleChange) out.push({ kind: 'changed', text: t('diff.titleChange', d.titleChange) });
  for (const c of d.textAdded)
    out.push({ kind: 'added', text: `${t('diff.added')} ${fieldLabel(text, c)}: ${c.item}` });
  for (const c of d.textRemoved)
    out.push({ kind: 'removed', text: `${t('diff.removed')} ${fieldLabel(text, c)}: ${c.item}` });
  for (const r of d.ratings) {
    out.push({
      kind: 'changed',
      text: t('diff.rating', {
        fy: text.fy(r.fy),
        from: r.from === null ? t('common.none') : levelLabel(r.from),
        to: r.to === null ? t('common.none') : levelLabel(r.to),
      }),
    });
  }
  for (const i of d.indicators) {
    out.push({
      kind: 'changed',
      text: t('diff.indicator', {
        name: i.name,
        fy: text.fy(i.fy),
        field: t(`diff.field.${i.field}`),
        from: value(i.from, text),
        to: value(i.to, text),
      }),
    });
  }
  for (const c of d.fieldChanges) {
    const f = fields.find((x) => x.key === c.key);
    const shown = (v: typeof c.from) =>
      v === null ? t('common.none') : f ? valueText(f.shape, v, text.lang).replace(/\n/g, ' / ') : JSON.stringify(v);
    const name = f ? sheetFieldLabel(f, text.lang) : c.key;
    out.push({ kind: 'changed', text: `${name}: ${shown(c.from)} → ${shown(c.to)}` });
  }
  return out;
}
