export { listAuditEventsOf } from './audit-history-repository.ts';
export { type AuditEventInput, type AuditEventRecord, insertAuditEvent, listAuditEvents } from './audit-repository.ts';
export {
  BACKUP_TABLES,
  clearAllTables,
  listExistingTables,
  readTable,
  writeAllTables,
  writeTable,
} from './backup-tables.ts';
export { checkIntegrity, type IntegrityReport } from './check-integrity.ts';
export { isConnectionLost } from './connection-lost.ts';
export { type DatabaseFault, DatabaseHealth } from './database-health.ts';
export type { Database } from './database-schema.ts';
export { type DatabaseTarget, DEFAULT_DATABASE_URL, describeDatabaseTarget, parseDatabaseUrl } from './database-url.ts';
export {
  type DepartmentRecord,
  deleteDepartments,
  insertDepartments,
  listDepartments,
  updateDepartmentName,
} from './department-repository.ts';
export {
  type EditionRecord,
  type EditionSummary,
  getCurrentEdition,
  getEdition,
  insertEdition,
  isEditionIdTaken,
  listEditions,
} from './edition-repository.ts';
export {
  type EditionViewRecord,
  getEditionView,
  getEditionViewPair,
  listEditionsLackingView,
  listEditionViewNames,
  upsertEditionViews,
} from './edition-view-repository.ts';
export { withdrawEditionRow } from './edition-withdrawal.ts';
export type { Executor } from './executor.ts';
export {
  countFailedLoginAttempts,
  deleteLoginAttempts,
  deleteLoginAttemptsById,
  insertLoginAttempt,
  type LoginAttemptKey,
  type LoginAttemptLimit,
  pruneLoginAttempts,
  reserveLoginAttempt,
} from './login-attempt-repository.ts';
export { knownMigrations, type MigrationReport, migrateToLatest } from './migrate.ts';
export { newId } from './new-id.ts';
export { type NodeSheetWrite, writeNodeSheet } from './node-sheet-write.ts';
export { deleteNode, insertNode, updateNodePositions } from './node-structure-repository.ts';
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
  replacePlan,
  updatePlanSettings,
} from './plan-repository.ts';
export {
  deletePlanWorkflow,
  getPlanReviewSettings,
  type PlanReviewSettingsRecord,
  savePlanReviewSettings,
} from './plan-workflow-repository.ts';
export { findPublicEditionRows, type PublicEditionRows } from './public-edition-lookup.ts';
export { quickCheck } from './quick-check.ts';
export { countRateEvents, insertRateEvent, type RateEventKey } from './rate-event-repository.ts';
export { hasReminderBeenSent, insertReminderSent, type ReminderKey } from './reminder-repository.ts';
export { insertReviewNote, listReviewNotes, type ReviewNoteRecord } from './review-note-repository.ts';
export {
  getRound,
  insertRound,
  listOpenRounds,
  listRounds,
  type RoundRecord,
  updateRound,
} from './round-repository.ts';
export { findRoundTaskRows, type RoundTaskRows } from './round-task-lookup.ts';
export {
  insertTaskPart,
  listTaskParts,
  type TaskPartRecord,
} from './round-task-part-repository.ts';
export {
  deleteTasksOfNode,
  getRoundTask,
  insertRoundTasks,
  listRoundTasks,
  listTasksOfNode,
  type TaskRecord,
  type TaskStateChange,
  updateTaskState,
} from './round-task-repository.ts';
export { getOrInsertServerSecret } from './server-secret-repository.ts';
export {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  getSessionWithUser,
  insertSession,
  type SessionRecord,
  touchSession,
} from './session-repository.ts';
export { transaction } from './transaction.ts';
export {
  deleteExpiredUnsavedForms,
  deleteUnsavedForm,
  getUnsavedForm,
  insertUnsavedForm,
  type UnsavedFormRecord,
} from './unsaved-form-repository.ts';
export {
  deleteUploadConflicts,
  listUploadConflicts,
  replaceUploadConflicts,
  type UploadConflictRecord,
} from './upload-conflict-repository.ts';
export {
  countAllUsers,
  countUsers,
  getUserByEmail,
  getUserById,
  insertUser,
  listUsers,
  listUsersByEmail,
  listUsersByStaffId,
  type UserRecord,
  updateUserDisabled,
  updateUserLanguage,
  updateUserLastLogin,
  updateUserPassword,
  updateUserProfile,
} from './user-repository.ts';
