import type { ReviewSettings, RoundBoard, StaffSession } from '../../../app/index.ts';
import { CheckboxField, CsrfField, ErrorSummary, SelectField, TextField } from '../components/form-parts.tsx';
import { StaffLayout } from '../components/staff-layout.tsx';
import { TaskTable } from '../components/task-table.tsx';
import { planPath, roundPath } from '../staff-paths.ts';
import type { StaffText } from '../staff-text.ts';

/** The review settings form as typed, after a refused change. */
export interface BoardSettingsValues {
  reviewChain: string;
  reminderDays: string;
  separateDuties: boolean;
}

const ORDER = ['not_started', 'in_progress', 'returned', 'awaiting_approval', 'submitted', 'approved'] as const;

export function BoardPage(props: {
  text: StaffText;
  session: StaffSession;
  planSlug: string;
  board: RoundBoard;
  settings: ReviewSettings;
  canManage: boolean;
  overdueOnly: boolean;
  notice?: string | undefined;
  errors: Record<string, string>;
  /**
   * The form refused, as typed: the round settings (the due date stays what the person typed) or the review
   * settings; the errors are shown on that form.
   */
  values?: { dueDate?: string | undefined; settings?: BoardSettingsValues | undefined } | undefined;
}) {
  const { text, session, board } = props;
  const typedSettings = props.values?.settings;
  const roundErrors: Record<string, string> = typedSettings ? {} : props.errors;
  const settingsErrors: Record<string, string> = typedSettings ? props.errors : {};
  const t = text.t;
  const base = roundPath(props.planSlug, board.fy);
  const level = text.lang === 'en' ? (board.goalLevel.en ?? board.goalLevel.ja) : board.goalLevel.ja;
  const rows = props.overdueOnly ? board.rows.filter((r) => r.overdue) : board.rows;
  const dueText =
    board.daysLeft >= 0 ? t('round.daysLeft', { n: board.daysLeft }) : t('round.daysOver', { n: -board.daysLeft });
  const CountsHead = () => (
    <>
      {ORDER.map((s) => (
        <th scope="col" class="num">
          {text.state(s)}
        </th>
      ))}
      <th scope="col" class="num">
        {t('common.overdue')}
      </th>
    </>
  );
  return (
    <StaffLayout
      text={text}
      session={session}
      title={t('board.title', { fy: text.fy(board.fy) })}
      notice={props.notice}
      back={`${base}/`}
      crumbs={[{ label: t('app.home'), href: '/staff/' }, { label: board.planTitle }]}
    >
      <p>{`${t('round.due', { date: board.dueDate })}${text.paren(`${board.status === 'open' ? dueText : t('round.closed')}`)}`}</p>
      <h2>{t('board.summary')}</h2>
      <ul class="counts">
        {ORDER.map((s) => (
          <li>{`${text.state(s)}: ${t('common.count', { n: board.totals[s] })}`}</li>
        ))}
        <li>
          <strong>{`${t('common.overdue')}: ${t('common.count', { n: board.totals.overdue })}`}</strong>
        </li>
        <li>{`${t('common.dueSoon')}: ${t('common.count', { n: board.totals.dueSoon })}`}</li>
      </ul>

      <h2 id="by-dept">{t('board.byDept')}</h2>
      <div class="table-scroll">
        <table aria-labelledby="by-dept">
          <thead>
            <tr>
              <th scope="col">{t('common.departments')}</th>
              <CountsHead />
            </tr>
          </thead>
          <tbody>
            {board.byDepartment.map((d) => (
              <tr class={d.overdue > 0 ? 'is-overdue' : undefined}>
                <th scope="row">{text.dept(d)}</th>
                {ORDER.map((s) => (
                  <td class="num">{d.counts[s]}</td>
                ))}
                <td class="num">{d.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="by-goal">{t('board.byGoal', { level })}</h2>
      <div class="table-scroll">
        <table aria-labelledby="by-goal">
          <thead>
            <tr>
              <th scope="col">{level}</th>
              <CountsHead />
            </tr>
          </thead>
          <tbody>
            {board.byGoal.map((g) => (
              <tr class={g.overdue > 0 ? 'is-overdue' : undefined}>
                <th scope="row">{`${g.code} ${g.title}`}</th>
                {ORDER.map((s) => (
                  <td class="num">{g.counts[s]}</td>
                ))}
                <td class="num">{g.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="all">{t('board.all')}</h2>
      <p>
        {props.overdueOnly ? (
          <a href={`${base}/`}>{t('board.all')}</a>
        ) : (
          <a href={`${base}/?overdue=1`}>{t('board.filterOverdue')}</a>
        )}
      </p>
      <TaskTable text={text} planSlug={props.planSlug} fy={board.fy} rows={rows} labelledBy="all" />

      {props.canManage && (
        <>
          <h2>{t('round.settings')}</h2>
          <form method="post" action={`${base}/settings`} novalidate>
            <CsrfField token={session.csrfToken} />
            <ErrorSummary title={t('form.errorSummary')} errors={roundErrors} />
            <input type="hidden" name="version" value={String(board.version)} />
            <TextField
              path="dueDate"
              name="dueDate"
              type="date"
              label={t('round.changeDue')}
              value={props.values?.dueDate ?? board.dueDate}
              error={roundErrors.dueDate}
            />
            {roundErrors.confirmPastDue && (
              <CheckboxField
                path="confirmPastDue"
                name="confirmPastDue"
                value="1"
                label={t('round.confirmPastDue')}
                checked={false}
                error={roundErrors.confirmPastDue}
              />
            )}
            {board.status === 'open' && (
              <CheckboxField
                path="confirmClose"
                name="confirmClose"
                value={String(board.notSubmitted.items)}
                label={t('round.confirmClose', {
                  n: board.notSubmitted.items,
                  m: board.notSubmitted.departments,
                })}
                checked={false}
                error={roundErrors.confirmClose}
              />
            )}
            <div class="actions">
              <button type="submit">{t('common.save')}</button>
              <button type="submit" name="status" value={board.status === 'open' ? 'closed' : 'open'} class="secondary">
                {board.status === 'open' ? t('round.close') : t('round.reopen')}
              </button>
            </div>
          </form>
          <form method="post" action={`${base}/reminders`}>
            <CsrfField token={session.csrfToken} />
            <button type="submit" class="secondary">
              {t('round.reminders')}
            </button>
          </form>
          <h2>{t('round.chain')}</h2>
          <form method="post" action={`${planPath(props.planSlug)}/review-settings`} novalidate>
            <CsrfField token={session.csrfToken} />
            <input type="hidden" name="back" value={`${base}/`} />
            <ErrorSummary title={t('form.errorSummary')} errors={settingsErrors} />
            <SelectField
              path="reviewChain"
              name="reviewChain"
              label={t('round.chain')}
              value={typedSettings?.reviewChain ?? props.settings.reviewChain.join(',')}
              options={[
                { value: 'department-approver,plan-office', label: t('round.chain.default') },
                { value: 'plan-office', label: t('round.chain.short') },
              ]}
              error={settingsErrors.reviewChain}
            />
            <TextField
              path="reminderDays"
              name="reminderDays"
              label={t('round.reminderDays')}
              value={typedSettings?.reminderDays ?? String(props.settings.reminderDays)}
              inputmode="numeric"
              error={settingsErrors.reminderDays}
            />
            <div class="field">
              <label>
                <input
                  type="checkbox"
                  name="separateDuties"
                  value="1"
                  checked={typedSettings?.separateDuties ?? props.settings.separateDuties}
                />{' '}
                {t('round.separateDuties')}
              </label>
            </div>
            <button type="submit">{t('common.save')}</button>
          </form>
        </>
      )}
    </StaffLayout>
  );
}
