import type { PublishStatus, StaffSession } from '../../../app/index.ts';
import { CsrfField, ErrorSummary, TextField } from '../components/form-parts.tsx';
import { StaffLayout } from '../components/staff-layout.tsx';
import { planPath } from '../staff-paths.ts';
import type { StaffText } from '../staff-text.ts';

export function PublishPage(props: {
  text: StaffText;
  session: StaffSession;
  planSlug: string;
  organizationSlug: string;
  status: PublishStatus;
  values: { name: string; fy: string; confirmWithheld?: string };
  errors: Record<string, string>;
  notice?: string | undefined;
}) {
  const { text, status } = props;
  const t = text.t;
  const base = planPath(props.planSlug);
  return (
    <StaffLayout
      text={text}
      session={props.session}
      title={t('publish.title')}
      notice={props.notice}
      back={`${base}/publish`}
      crumbs={[{ label: t('app.home'), href: '/staff/' }, { label: status.planTitle }]}
    >
      <p>{t('publish.lead')}</p>
      {status.notApproved > 0 && (
        <div class="callout callout--warn">
          <p>{t('publish.notApproved', { fy: text.fy(status.suggestedFy), n: status.notApproved })}</p>
          <table>
            <caption>{t('publish.withheldCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workbook.department')}</th>
                <th scope="col">{t('publish.withheldState')}</th>
                <th scope="col">{t('publish.withheldItems')}</th>
              </tr>
            </thead>
            <tbody>
              {status.withheld.flatMap((g) =>
                [...new Set(g.items.map((i) => i.state))].map((state) => (
                  <tr>
                    <td>{text.dept(g.department)}</td>
                    <td>{text.state(state)}</td>
                    <td>
                      {g.items
                        .filter((i) => i.state === state)
                        .map((i) => `${i.code} ${i.title}`)
                        .join(text.sep)}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      <ErrorSummary title={t('form.errorSummary')} errors={props.errors} />
      <form method="post" action={`${base}/publish`} novalidate>
        <CsrfField token={props.session.csrfToken} />
        <TextField
          path="name"
          name="name"
          label={t('publish.name')}
          value={props.values.name}
          error={props.errors.name}
        />
        <TextField
          path="fy"
          name="fy"
          label={t('publish.fy')}
          hint={text.fy(Number(props.values.fy) || status.suggestedFy)}
          value={props.values.fy}
          inputmode="numeric"
          error={props.errors.fy}
        />
        {status.notApproved > 0 && (
          <div class={props.errors.confirmWithheld ? 'field field--error' : 'field'}>
            {props.errors.confirmWithheld && (
              <p class="field__error" id="f-confirmWithheld-error">
                {props.errors.confirmWithheld}
              </p>
            )}
            <label>
              <input
                type="checkbox"
                name="confirmWithheld"
                value={String(status.notApproved)}
                checked={props.values.confirmWithheld === String(status.notApproved)}
                aria-describedby={props.errors.confirmWithheld ? 'f-confirmWithheld-error' : undefined}
              />{' '}
              {t('publish.confirmWithheld', { n: status.notApproved })}
            </label>
          </div>
        )}
        <div class="actions">
          <button type="submit">{t('publish.submit')}</button>
        </div>
      </form>
      <h2>{t('publish.editions')}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('publish.name')}</th>
              <th scope="col">{t('common.fy')}</th>
              <th scope="col">{t('common.updatedAt')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {status.editions.map((e, i) => {
              const previous = status.editions[i + 1];
              return (
                <tr>
                  <td>
                    {e.name}
                    {e.isCurrent && ` ${text.paren(`${t('publish.current')}`)}`}
                    {e.withdrawnAt && ` ${text.paren(t('publish.withdrawnAs', { reason: e.withdrawnReason ?? '' }))}`}
                  </td>
                  <td>{text.fy(e.fy)}</td>
                  <td>{text.dateTime(e.publishedAt)}</td>
                  <td>
                    {!e.withdrawnAt && (
                      <a href={`/${props.organizationSlug}/${props.planSlug}/?edition=${e.id}`}>{t('publish.view')}</a>
                    )}
                    {previous && (
                      <>
                        {' / '}
                        <a href={`${base}/editions/diff?from=${previous.id}&to=${e.id}`}>{t('publish.compare')}</a>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {status.editions.some((e) => !e.withdrawnAt) && (
        <>
          <h2>{t('publish.withdraw')}</h2>
          <p>{t('publish.withdrawLead')}</p>
          {status.editions
            .filter((e) => !e.withdrawnAt)
            .map((e) => (
              <form method="post" action={`${base}/editions/${e.id}/withdraw`} novalidate>
                <CsrfField token={props.session.csrfToken} />
                <TextField
                  path={`reason-${e.id}`}
                  name="reason"
                  label={t('publish.withdrawReason', { name: e.name })}
                  value=""
                />
                <div class="actions">
                  <button type="submit" class="secondary">
                    {t('publish.withdrawSubmit', { name: e.name })}
                  </button>
                </div>
              </form>
            ))}
        </>
      )}
    </StaffLayout>
  );
}
