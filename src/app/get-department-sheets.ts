import { type Department, isActiveIn, leafNodes, type PlanDocument, type PlanNode } from '../domain/index.ts';
import { listDepartments } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { notFound } from './errors.ts';
import { loadPlan } from './load-plan.ts';

export interface DepartmentSheetNode {
  code: string;
  /** plan_nodes.version when read; an upload based on it is refused once someone saves in between. */
  version: number;
  node: PlanNode;
}

export interface DepartmentSheets {
  organization: { slug: string; name: string };
  /** The plan's working content (settings and tree), for scales, period and level names. */
  plan: PlanDocument;
  department: Department;
  /** Every department of the organization (initiatives may be shared with other 課). */
  departments: Department[];
  fy: number;
  /** The 課's initiatives active in the year (it is listed among their departments), in document order. */
  nodes: DepartmentSheetNode[];
}

/**
 * What a 課 fills in for a reporting year (庁内照会): its initiatives from the working content, each with the
 * version it was read at, so a workbook made from this can be uploaded back with optimistic locking.
 */
export async function getDepartmentSheets(
  ctx: AppContext,
  actor: Actor,
  query: { organizationSlug: string; planSlug?: string | undefined; department: string; fy: number },
): Promise<DepartmentSheets> {
  const db = ctx.store.db;
  const loaded = await loadPlan(db, query.organizationSlug, query.planSlug);
  const orgId = loaded.organization.id;
  authorize(actor, 'report.view', { organizationId: orgId, departments: [query.department] });
  const all = (await listDepartments(db, orgId)).map(({ id: _id, version: _v, ...d }) => d);
  const department = all.find((d) => d.code === query.department);
  if (!department) throw notFound({ ja: `担当課「${query.department}」`, en: `department "${query.department}"` });
  const versions = new Map(loaded.nodes.map((n) => [n.code, n.version]));
  const nodes = leafNodes(loaded.document)
    .filter((n) => n.departments.includes(query.department) && isActiveIn(n, query.fy))
    .map((node) => ({ code: node.code, version: versions.get(node.code) ?? 0, node }));
  return {
    organization: { slug: loaded.organization.slug, name: loaded.organization.name },
    plan: loaded.document,
    department,
    departments: all,
    fy: query.fy,
    nodes,
  };
}
