import type { Lifecycle } from './plan-document.ts';

/**
 * The lifecycle status the plan states, or undefined where it states none. A node read without a lifecycle
 * gets the schema's 実施中 (active) so that roll-ups count it, but that default is no statement of the plan:
 * only a status other than active, or one given with a year, a note, an added year or a target, is shown.
 * @example statedStatus({ status: 'active', into: [] }) // undefined
 * @example statedStatus({ status: 'completed', fromFy: 2023, into: [] }) // "completed"
 */
export function statedStatus(life: Lifecycle): Lifecycle['status'] | undefined {
  const stated =
    life.status !== 'active' ||
    life.fromFy !== undefined ||
    life.addedFy !== undefined ||
    life.note !== undefined ||
    life.into.length > 0;
  return stated ? life.status : undefined;
}
