import type { KeptUploadConflicts, ReportConflict, StaffSession } from '../../../app/index.ts';
import { textToItems } from '../../../domain/index.ts';
import { ConflictPanel } from '../components/conflict-panel.tsx';
import { CsrfField, TextArea } from '../components/form-parts.tsx';
import { ReportAside } from '../components/report-aside.tsx';
import { ReportForm } from '../components/report-form.tsx';
import { StaffLayout } from '../components/staff-layout.tsx';
import { StateBadge } from '../components/state-badge.tsx';
import type { ReportValues, ReportView } from '../report-view-helpers.ts';
import { historyPath, roundPath, taskPath } from '../staff-paths.ts';
import type { StaffText } from '../staff-text.ts';

/** One initiative's report: the entry form (or a read-only view), last year, notes, and the review panel. */
export function ReportPage(props: {
  text: StaffText;
  session: StaffSession;
  view: ReportView;
  /** The values to show: the saved ones, or the user's input after a refused save. */
  values: ReportValues;
  errors: Record<string, string>;
  conflict?: ReportConflict | undefined;
  notice?: string | undefined;
  reviewNote?: string;
  /** The sheet version the shown input was typed on, when it is not the saved one (kept or cut input). */
  version?: number | undefined;
  /** The kept form shown again after a new login. */
  restoredId?: string | undefined;
  /** On the workbook conflict page: the fields the user's upload left for them to decide. */
  kept?: KeptUploadConflicts['fields'] | undefined;
  /** Elsewhere: how many such fields wait on this initiative (a link to the conflict page). */
  keptCount?: number | undefined;
}) {
  const { text, session, view } = props;
  const t = text.t;
  const fy = view.round.fy;
  const action = taskPath(view.planSlug, fy, view.node.code);
  const boardOrMine =
    session.user.role === 'department-editor' || session.user.role === 'department-approver'
      ? { label: t('mine.title', { fy: text.fy(fy) }), href: `${roundPath(view.planSlug, fy)}/mine` }
      : { label: t('board.title', { fy: text.fy(fy) }), href: `${roundPath(view.planSlug, fy)}/` };
  const title = t('report.title', { code: view.node.code, title: view.node.title, fy: text.fy(fy) });
  return (
    <StaffLayout
      text={text}
      session={session}
      title={props.kept ? t('conflict.workbookTitle') : props.conflict ? t('conflict.title') : title}
      notice={props.notice}
      back={action}
      crumbs={[
        { label: t('app.home'), href: '/staff/' },
        boardOrMine,
        { label: `${view.node.code} ${view.node.title}` },
      ]}
    >
      <dl>
        <dt>{t('common.departments')}</dt>
        <dd>{view.departments.map(text.dept).join(text.sep)}</dd>
        <dt>{t('report.state')}</dt>
        <dd>
          <StateBadge text={text} state={view.task.state} returned={view.task.returned} overdue={view.overdue} />
          {` ${t('round.due', { date: view.round.dueDate })}`}
        </dd>
      </dl>
      <div class="two-col">
        <div>
          {!props.conflict && (props.keptCount ?? 0) > 0 && (
            <div class="callout callout--warn" role="status">
              <p>
                {t('report.keptConflicts', { n: props.keptCount ?? 0 })}{' '}
                <a href={`${action}/conflicts`}>{t('workbook.conflicts.resolve')}</a>
              </p>
            </div>
          )}
          {props.conflict && (
            <ConflictPanel
              kept={props.kept}
              text={text}
              view={view}
              conflict={props.conflict}
              yours={props.values}
              action={action}
              csrf={session.csrfToken}
            />
          )}
          {view.can.edit ? (
            <ReportForm
              text={text}
              view={view}
              values={props.values}
              version={props.conflict ? props.conflict.currentVersion : (props.version ?? view.version)}
              restoredId={props.restoredId}
              action={action}
              csrf={session.csrfToken}
              errors={props.errors}
              saveLabel={props.conflict ? t('conflict.resave') : undefined}
            />
          ) : (
            <ReadOnlyReport text={text} view={view} />
          )}
          {view.contributor && view.can.edit && <ReadOnlyReport text={text} view={view} asLead />}
          {view.node.departments.length > 1 && (
            <Contributions text={text} view={view} action={action} csrf={session.csrfToken} />
          )}
          {props.conflict && !props.kept && (
            <p>
              <a href={action}>{t('conflict.discard')}</a>
            </p>
          )}
        </div>
        <ReportAside
          text={text}
          view={view}
          action={action}
          historyHref={historyPath(view.planSlug, view.node.code)}
          csrf={session.csrfToken}
          errors={props.errors}
          {...(props.reviewNote !== undefined && { reviewNote: props.reviewNote })}
        />
      </div>
    </StaffLayout>
  );
}

