import type { StaffSession, UploadOutcome } from '../../../app/index.ts';
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
      {props.outcomes?.some((o) => o.saved && o.outcome === 'draft') && <p>{t('workbook.draftsNote')}</p>}
      <p>
        <a href={props.back}>{t('common.back')}</a>
      </p>
    </StaffLayout>
  );
}

function outcomeText(text: StaffText, o: UploadOutcome): string {
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
