import type { StaffSession, UploadConflict, UploadOutcome } from '../../../app/index.ts';
import { StaffLayout } from '../components/staff-layout.tsx';
import type { StaffText } from '../staff-text.ts';

export function UploadResultPage(props: {
  text: StaffText;
  session: StaffSession;
  back: string;
  changed: { code: string; href: string }[];
  unchanged: number;
  /** Rows not applied (their task is submitted or approved), in the user's language. */
  skipped: string[];
  issues: string[];
  /** Every initiative of the file and what happened to it. */
  outcomes?: (UploadOutcome & { href: string })[] | undefined;
}) {
  const { text } = props;
  const t = text.t;
  const submitted = props.outcomes?.filter((o) => o.outcome === 'submitted').length ?? 0;
  return (
    <StaffLayout text={text} session={props.session} title={t('workbook.result')} back={props.back}>
      {props.issues.length > 0 ? (
        <div class="error-summary" role="alert">
          <h2>{t('workbook.rejected')}</h2>
          <ul>
            {props.issues.map((i) => (
              <li>{i}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div class="notice" role="status">
          <p>
            {submitted > 0
              ? t('workbook.changedSubmitted', { n: props.changed.length, m: submitted })
              : t('workbook.changed', { n: props.changed.length })}
          </p>
          <p>{t('workbook.unchanged', { n: props.unchanged })}</p>
        </div>
      )}
      {props.skipped.length > 0 && (
        <div class="callout callout--warn" role="status">
          <h2>{t('workbook.skipped')}</h2>
          <ul>
            {props.skipped.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </div>
      )}
      {props.outcomes && props.outcomes.length > 0 ? (
        <OutcomeTable text={text} outcomes={props.outcomes} />
      ) : (
        props.changed.length > 0 && (
          <ul>
            {props.changed.map((c) => (
              <li>
                <a href={c.href}>{c.code}</a>
              </li>
            ))}
          </ul>
        )
      )}
      {props.outcomes?.some((o) => o.conflicts.length > 0) && (
        <ConflictTable text={text} outcomes={props.outcomes.filter((o) => o.conflicts.length > 0)} />
      )}
      {props.outcomes?.some((o) => o.saved && o.outcome === 'draft') && <p>{t('workbook.draftsNote')}</p>}
      <p>
        <a href={props.back}>{t('common.back')}</a>
      </p>
    </StaffLayout>
  );
}

/** What happened, then (for a file made from an older version) how it was merged. */
function outcomeText(text: StaffText, o: UploadOutcome): string {
  const parts = [stepText(text, o)];
  if (o.merged) parts.push(text.t('workbook.outcome.merged'));
  if (o.conflicts.length > 0) parts.push(text.t('workbook.outcome.conflicts', { n: o.conflicts.length }));
  return parts.join(text.lang === 'ja' ? '' : ' ');
}

function stepText(text: StaffText, o: UploadOutcome): string {
  const t = text.t;
  const state = text.state(o.state);
  const reasons = o.reasons.map((r) => (text.lang === 'ja' ? r.ja : r.en)).join(text.sep);
  switch (o.outcome) {
    case 'submitted':
      return t('workbook.outcome.submitted', { state });
    case 'draft':
      return o.saved ? t('workbook.outcome.draftSaved') : t('workbook.outcome.draftSame', { state });
    case 'not-submitted':
      return t(o.saved ? 'workbook.outcome.notSubmittedSaved' : 'workbook.outcome.notSubmitted', { reasons });
    case 'skipped':
      return reasons || t('workbook.outcome.skipped', { state });
  }
}

/** One row per initiative of the file, saying plainly whether it was saved and whether it was submitted. */
function OutcomeTable(props: { text: StaffText; outcomes: (UploadOutcome & { href: string })[] }) {
  const t = props.text.t;
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('workbook.outcomes')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.code')}</th>
            <th scope="col">{t('common.title')}</th>
            <th scope="col">{t('workbook.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {props.outcomes.map((o) => (
            <tr>
              <td>{o.code}</td>
              <td>
                <a href={o.href}>{o.title}</a>
              </td>
              <td>{outcomeText(props.text, o)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A field's name as the entry form calls it ("令和5年度 実績", "指標「…」の実績値"). */
export function conflictFieldLabel(text: StaffText, c: UploadConflict): string {
  // A sheet field is named by its own title, from the plan's catalogue.
  if (c.field === 'field') return c.label?.[text.lang] ?? c.key ?? '';
  const key = `workbook.field.${c.field}` as const;
  return text.t(key, { fy: text.fy(c.fy), key: c.indicatorName ?? c.key ?? '' });
}

/**
 * Every field changed both in the file and by someone else: the value when the file was made, the clerk's and the
 * saved one, with the cell it came from; each initiative links to its conflict page, where the clerk chooses per
 * field (the fields are kept for them until then).
 */
function ConflictTable(props: { text: StaffText; outcomes: (UploadOutcome & { href: string })[] }) {
  const { text } = props;
  const t = text.t;
  const shown = (v: string | null) => (v === null ? '?' : v === '' ? t('workbook.empty') : v);
  return (
    <section class="callout callout--warn" aria-labelledby="upload-conflicts">
      <h2 id="upload-conflicts">{t('workbook.conflicts')}</h2>
      <p>{t('workbook.conflicts.lead')}</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('common.code')}</th>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('workbook.conflicts.cell')}</th>
              <th scope="col">{t('workbook.conflicts.base')}</th>
              <th scope="col">{t('conflict.yours')}</th>
              <th scope="col">{t('conflict.theirs')}</th>
            </tr>
          </thead>
          <tbody>
            {props.outcomes.flatMap((o) =>
              o.conflicts.map((c) => (
                <tr>
                  <td>
                    <a href={o.href}>{o.code}</a>
                  </td>
                  <th scope="row">{conflictFieldLabel(text, c)}</th>
                  <td>{`${c.at.sheet}!${c.at.cell}`}</td>
                  <td>
                    <pre class="items">{shown(c.base)}</pre>
                  </td>
                  <td>
                    <pre class="items">{shown(c.yours)}</pre>
                  </td>
                  <td>
                    <pre class="items">{shown(c.theirs)}</pre>
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <ul>
        {props.outcomes.map((o) => (
          <li>
            <a href={`${o.href}/conflicts`}>{`${o.code} ${o.title}: ${t('workbook.conflicts.resolve')}`}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
