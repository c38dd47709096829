export { type Actor, actorId, type Role, systemActor } from './actor.ts';
export { addMissingOrganizations } from './add-missing-organizations.ts';
export { addReviewComment } from './add-review-comment.ts';
export { type AppContext, createAppContext } from './app-context.ts';
export {
  applyDepartmentUpload,
  type DepartmentUploadResult,
  type DepartmentUploadTarget,
  type SkippedRow,
  type UploadOutcome,
  uploadRejected,
} from './apply-department-upload.ts';
export { type AuthSettings, authSettingsFromEnv, DEFAULT_AUTH_SETTINGS } from './auth-settings.ts';
export {
  type Action,
  authorize,
  can,
  forbidden,
  POLICY,
  type Resource,
  ROLES,
  type Scope,
  scopeOf,
} from './authorize.ts';
export { createBackup, restoreBackup } from './backup.ts';
export { changeOwnPassword } from './change-own-password.ts';
export { checkReady } from './check-ready.ts';
export { compareEditions, type EditionComparison, type EditionRef } from './compare-editions.ts';
export { comparePublicEditions, type PublicComparison } from './compare-public-editions.ts';
export { type CopyPlanStructureProps, copyPlanStructure } from './copy-plan-structure.ts';
export { type CreatePlanFromTemplateProps, createPlanFromTemplate } from './create-plan-from-template.ts';
export { CreateUserInput, type CreateUserResult, createUser } from './create-user.ts';
export { databaseUnavailable, expectedError } from './database-unavailable.ts';
export {
  CellRef,
  DepartmentUpload,
  describeIssue,
  type UploadIssue,
  uploadIssue,
} from './department-upload.ts';
export {
  type DepartmentInitiative,
  type DepartmentView,
  describeDepartment,
  listPlanDepartments,
} from './describe-department.ts';
export { describeGoal, type GoalView } from './describe-goal.ts';
export type { PartYearValue } from './describe-indicator.ts';
export {
  type DimensionView,
  describeDimensions,
  describeIndicator,
  describeInitiative,
  type IndicatorView,
  type InitiativeView,
  resolveDepartments,
} from './describe-initiative.ts';
export { describePlan, type GoalOverview, type PlanOverview, periodYears, rollupOf } from './describe-plan.ts';
export { editIndicator, editNode, type IndicatorFormInput, type NodeFormInput } from './edit-node.ts';
export { editPlanEvaluation, previewPlanEvaluation } from './edit-plan-evaluation.ts';
export { editPlanSettings, PlanSettingsInput } from './edit-plan-settings.ts';
export { editSheetFields, type SheetFieldChange, sheetsUsing } from './edit-sheet-fields.ts';
export {
  buildPageViews,
  fillPageViews,
  freshPageView,
  PAGE_VIEWS_VERSION,
  type PageSlice,
  type PageViewData,
  type PageViewKind,
  type PageViewSource,
  storedPageView,
} from './edition-page-views.ts';
export {
  type EditionKey,
  type EditionViewRecord,
  editionKey,
  listEditionsLacking,
  listEditionViews,
  loadEditionForViews,
  readEditionView,
  storeEditionViews,
} from './edition-views.ts';
export { ensureFirstAdmin, type FirstAdmin } from './ensure-first-admin.ts';
export { ensureSeeded } from './ensure-seeded.ts';
export {
  AppError,
  type AppErrorDetails,
  conflict,
  type ErrorCode,
  type FieldErrors,
  invalidInput,
  isAppError,
  type Localized,
  notFound,
} from './errors.ts';
export { type EvaluationFormValues, evaluationFormOf, MISSING_REASONS } from './evaluation-form.ts';
export { bundleToJson, exportBundle } from './export-bundle.ts';
export { FIELD_MESSAGES, type FieldMessageKey } from './field-messages.ts';
export {
  filterInitiatives,
  filterRows,
  type InitiativeFilters,
  type InitiativeRow,
  initiativeRows,
} from './filter-initiatives.ts';
export { findPublicEdition, type PublicEditionStamp } from './find-public-edition.ts';
export { forgetUploadConflicts } from './forget-upload-conflicts.ts';
export { formatIssuePath, type InputIssue, issuesOf, zodFieldErrors } from './format-zod-error.ts';
export { type DepartmentSheetNode, type DepartmentSheets, getDepartmentSheets } from './get-department-sheets.ts';
export { type ExecutiveView, getExecutiveView, type KpiAtRisk, type RatingDrop } from './get-executive-view.ts';
export { getNodeHistory, type HistoryEntry } from './get-node-history.ts';
export {
  type EditableNode,
  getNodeForEditing,
  getPlanForEditing,
  type PlanForEditing,
} from './get-plan-for-editing.ts';
export { getPublicEdition, listPublicPlans, type PublicEdition, withContent } from './get-public-edition.ts';
export { getPublishStatus, type PublishStatus } from './get-publish-status.ts';
export { getReport, type ReportView } from './get-report.ts';
export { type BoardRow, getRoundBoard, listMyTasks, type RoundBoard, type StateCounts } from './get-round-board.ts';
export { getUploadConflicts, type KeptUploadConflicts } from './get-upload-conflicts.ts';
export { bundleRejected, type ImportBundleProps, type ImportBundleResult, importBundle } from './import-bundle.ts';
export { nodesWithIndicators, overrideField, overrideFormOf } from './indicator-overrides.ts';
export { lintStoredPlan, type PlanLintReport, planLintReport } from './lint-plan.ts';
export { type AchievementSort, listAchievements, sortAchievements } from './list-achievements.ts';
export { listOrganizations } from './list-organizations.ts';
export { listPublicPlanListings, type PublicPlanListing } from './list-public-plan-listings.ts';
export { listStaffDepartments } from './list-staff-departments.ts';
export { listStaffPlans, type StaffPlanEntry } from './list-staff-plans.ts';
export { listWaitingWork, type RoundWork, WORK_LISTS, type WorkList } from './list-waiting-work.ts';
export { type LoadedPlan, loadPlan, requireOrganization } from './load-plan.ts';
export { localDate } from './local-date.ts';
export { type LoginProps, type LoginResult, login } from './login.ts';
export { issueLoginFormToken, LOGIN_FORM_TOKEN_SECONDS, loginFormTokenAge } from './login-form-token.ts';
export { createSmtpMailer, type Mailer, type MailMessage, mailerFromEnv } from './mailer.ts';
export { addDepartment, renameDepartment } from './manage-departments.ts';
export {
  getReviewSettings,
  listRounds,
  type ReviewSettings,
  type RoundSummary,
  setReviewSettings,
  updateRoundSettings,
} from './manage-rounds.ts';
export { listStaffUsers, resetUserPassword, setUserDisabled } from './manage-users.ts';
export type { UploadConflict } from './merge-stale-upload.ts';
export { levelOfNode } from './node-level.ts';
export { type OpenRoundProps, openReportingRound } from './open-reporting-round.ts';
export { generatePassword, MIN_PASSWORD_LENGTH } from './password.ts';
export { type PlanSummary, planSummary, type SummaryRow } from './plan-summary.ts';
export { listPlanTemplates, loadPlanTemplate } from './plan-templates.ts';
export { type PublishEditionProps, publishEdition } from './publish-edition.ts';
export { type RatingView, ratingView, scaleOf } from './rating-view.ts';
export { type ReminderKind, reminderKinds } from './reminder-kinds.ts';
export { departmentFields, type FieldFrame, fieldInputName, fieldInputsOf, planYears } from './report-fields.ts';
export { parseNumber, ReportValues, type ReportValuesInput } from './report-form.ts';
export { addNode, deletePlanNode, moveNode } from './restructure-plan.ts';
export {
  DEFAULT_REVIEW_CHAIN,
  ReviewChain,
  ReviewStep,
  TASK_STATE_LABELS,
  TASK_STATES,
  type TaskState,
} from './review-chain.ts';
export { type ReviewReportProps, reviewReport } from './review-report.ts';
export { type ReportConflict, type SaveReportProps, saveReport } from './save-report.ts';
export { type SearchResult, searchInitiatives, searchRows } from './search-initiatives.ts';
export {
  buildSearchIndex,
  highlightRanges,
  normalizeForSearch,
  SEARCH_WEIGHTS,
  type SearchDocument,
  type SearchEntry,
  type SearchField,
  type SearchHit,
  type SearchIndex,
  searchIndex,
  searchTerms,
} from './search-plan.ts';
export { type ReminderResult, sendRoundReminders } from './send-round-reminders.ts';
export { type StaffLanguage, setOwnLanguage } from './set-own-language.ts';
export { SheetFieldFormInput, sheetFieldFormOf } from './sheet-field-form.ts';
export {
  type EndedSession,
  logout,
  resolveStaffRequest,
  resolveStaffSession,
  type StaffSession,
} from './staff-session.ts';
export {
  DEPARTMENT_ROLES,
  normalizeEmail,
  ROLE_LABELS,
  RoleSchema,
  type StaffUser,
} from './staff-user.ts';
export { throttleUpload, UPLOAD_THROTTLE, uploadThrottled } from './throttle-upload.ts';
export { forgetUnsavedForm, keepUnsavedForm, UNSAVED_FORM_MINUTES, unsavedFormOf } from './unsaved-form.ts';
export {
  type NodeChanges,
  type UpdateNodeProps,
  type UpdateNodeResult,
  updateNodeSheet,
  updateNodeSheetIn,
} from './update-node.ts';
export { type WithdrawEditionProps, withdrawEdition } from './withdraw-edition.ts';