/**
 * The parts the co-departments of a shared initiative entered for the year, so the lead 課 sees them before it
 * submits and the 課長 and the plan office see them when they decide.
 */
function Contributions(props: { text: StaffText; view: ReportView; action: string; csrf: string }) {
  const { text, view } = props;
  const t = text.t;
  return (
    <section aria-labelledby="parts-title">
      <h2 id="parts-title">{t('report.parts.title')}</h2>
      <p class="hint">{t('report.parts.hint')}</p>
      {view.departments.slice(1).map((d) => {
        const part = view.contributions.find((c) => c.code === d.code);
        return (
          <section class="contribution" data-department={d.code}>
            <h3>{text.dept(d)}</h3>
            {view.sharedMode === 'each-submits' && (
              <p>
                <StateBadge text={text} state={part?.review?.state ?? 'not_started'} returned={false} overdue={false} />
              </p>
            )}
            {part ? (
              <>
                <ul>
                  {part.actual.map((l) => (
                    <li>{l}</li>
                  ))}
                </ul>
                {part.comment && <p>{part.comment}</p>}
              </>
            ) : (
              <p>{t('report.parts.none')}</p>
            )}
            {part?.review?.canReview && (
              <form method="post" action={`${props.action}/review`} novalidate>
                <CsrfField token={props.csrf} />
                <input type="hidden" name="part" value={d.code} />
                <input type="hidden" name="taskVersion" value={String(part.review.version)} />
                <TextArea
                  path={`note-${d.code}`}
                  name="note"
                  label={t('report.part.reviewNote', { dept: text.dept(d) })}
                  value=""
                  rows={2}
                />
                <div class="actions">
                  <button type="submit" name="decision" value="approve">
                    {t('report.part.approve', { dept: text.dept(d) })}
                  </button>
                  <button type="submit" name="decision" value="return" class="secondary">
                    {t('report.return')}
                  </button>
                </div>
              </form>
            )}
          </section>
        );
      })}
    </section>
  );
}

function ReadOnlyReport(props: { text: StaffText; view: ReportView; asLead?: boolean }) {
  const { text, view } = props;
  const t = text.t;
  const fy = view.round.fy;
  const v = view.sheet;
  const lines = (s: string) => textToItems(s);
  const level = view.scale.levels.find((l) => l.key === v.rating);
  const heading = props.asLead
    ? t('report.part.lead', { lead: view.departments[0] ? text.dept(view.departments[0]) : '' })
    : t('report.readonly');
  return (
    <section aria-labelledby={props.asLead ? 'lead-title' : 'readonly-title'}>
      <h2 id={props.asLead ? 'lead-title' : 'readonly-title'}>{heading}</h2>
      <h3>{t('report.actual', { fy: text.fy(fy) })}</h3>
      <ul>
        {(view.node.roadmap.find((r) => r.fy === fy)?.actual ?? []).map((l) => (
          <li class="lines">{l}</li>
        ))}
      </ul>
      {view.nextYears.map((y) => (
        <>
          <h3>{t('report.plan', { fy: text.fy(y) })}</h3>
          <ul>
            {lines(v.plans[String(y)] ?? '').map((l) => (
              <li class="lines">{l}</li>
            ))}
          </ul>
        </>
      ))}
      {view.node.indicators.length > 0 && (
        <>
          <h3>{t('report.kpi')}</h3>
          <ul>
            {view.node.indicators.map((ind) => {
              const x = v.indicators[ind.key];
              return (
                <li>
                  {`${ind.name}: ${x?.actual ? `${x.actual}${ind.unit}` : t('common.none')}${x?.provisional ? `${text.paren(`${t('report.kpiProvisional')}`)}` : ''}${x?.note ? ` ${x.note}` : ''}`}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h3>{t('report.rating', { scale: view.scale.name })}</h3>
      <p>{level ? level.label : t('common.none')}</p>
      {v.comment && <p>{v.comment}</p>}
    </section>
  );
}
