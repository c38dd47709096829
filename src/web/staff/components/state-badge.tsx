import type { TaskState } from '../../../app/index.ts';
import type { StaffText } from '../staff-text.ts';

/** A task's state as text (colour only repeats it), with overdue and returned marks spelled out. */
export function StateBadge(props: {
  text: StaffText;
  state: TaskState;
  returned?: boolean;
  overdue?: boolean;
  dueSoon?: boolean;
}) {
  const { text } = props;
  return (
    <span class="state-cell">
      <span class={`badge badge--${props.state}`}>{text.state(props.state)}</span>
      {props.returned && props.state !== 'returned' && <span class="badge-note">{text.t('common.returnedMark')}</span>}
      {props.overdue && <span class="badge badge--overdue">{text.t('common.overdue')}</span>}
      {props.dueSoon && <span class="badge badge--due-soon">{text.t('common.dueSoon')}</span>}
    </span>
  );
}
