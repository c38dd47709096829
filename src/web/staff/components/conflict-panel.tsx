import { fieldInputName, type KeptUploadConflicts, type ReportConflict } from '../../../app/index.ts';
import { fieldTitle } from '../../../domain/index.ts';
import type { ReportValues, ReportView } from '../report-view-helpers.ts';
import type { StaffText } from '../staff-text.ts';
import { CsrfField } from './form-parts.tsx';

/** One field that differs: its form name (as in `take.<name>`), label and both values as shown. */
interface DifferingField {
  name: string;
  label: string;
  theirs: string;
  yours: string;
}

/** The fields where the saved content and the user's input differ, in the form's order. */
export function differingFields(text: StaffText, view: ReportView, theirs: ReportValues, yours: ReportValues) {
  const t = text.t;
  const rows: DifferingField[] = [];
  // A browser sends a textarea's lines with CRLF; the saved text has LF: only a real difference counts.
  const same = (a: string, b: string) => a.replace(/\r\n/g, '\n').trim() === b.replace(/\r\n/g, '\n').trim();
  const add = (name: string, label: string, a: string, b: string) => {
    if (!same(a, b)) rows.push({ name, label, theirs: a, yours: b });
  };
  add('actual', t('report.actual', { fy: text.fy(view.round.fy) }), theirs.actual, yours.actual);
  for (const y of view.nextYears) {
    add(`plan.${y}`, t('report.plan', { fy: text.fy(y) }), theirs.plans[String(y)] ?? '', yours.plans[String(y)] ?? '');
  }
  for (const ind of view.node.indicators) {
    const show = (x: ReportValues['indicators'][string] | undefined) =>
      x
        ? `${x.actual}${x.provisional ? `${text.paren(`${t('report.kpiProvisional')}`)}` : ''}${x.note ? ` ${x.note}` : ''}`
        : '';
    add(`kpi.${ind.key}`, ind.name, show(theirs.indicators[ind.key]), show(yours.indicators[ind.key]));
  }
  const label = (k: string) => view.scale.levels.find((l) => l.key === k)?.label ?? k;
  add('rating', t('report.rating', { scale: view.scale.name }), label(theirs.rating), label(yours.rating));
  add('comment', t('report.comment'), theirs.comment, yours.comment);
  for (const f of view.entryFields) {
    const names = f.shape.kind === 'money-per-year' ? view.planYears.map((fy) => [fy] as const) : [[] as const];
    for (const [fy] of names) {
      const name = fieldInputName(f, fy);
      add(`field.${name}`, fieldTitle(f, text.lang, fy), theirs.fields[name] ?? '', yours.fields[name] ?? '');
    }
  }
  return rows;
}

/** The user's whole input as hidden fields with the entry form's names, so a choice per field can be applied. */
function YoursHidden(props: { values: ReportValues }) {
  const v = props.values;
  return (
    <>
      <input type="hidden" name="actual" value={v.actual} />
      {Object.entries(v.plans).map(([y, text]) => (
        <input type="hidden" name={`plan.${y}`} value={text} />
      ))}
      {Object.entries(v.indicators).map(([key, x]) => (
        <>
          <input type="hidden" name={`kpi.${key}.actual`} value={x.actual} />
          <input type="hidden" name={`kpi.${key}.note`} value={x.note} />
          {x.provisional && <input type="hidden" name={`kpi.${key}.provisional`} value="1" />}
        </>
      ))}
      <input type="hidden" name="rating" value={v.rating} />
      <input type="hidden" name="comment" value={v.comment} />
      {Object.entries(v.fields).map(([name, text]) => (
        <input type="hidden" name={`field.${name}`} value={text} />
      ))}
    </>
  );
}

/**
 * Shown when a save was refused because someone saved first: who and when, and each field where the saved
 * content and the user's input differ, side by side, with a choice per field (the user's input or the saved
 * content) applied through the same save as the form. The form below still keeps the user's input.
 * With `kept`, the same choice for the fields an uploaded workbook left (kept for the clerk since the upload):
 * "your input" is then the file's content, and the kept rows are forgotten once the choice is saved.
 */
export function ConflictPanel(props: {
  text: StaffText;
  view: ReportView;
  conflict: ReportConflict;
  yours: ReportValues;
  action: string;
  csrf: string;
  kept?: KeptUploadConflicts['fields'] | undefined;
}) {
  const { text, view, conflict, yours, kept } = props;
  const t = text.t;
  const rows = differingFields(text, view, conflict.currentValues, yours);
  const who = conflict.changedBy ?? '?';
  const at = conflict.changedAt ? text.dateTime(conflict.changedAt) : '?';
  const cells = [...new Set(kept?.map((k) => `${k.sheet}!${k.cell}`))].join(text.sep);
  return (
    <section class="callout callout--warn" aria-labelledby="conflict-title" role="alert">
      <h2 id="conflict-title">{t(kept ? 'conflict.workbookTitle' : 'conflict.title')}</h2>
      <p>{kept ? t('conflict.workbookLead', { cells, who, at }) : t('conflict.lead', { who, at })}</p>
      <form method="post" action={`${props.action}/resolve`} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="version" value={String(conflict.currentVersion)} />
        <YoursHidden values={yours} />
        {kept?.map((k) => (
          <input type="hidden" name="kept" value={k.id} />
        ))}
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('conflict.field')}</th>
                <th scope="col">{t('conflict.theirs')}</th>
                <th scope="col">{t(kept ? 'conflict.workbookYours' : 'conflict.yours')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr>
                  <th scope="row" id={`conflict-field-${i}`}>
                    {r.label}
                  </th>
                  <td>
                    <pre class="items">{r.theirs}</pre>
                    <label>
                      <input
                        type="radio"
                        name={`take.${r.name}`}
                        value="theirs"
                        aria-describedby={`conflict-field-${i}`}
                      />
                      {` ${t('conflict.takeTheirs')}`}
                    </label>
                  </td>
                  <td>
                    <pre class="items">{r.yours}</pre>
                    <label>
                      <input
                        type="radio"
                        name={`take.${r.name}`}
                        value="yours"
                        checked
                        aria-describedby={`conflict-field-${i}`}
                      />
                      {` ${t('conflict.takeYours')}`}
                    </label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="submit">{t('conflict.applyChoices')}</button>
      </form>
      {kept && (
        <form method="post" action={`${props.action}/conflicts/forget`} novalidate>
          <CsrfField token={props.csrf} />
          {kept.map((k) => (
            <input type="hidden" name="kept" value={k.id} />
          ))}
          <button type="submit" class="secondary">
            {t('conflict.keepSaved')}
          </button>
        </form>
      )}
    </section>
  );
}
