import type { Assessment, PlanNode } from './plan-document.ts';
import { inStage } from './plan-tree.ts';

/**
 * A co-department's line as the published sheet prints it: the text, then the 課 in full-width parentheses, the
 * way the source marks whose work a line is (小郡市 R4, 8-2: 「…ポイント事業（長寿支援課）…」).
 *
 * @example markedWith('協議会を2回開催', 'スポーツ振興課') // '協議会を2回開催（スポーツ振興課）'
 */
export const markedWith = (text: string, departmentName: string) => `${text}（${departmentName}）`;

/**
 * The initiative as the public reads it: each co-department's 実績 lines follow the lead 課's lines of that year,
 * and its comment follows the lead's comment on the year's primary rating, each marked with the 課 name. The
 * contributions stay on the node for readers of structured data (API, JSON). A node without any is returned as
 * it is. A comment for a year the lead has not rated has no rating to go with and is left to the structured
 * data: a rating is never made up for it.
 *
 * @example markContributions(node, (code) => names.get(code) ?? code, 'overall')
 */
export function markContributions(
  node: PlanNode,
  nameOf: (code: string) => string,
  primaryScale: string,
  listedStage?: string,
): PlanNode {
  const parts = node.contributions;
  if (!parts || parts.length === 0) return node;
  const ordered = [...parts].sort(
    (a, b) => a.fy - b.fy || node.departments.indexOf(a.department) - node.departments.indexOf(b.department),
  );
  const roadmap = node.roadmap.map((r) => ({ ...r, actual: [...r.actual] }));
  for (const c of ordered) {
    if (c.actual.length === 0) continue;
    let entry = roadmap.find((r) => r.fy === c.fy);
    if (!entry) {
      entry = { fy: c.fy, plan: [], actual: [] };
      roadmap.push(entry);
    }
    entry.actual.push(...c.actual.map((line) => markedWith(line, nameOf(c.department))));
  }
  roadmap.sort((a, b) => a.fy - b.fy);
  const isPrimary = (a: Assessment, fy: number) =>
    a.fy === fy &&
    a.period === 'FY' &&
    (a.scale === undefined || a.scale === primaryScale) &&
    inStage(a, undefined, listedStage);
  const assessments = node.assessments.map((a) => {
    const comments = ordered
      .filter((c) => c.comment && isPrimary(a, c.fy))
      .map((c) => markedWith(c.comment!, nameOf(c.department)));
    if (comments.length === 0) return a;
    return { ...a, comment: [a.comment, ...comments].filter(Boolean).join('\n') };
  });
  return { ...node, roadmap, assessments };
}
