import type { PlanDocument } from '../domain/index.ts';
import { leafNodes } from '../domain/index.ts';
import type { TaskRecord } from '../store/index.ts';
import { invalidInput } from './errors.ts';
import { localDate } from './local-date.ts';

/**
 * A due date before today (where the organization is) is allowed only when asked for explicitly (a round entered after the fact
 * does exist), so a typing slip in the year does not open a round that is overdue from its first day.
 */
export function checkDueDateNotPast(
  dueDate: string,
  now: Date,
  confirmed: boolean | undefined,
  timeZone: string,
): void {
  const today = localDate(now, timeZone);
  if (confirmed || dueDate >= today) return;
  throw invalidInput({
    dueDate: {
      ja: `提出期限 ${dueDate} は過去の日付です（今日は ${today}）`,
      en: `The due date ${dueDate} is in the past (today is ${today})`,
    },
    confirmPastDue: {
      ja: '過去の期限のままにする場合は、確認にチェックを入れてください',
      en: 'To keep a due date in the past, tick the confirmation',
    },
  });
}

/**
 * The tasks not yet submitted (still with the editors) and how many 課 have to submit them: the lead 課 of each
 * (who submits a shared initiative by default), or every 課 listed when the plan lets each 課 submit its part.
 */
export function notSubmitted(
  document: PlanDocument,
  nodeIds: Map<string, string>,
  tasks: TaskRecord[],
): { items: number; departments: number } {
  const byNode = new Map(tasks.map((t) => [t.nodeId, t]));
  const departments = new Set<string>();
  let items = 0;
  for (const node of leafNodes(document)) {
    const task = byNode.get(nodeIds.get(node.code) ?? '');
    if (task?.step !== 0) continue;
    items++;
    const submitters = document.sharedInitiatives === 'each-submits' ? node.departments : node.departments.slice(0, 1);
    for (const d of submitters) departments.add(d);
  }
  return { items, departments: departments.size };
}

/**
 * Closing a round stops every 課 at once, so it needs the count of what is still not submitted, as shown to the
 * person who closes it (`confirmClose`); a count that changed meanwhile is refused like a missing one.
 */
export function checkCloseConfirmed(open: { items: number; departments: number }, confirmClose: number | undefined) {
  if (confirmClose === open.items) return;
  throw invalidInput({
    confirmClose: {
      ja: `まだ提出されていない取組が${open.items}件（${open.departments}課）あります。締め切ると、どの課も入力・提出できなくなります。締め切る場合は確認にチェックを入れてください`,
      en: `${open.items} initiative(s) of ${open.departments} department(s) are not submitted yet. Closing stops every department from entering and submitting; tick the confirmation to close`,
    },
  });
}
