import type { ReportConflict } from '../../../app/index.ts';
import type { ReportValues, ReportView } from '../report-view-helpers.ts';
import type { StaffText } from '../staff-text.ts';

/**
 * Shown when a save was refused because someone saved first: who and when, and each field where the saved
 * content and the user's input differ, side by side. The form below keeps the user's input.
 */
export function ConflictPanel(props: {
  text: StaffText;
  view: ReportView;
  conflict: ReportConflict;
  yours: ReportValues;
}) {
  const { text, view, conflict, yours } = props;
  const t = text.t;
  const theirs = conflict.currentValues;
  const fy = view.round.fy;
  const rows: { label: string; theirs: string; yours: string }[] = [];
  const add = (label: string, a: string, b: string) => {
    if (a.trim() !== b.trim()) rows.push({ label, theirs: a, yours: b });
  };
  add(t('report.actual', { fy: text.fy(fy) }), theirs.actual, yours.actual);
  for (const y of view.nextYears) {
    add(t('report.plan', { fy: text.fy(y) }), theirs.plans[String(y)] ?? '', yours.plans[String(y)] ?? '');
  }
  for (const ind of view.node.indicators) {
    const a = theirs.indicators[ind.key];
    const b = yours.indicators[ind.key];
    const show = (x: typeof a) =>
      x
        ? `${x.actual}${x.provisional ? `${text.paren(`${t('report.kpiProvisional')}`)}` : ''}${x.note ? ` ${x.note}` : ''}`
        : '';
    add(ind.name, show(a), show(b));
  }
  const label = (k: string) => view.scale.levels.find((l) => l.key === k)?.label ?? k;
  add(t('report.rating', { scale: view.scale.name }), label(theirs.rating), label(yours.rating));
  add(t('report.comment'), theirs.comment, yours.comment);
  return (
    <section class="callout callout--warn" aria-labelledby="conflict-title" role="alert">
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>
        {t('conflict.lead', {
          who: conflict.changedBy ?? '?',
          at: conflict.changedAt ? text.dateTime(conflict.changedAt) : '?',
        })}
      </p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.theirs')}</th>
              <th scope="col">{t('conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{r.label}</th>
                <td>
                  <pre class="items">{r.theirs}</pre>
                </td>
                <td>
                  <pre class="items">{r.yours}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
