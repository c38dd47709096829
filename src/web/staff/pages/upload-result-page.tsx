import type { StaffSession } from '../../../app/index.ts';
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
}) {
  const { text } = props;
  const t = text.t;
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
          <p>{t('workbook.changed', { n: props.changed.length })}</p>
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
      {props.changed.length > 0 && (
        <ul>
          {props.changed.map((c) => (
            <li>
              <a href={c.href}>{c.code}</a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={props.back}>{t('common.back')}</a>
      </p>
    </StaffLayout>
  );
}
