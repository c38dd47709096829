import type { EvaluationPreview, InitiativeStatus, KpiVerdict } from '../../../domain/index.ts';
import type { StaffText } from '../staff-text.ts';

type Text = { ja: string; en: string };

/**
 * What the method in the form would give on the plan's current data: counts per verdict, the items that change
 * against the saved method, and per item and indicator the arithmetic (always) and the verdict (only when the
 * method declares one).
 */
export function EvaluationPreviewTable(props: { text: StaffText; preview: EvaluationPreview }) {
  const { text, preview } = props;
  const t = text.t;
  const l = (x: Text) => x[text.lang];
  const status = (s: InitiativeStatus | null) =>
    s?.level ? `${l({ ja: s.level.label, en: s.level.labelEn ?? s.level.label })}${s.arrow}` : '';
  const verdict = (v: KpiVerdict | null) => (v ? l(v.label) : '');
  const noVerdict = preview.statusCounts.length === 0 && preview.kpiCounts === null;
  const k = preview.kpiCounts;
  return (
    <section aria-labelledby="preview-title" id="preview">
      <h2 id="preview-title">{t('eval.previewTitle', { fy: text.fy(preview.fy) })}</h2>
      {noVerdict && <p id="preview-none">{t('eval.previewNone')}</p>}
      {preview.statusCounts.length > 0 && (
        <table id="preview-counts">
          <caption>{t('eval.countsCaption')}</caption>
          <tbody>
            {preview.statusCounts.map((c) => (
              <tr>
                <th scope="row">{l(c.label)}</th>
                <td>{String(c.count)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('eval.noVerdict')}</th>
              <td>{String(preview.noStatus)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {k && (
        <p id="preview-kpi-counts">
          {t('eval.kpiCounts', {
            achieved: k.achieved,
            notAchieved: k.notAchieved,
            unmeasurable: k.unmeasurable,
            excluded: k.excluded,
            denominator: k.denominator,
          })}
        </p>
      )}
      <p id="preview-changed">{t('eval.changed', { n: preview.changedItems })}</p>
      <div class="table-scroll">
        <table id="preview-items">
          <caption>{t('eval.itemsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('eval.colItem')}</th>
              <th scope="col">{t('eval.colIndicator')}</th>
              <th scope="col">{t('eval.colArithmetic')}</th>
              <th scope="col">{t('eval.colVerdict')}</th>
              <th scope="col">{t('eval.colSaved')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.items.flatMap((item) => [
              <tr data-code={item.code} class={item.changed ? 'row--changed' : undefined}>
                <th scope="row">
                  {`${item.code} ${item.title}`}
                  {item.changed && <span class="muted">{text.paren(t('eval.changedMark'))}</span>}
                </th>
                <td />
                <td>{item.status ? l(item.status.formula) : ''}</td>
                <td>{status(item.status)}</td>
                <td>{status(item.savedStatus)}</td>
              </tr>,
              ...item.indicators.map((i) => (
                <tr data-code={item.code} data-indicator={i.key}>
                  <td />
                  <td>{i.name}</td>
                  <td>{l(i.formula)}</td>
                  <td>{verdict(i.verdict)}</td>
                  <td>{verdict(i.savedVerdict)}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </div>
    </section>
  );
}
