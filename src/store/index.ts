export { type AuditEventInput, type AuditEventRecord, insertAuditEvent, listAuditEvents } from './audit-repository.ts';
export {
  BACKUP_TABLES,
  clearAllTables,
  listExistingTables,
  readTable,
  writeAllTables,
  writeTable,
} from './backup-tables.ts';
export type { Database } from './database-schema.ts';
export { type DatabaseTarget, DEFAULT_DATABASE_URL, describeDatabaseTarget, parseDatabaseUrl } from './database-url.ts';
export {
  type DepartmentRecord,
  deleteDepartments,
  insertDepartments,
  listDepartments,
} from './department-repository.ts';
export {
  type EditionRecord,
  type EditionSummary,
  getCurrentEdition,
  getEdition,
  insertEdition,
  listEditions,
} from './edition-repository.ts';
export type { Executor } from './executor.ts';
export { knownMigrations, type MigrationReport, migrateToLatest } from './migrate.ts';
export { newId } from './new-id.ts';
export { type OpenOptions, openDatabase, type Store } from './open-database.ts';
export {
  getOrganizationById,
  getOrganizationBySlug,
  insertOrganization,
  listOrganizations,
  type OrganizationRecord,
  updateOrganization,
} from './organization-repository.ts';
export {
  assemblePlanDocument,
  deletePlan,
  getNodeByCode,
  getNodeById,
  getPlanById,
  getPlanBySlug,
  insertPlan,
  listNodes,
  listPlans,
  type NodeContent,
  type NodeRecord,
  type PlanRecord,
  type PlanSettings,
  replaceNodeDepartments,
  updateNode,
  updatePlanSettings,
} from './plan-repository.ts';
export { transaction } from './transaction.ts';
