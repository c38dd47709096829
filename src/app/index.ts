export { type Actor, actorId, type Role, systemActor } from './actor.ts';
export { type AppContext, createAppContext } from './app-context.ts';
export { createBackup, restoreBackup } from './backup.ts';
export { checkReady } from './check-ready.ts';
export { ensureSeeded } from './ensure-seeded.ts';
export { AppError, conflict, type ErrorCode, isAppError, notFound } from './errors.ts';
export { bundleToJson, exportBundle } from './export-bundle.ts';
export { formatIssuePath, type InputIssue, issuesOf } from './format-zod-error.ts';
export { getPublicEdition, listPublicPlans, type PublicEdition } from './get-public-edition.ts';
export { type ImportBundleProps, type ImportBundleResult, importBundle } from './import-bundle.ts';
export { listOrganizations } from './list-organizations.ts';
export { type LoadedPlan, loadPlan, requireOrganization } from './load-plan.ts';
export { type PlanSummary, planSummary, type SummaryRow } from './plan-summary.ts';
export { type PublishEditionProps, publishEdition } from './publish-edition.ts';
export {
  type NodeChanges,
  type UpdateNodeProps,
  type UpdateNodeResult,
  updateNodeSheet,
  updateNodeSheetIn,
} from './update-node.ts';
