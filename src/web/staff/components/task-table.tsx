import type { BoardRow } from '../../../app/index.ts';
import { taskPath } from '../staff-paths.ts';
import type { StaffText } from '../staff-text.ts';
import { StateBadge } from './state-badge.tsx';

/**
 * A round's tasks, one row each: code, title linking to the task, 課, state and last change. Named by its caption
 * or by the heading `labelledBy` points to.
 */
export function TaskTable(props: {
  text: StaffText;
  planSlug: string;
  fy: number;
  rows: BoardRow[];
  caption?: string;
  labelledBy?: string;
}) {
  const { text } = props;
  const t = text.t;
  return (
    <div class="table-scroll">
      <table aria-labelledby={props.labelledBy}>
        {props.caption && <caption>{props.caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{t('common.code')}</th>
            <th scope="col">{t('common.title')}</th>
            <th scope="col">{t('common.departments')}</th>
            <th scope="col">{t('common.state')}</th>
            <th scope="col">{t('common.updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr class={r.overdue ? 'is-overdue' : undefined}>
              <td>{r.code}</td>
              <td>
                <a href={taskPath(props.planSlug, props.fy, r.code)}>{r.title}</a>
              </td>
              <td>{r.departments.map(text.dept).join(text.sep)}</td>
              <td>
                <StateBadge text={text} state={r.state} returned={r.returned} overdue={r.overdue} dueSoon={r.dueSoon} />
              </td>
              <td>{text.dateTime(r.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
