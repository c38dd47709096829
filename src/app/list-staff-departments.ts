import { listDepartments } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { type DepartmentName, departmentNamer } from './department-name.ts';
import { requireOrganization } from './load-plan.ts';

/** The organization's 課, in their order, for choosing a user's or an initiative's department. */
export async function listStaffDepartments(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
}): Promise<DepartmentName[]> {
  const db = props.ctx.store.db;
  const org = await requireOrganization(db, props.organizationSlug);
  authorize(props.actor, 'staff.use', { organizationId: org.id });
  const departments = await listDepartments(db, org.id);
  const named = departmentNamer(departments);
  return departments.map((d) => named(d.code));
}
