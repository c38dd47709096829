import { formatFiscalYear, isActiveIn, leafNodes, timeZoneOf } from '../domain/index.ts';
import {
  getPlanReviewSettings,
  getRound,
  insertAuditEvent,
  insertRound,
  insertRoundTasks,
  newId,
  transaction,
} from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { AppError, invalidInput } from './errors.ts';
import { FIELD_MESSAGES as M } from './field-messages.ts';
import { loadPlan } from './load-plan.ts';
import { isIsoDate } from './local-date.ts';
import { DEFAULT_REVIEW_CHAIN } from './review-chain.ts';
import { checkDueDateNotPast } from './round-guards.ts';

export interface OpenRoundProps {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
  fy: number;
  /** YYYY-MM-DD */
  dueDate: string;
  /** A due date before today is taken only with this (a round entered after the fact). */
  confirmPastDue?: boolean | undefined;
}

/**
 * Opens the yearly reporting round (庁内照会) of a plan: one task per initiative active that year, each with the
 * 課 its sheet names. The review chain is copied from the plan's settings, so changing them later does not
 * reroute submissions already under way.
 */
export async function openReportingRound(props: OpenRoundProps): Promise<{ id: string; tasks: number }> {
  try {
    return await transaction(props.ctx.store, async (tx) => {
      const loaded = await loadPlan(tx, props.organizationSlug, props.planSlug);
      const orgId = loaded.organization.id;
      authorize(props.actor, 'round.open', { organizationId: orgId });
      if (!isIsoDate(props.dueDate)) {
        throw invalidInput({ dueDate: M.dueDate });
      }
      checkDueDateNotPast(props.dueDate, props.ctx.now(), props.confirmPastDue, timeZoneOf(loaded.organization));
      const { startFy, endFy } = loaded.document.period;
      if (!Number.isInteger(props.fy) || props.fy < startFy || props.fy > endFy) {
        throw invalidInput({
          fy: {
            ja: `計画期間（${formatFiscalYear(startFy)}～${formatFiscalYear(endFy)}）内の年度を選んでください`,
            en: `Choose a fiscal year within the plan period (FY${startFy}–FY${endFy})`,
          },
        });
      }
      if (await getRound(tx, orgId, loaded.plan.id, props.fy)) throw roundExists(props.fy);
      const settings = await getPlanReviewSettings(tx, orgId, loaded.plan.id);
      const now = props.ctx.now().toISOString();
      const id = newId();
      await insertRound(tx, {
        id,
        organizationId: orgId,
        planId: loaded.plan.id,
        fy: props.fy,
        dueDate: props.dueDate,
        status: 'open',
        reviewChain: settings?.reviewChain ?? DEFAULT_REVIEW_CHAIN,
        openedAt: now,
        openedBy: actorId(props.actor),
      });
      const ids = new Map(loaded.nodes.map((n) => [n.code, n.id]));
      const initiatives = leafNodes(loaded.document).filter((n) => isActiveIn(n, props.fy));
      await insertRoundTasks(
        tx,
        initiatives.map((n) => ({
          id: newId(),
          organizationId: orgId,
          roundId: id,
          nodeId: ids.get(n.code)!,
          state: 'not_started',
          step: 0,
          updatedAt: now,
          updatedBy: null,
        })),
      );
      await insertAuditEvent(tx, {
        organizationId: orgId,
        at: now,
        actor: actorId(props.actor),
        action: 'round.open',
        entityType: 'round',
        entityId: id,
        summary: `${formatFiscalYear(props.fy)} 照会開始（提出期限 ${props.dueDate}、${initiatives.length}件）`,
        after: { fy: props.fy, dueDate: props.dueDate, tasks: initiatives.length },
      });
      return { id, tasks: initiatives.length };
    });
  } catch (e) {
    if (!(e instanceof AppError) && /unique|duplicate/i.test(String((e as Error).message))) throw roundExists(props.fy);
    throw e;
  }
}

const roundExists = (fy: number) =>
  invalidInput(
    {
      fy: {
        ja: `${formatFiscalYear(fy)}の照会は既に開始されています`,
        en: `The reporting round for FY${fy} has already been opened`,
      },
    },
    'already-exists',
  );
