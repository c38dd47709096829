import type { z } from 'zod';
import { describeGoal, listAchievements } from '../../app/index.ts';
import { countedItems, leafNodes } from '../../domain/index.ts';
import {
  type ApiScope,
  presentDimension,
  presentGoal,
  presentIndicator,
  presentInitiativeRow,
  presentStatus,
} from './api-present.ts';
import type { GoalDetail } from './api-schemas.ts';

/**
 * The goal resource: its roll-ups, its own ratings and 数値目標 (with the plan's verdicts on them, where it
 * declares any) and its initiatives; undefined for an unknown code or an item.
 */
export function presentGoalDetail(s: ApiScope, code: string): z.output<typeof GoalDetail> | undefined {
  const fy = s.pub.edition.fy;
  const plan = s.pub.content.plan;
  const g = describeGoal(s.pub.content, code, fy);
  if (!g) return undefined;
  const rows = listAchievements(s.pub.content, { goal: g.node.code }, fy);
  return {
    ...presentGoal(s, {
      node: g.node,
      rollups: g.rollups,
      count: countedItems(plan, leafNodes(g.node.children)).length,
    }),
    level: g.node.separateGroup ? null : { ja: g.level.ja, en: g.level.en ?? g.level.ja },
    ownRatings: g.ownRatings.map((d) => presentDimension(d, plan)),
    indicators: g.indicators.map((k) => presentIndicator(plan, k, fy)),
    kpiStatus: g.status ? presentStatus(g.status) : null,
    kpiVerdictCounts: g.verdictCounts && { fy, ...g.verdictCounts },
    initiatives: rows.map((r) => presentInitiativeRow(s, r)),
  };
}
