import type { BoardRow, StaffSession } from '../../../app/index.ts';
import { StaffLayout } from '../components/staff-layout.tsx';
import { TaskTable } from '../components/task-table.tsx';
import { WorkbookForms } from '../components/workbook-forms.tsx';
import { roundPath } from '../staff-paths.ts';
import type { StaffText } from '../staff-text.ts';

export function MyTasksPage(props: {
  text: StaffText;
  session: StaffSession;
  planSlug: string;
  mine: { fy: number; dueDate: string; status: string; daysLeft: number; rows: BoardRow[] };
  /** The user's 課, for the Excel workbook. */
  department?: { code: string; name: string } | undefined;
}) {
  const { text, mine } = props;
  const t = text.t;
  const due =
    mine.daysLeft >= 0 ? t('round.daysLeft', { n: mine.daysLeft }) : t('round.daysOver', { n: -mine.daysLeft });
  return (
    <StaffLayout
      text={text}
      session={props.session}
      title={t('mine.title', { fy: text.fy(mine.fy) })}
      back={`${roundPath(props.planSlug, mine.fy)}/mine`}
      crumbs={[{ label: t('app.home'), href: '/staff/' }, { label: t('mine.title', { fy: text.fy(mine.fy) }) }]}
    >
      <p>{`${t('round.due', { date: mine.dueDate })}${text.paren(`${mine.status === 'open' ? due : t('round.closed')}`)}`}</p>
      {mine.rows.length === 0 ? (
        <p>{t('mine.none')}</p>
      ) : (
        <TaskTable
          text={text}
          planSlug={props.planSlug}
          fy={mine.fy}
          rows={mine.rows}
          caption={t('mine.title', { fy: text.fy(mine.fy) })}
        />
      )}
      {props.department && mine.status === 'open' && mine.rows.length > 0 && (
        <WorkbookForms
          text={text}
          action={`${roundPath(props.planSlug, mine.fy)}/workbook`}
          csrf={props.session.csrfToken}
          departments={[props.department]}
        />
      )}
    </StaffLayout>
  );
}
