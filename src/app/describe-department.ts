import { type Department, type EditionContent, leafNodes, type PlanNode, type PlanRollup } from '../domain/index.ts';
import { periodYears, rollupOf } from './describe-plan.ts';
import { type RatingView, ratingView } from './rating-view.ts';

export interface DepartmentInitiative {
  node: PlanNode;
  /** True when the department is named first (主担当). */
  lead: boolean;
  /** The rating in the edition's year. */
  current: RatingView;
}

export interface DepartmentView {
  department: Department;
  /** One roll-up per fiscal year over the initiatives naming the department. */
  rollups: PlanRollup[];
  initiatives: DepartmentInitiative[];
}

/** What a 課 is responsible for in an edition; undefined when no initiative names it and it is unknown. */
export function describeDepartment(content: EditionContent, code: string, asOfFy: number): DepartmentView | undefined {
  const plan = content.plan;
  const initiatives = leafNodes(plan)
    .filter((n) => n.departments.includes(code))
    .map((node) => ({ node, lead: node.departments[0] === code, current: ratingView(plan, node, asOfFy) }));
  const department = content.departments.find((d) => d.code === code);
  if (!department && initiatives.length === 0) return undefined;
  return {
    department: department ?? { code, name: code },
    rollups: periodYears(plan).map((fy) => rollupOf(plan, fy, { department: code })),
    initiatives,
  };
}

/** Departments with at least one initiative, in the edition's department order, each described. */
export function listPlanDepartments(content: EditionContent, asOfFy: number): DepartmentView[] {
  const named = new Set(leafNodes(content.plan).flatMap((n) => n.departments));
  const codes = [...content.departments.map((d) => d.code).filter((c) => named.has(c))];
  for (const c of named) if (!codes.includes(c)) codes.push(c);
  return codes.map((c) => describeDepartment(content, c, asOfFy)).filter((d): d is DepartmentView => d !== undefined);
}
