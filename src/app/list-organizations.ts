import { listOrganizations as listOrganizationRows, type OrganizationRecord } from '../store/index.ts';
import type { AppContext } from './app-context.ts';

export function listOrganizations(ctx: AppContext): Promise<OrganizationRecord[]> {
  return listOrganizationRows(ctx.store.db);
}
