import { issuesText } from './issues-text.ts';
import { isGoalNode } from './node-type.ts';
import { type Indicator, PlanDocument, type PlanNode, type PlanNodeInput } from './plan-document.ts';
import type { NewPlanIdentity } from './plan-template.ts';
import { findNode } from './plan-tree.ts';
import { err, ok, type Result } from './result.ts';

/** Code of the group that holds 継続案件 (as Ogori's 「継」 holds 継1 from its 第1期 plan). */
export const CARRY_OVER_GROUP = '継';

/** An indicator's definition without any figure: the new plan sets its own baseline, targets and actuals. */
function definitionOf(i: Indicator): Indicator {
  const { key, name, unit, kind, direction, valueBasis, yearBasis, targetHistory: _h, values: _v } = i;
  const def: Indicator = { key, name, unit, kind, direction, valueBasis, yearBasis, targetHistory: [], values: [] };
  if (i.nameEn !== undefined) def.nameEn = i.nameEn;
  if (i.periodBasis !== undefined) def.periodBasis = i.periodBasis;
  if (i.note !== undefined) def.note = i.note;
  return def;
}

/** Code, titles, 課, weight, goal, SDGs and indicator definitions; no ratings, roadmap, figures or history. */
function skeletonOf(node: PlanNode, children: PlanNodeInput[]): PlanNodeInput {
  return {
    code: node.code,
    title: node.title,
    ...(node.titleEn !== undefined && { titleEn: node.titleEn }),
    departments: node.departments,
    ...(node.weight !== undefined && { weight: node.weight }),
    ...(node.goal !== undefined && { goal: node.goal }),
    sdgs: node.sdgs,
    indicators: node.indicators.map(definitionOf),
    children,
  };
}

/**
 * The structure of a plan as a new draft plan: the tree of nodes still active (not abolished, merged or split)
 * with codes, titles, 課 and indicator definitions, but no ratings, actuals or roadmap. The old plan's own
 * 継続案件 group is left behind. Codes in `carryOver` (initiatives of the old plan) become 継続案件 in a 「継」
 * group at the end, numbered 継1, 継2…, each linked to where it came from; they are not copied at their old place.
 * @example copyStructure(second, { slug: 'p3', title: '第3期', period }, ['3-3']) // …, 継 > 継1 (carriedFrom 3-3)
 */
export function copyStructure(
  source: PlanDocument,
  identity: NewPlanIdentity,
  carryOver: readonly string[] = [],
): Result<PlanDocument> {
  const carried = [...new Set(carryOver)];
  const wrong = carried.filter((code) => {
    const node = findNode(source, code);
    return !node || isGoalNode(node) || node.lifecycle.status !== 'active';
  });
  if (wrong.length > 0) {
    return err(
      'carry-over-invalid',
      `継続案件にできるのは元の計画で継続中の取組だけです: ${wrong.join(', ')}`,
      `Only active initiatives of the source plan can be carried over: ${wrong.join(', ')}`,
    );
  }
  const copy = (nodes: PlanNode[]): PlanNodeInput[] =>
    nodes
      .filter((n) => n.lifecycle.status === 'active' && !carried.includes(n.code))
      .filter((n) => !n.code.startsWith(CARRY_OVER_GROUP))
      .map((n) => skeletonOf(n, copy(n.children)));
  const nodes = copy(source.nodes);
  if (carried.length > 0) {
    const from = source.shortTitle ?? source.title;
    nodes.push({
      code: CARRY_OVER_GROUP,
      title: `${from}からの継続案件`,
      separateGroup: true,
      children: carried.map((code, i) => {
        const node = findNode(source, code) as PlanNode;
        return {
          ...skeletonOf(node, []),
          code: `${CARRY_OVER_GROUP}${i + 1}`,
          carriedFrom: { plan: source.slug, code },
        };
      }),
    });
  }
  // The new plan keeps the old one's shape and settings, but not its texts, editions or figures.
  const { nodes: _n, sections: _s, edition: _e, statedFigures: _f, predecessor: _p, issuedOn: _i, ...kept } = source;
  const { titleEn: _t, shortTitle: _st, ...settings } = kept;
  const parsed = PlanDocument.safeParse({
    ...settings,
    ...identity,
    status: 'draft',
    predecessor: { title: source.title, slug: source.slug, ...(source.issuedOn && { issuedOn: source.issuedOn }) },
    nodes,
  });
  if (!parsed.success) {
    const text = issuesText(parsed.error);
    return err('invalid-plan', `計画を作成できません: ${text}`, `Cannot create the plan: ${text}`);
  }
  return ok(parsed.data);
}
