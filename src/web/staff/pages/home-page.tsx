import { type Action, can, type RoundWork, type StaffPlanEntry, type StaffSession } from '../../../app/index.ts';
import { CheckboxField, CsrfField, ErrorSummary, SelectField, TextField } from '../components/form-parts.tsx';
import { StaffLayout } from '../components/staff-layout.tsx';
import { WaitingWork } from '../components/waiting-work.tsx';
import { planPath } from '../staff-paths.ts';
import type { StaffText } from '../staff-text.ts';

export function HomePage(props: {
  text: StaffText;
  session: StaffSession;
  plans: StaffPlanEntry[];
  /** What waits for the user in each open round (see listWaitingWork). */
  work: RoundWork[];
  /** Whether reminders go out by e-mail; if not, the home shows them as notices. */
  mailEnabled: boolean;
  notice?: string | undefined;
  errors?: Record<string, string> | undefined;
  /** The open-round form as typed (with `plan`), when it is shown again with errors. */
  values?: Record<string, string> | undefined;
}) {
  const { text, session } = props;
  const t = text.t;
  const org = { organizationId: session.actor.organizationId };
  const may = (a: Action) => can(session.actor, a, org);
  return (
    <StaffLayout text={text} session={session} title={t('home.title')} notice={props.notice}>
      {props.plans.map((p) => {
        const base = planPath(p.slug);
        const years: number[] = [];
        for (let y = p.period.startFy; y <= p.period.endFy; y++) if (!p.rounds.some((r) => r.fy === y)) years.push(y);
        const typed = props.values?.plan === p.slug ? props.values : undefined;
        const errors = typed ? props.errors : undefined;
        return (
          <section aria-labelledby={`plan-${p.slug}`}>
            <h2 id={`plan-${p.slug}`}>{p.title}</h2>
            {p.currentEdition && <p class="muted">{`${t('publish.current')}: ${p.currentEdition.name}`}</p>}
            {props.work
              .filter((w) => w.planSlug === p.slug)
              .map((w) => (
                <WaitingWork text={text} work={w} mailEnabled={props.mailEnabled} />
              ))}
            <h3>{t('home.rounds')}</h3>
            {p.rounds.length === 0 ? (
              <p>{t('home.noRound')}</p>
            ) : (
              <ul>
                {p.rounds.map((r) => (
                  <li>
                    {`${text.fy(r.fy)}${text.paren(`${t('round.due', { date: r.dueDate })}${text.sep}${r.status === 'open' ? t('round.openStatus') : t('round.closed')}`)}`}
                    <ul>
                      {may('round.view-mine') && (
                        <li>
                          <a href={`${base}/rounds/${r.fy}/mine`}>{t('home.mine', { fy: text.fy(r.fy) })}</a>
                        </li>
                      )}
                      {may('round.view-board') && (
                        <li>
                          <a href={`${base}/rounds/${r.fy}/`}>{t('home.board', { fy: text.fy(r.fy) })}</a>
                        </li>
                      )}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
            <ul>
              {may('executive.view') && (
                <li>
                  <a href={`${base}/executive`}>{t('home.executive')}</a>
                </li>
              )}
              {may('edition.publish') && (
                <li>
                  <a href={`${base}/publish`}>{t('home.publish')}</a>
                </li>
              )}
              {may('edition.view') && (
                <li>
                  <a href={`${base}/editions/diff`}>{t('diff.title')}</a>
                </li>
              )}
              {may('plan.edit') && (
                <li>
                  <a href={`${base}/edit`}>{t('home.editPlan')}</a>
                </li>
              )}
            </ul>
            {may('round.open') && years.length > 0 && (
              <form method="post" action={`${base}/rounds`} novalidate>
                <fieldset>
                  <legend>{t('round.open.title')}</legend>
                  <CsrfField token={session.csrfToken} />
                  {errors && (
                    <ErrorSummary
                      title={t('form.errorSummary')}
                      errors={Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${p.slug}-${k}`, v]))}
                    />
                  )}
                  <SelectField
                    path={`${p.slug}-fy`}
                    name="fy"
                    label={t('round.open.fy')}
                    value={typed?.fy ?? String(years[0])}
                    options={years.map((y) => ({ value: String(y), label: text.fy(y) }))}
                    error={errors?.fy}
                  />
                  <TextField
                    path={`${p.slug}-dueDate`}
                    name="dueDate"
                    type="date"
                    label={t('round.open.due')}
                    value={typed?.dueDate ?? ''}
                    error={errors?.dueDate}
                  />
                  {(errors?.confirmPastDue || typed?.confirmPastDue) && (
                    <CheckboxField
                      path={`${p.slug}-confirmPastDue`}
                      name="confirmPastDue"
                      value="1"
                      label={t('round.confirmPastDue')}
                      checked={typed?.confirmPastDue === '1'}
                      error={errors?.confirmPastDue}
                    />
                  )}
                  <button type="submit">{t('round.open.submit')}</button>
                </fieldset>
              </form>
            )}
          </section>
        );
      })}
    </StaffLayout>
  );
}
