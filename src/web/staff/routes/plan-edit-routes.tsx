import { Hono } from 'hono';
import type { AppContext } from '../../../app/index.ts';
import type { StaffEnv } from '../staff-env.ts';

/** Plan editing (plan office): filled in by the plan-editing use cases. */
export function planEditRoutes(_ctx: AppContext) {
  return new Hono<StaffEnv>();
}
