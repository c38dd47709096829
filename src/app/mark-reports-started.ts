import { transaction } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { isAppError } from './errors.ts';
import { loadRoundTask, type RoundRef } from './load-round-task.ts';
import { moveTask } from './move-task.ts';

/**
 * After a 課 workbook was applied (drafts saved through `applyDepartmentUpload`), marks those initiatives'
 * untouched tasks in the year's round as 入力中, as saving the form would. Initiatives without a task are skipped.
 */
export async function markReportsStarted(
  props: RoundRef & { ctx: AppContext; actor: Actor; codes: string[] },
): Promise<void> {
  await transaction(props.ctx.store, async (tx) => {
    for (const code of props.codes) {
      let lt: Awaited<ReturnType<typeof loadRoundTask>>;
      try {
        lt = await loadRoundTask(tx, { ...props, code });
      } catch (e) {
        if (isAppError(e) && e.code === 'not-found') continue;
        throw e;
      }
      authorize(props.actor, 'report.edit', {
        organizationId: lt.organization.id,
        departments: lt.node.departments,
      });
      if (lt.task.step !== 0 || lt.task.state !== 'not_started') continue;
      await moveTask(tx, lt, {
        actor: props.actor,
        now: props.ctx.now().toISOString(),
        action: 'report.start',
        state: 'in_progress',
        step: 0,
        returned: false,
      });
    }
  });
}
