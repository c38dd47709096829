import type { ColumnType, Generated } from 'kysely';

/**
 * Column types shared by SQLite and PostgreSQL: ids are text (UUIDs made by the app, so no dialect-specific
 * identity columns), timestamps are ISO-8601 text (sortable, same on both), booleans are 0/1 integers, JSON is
 * text. Every tenant-owned row carries organization_id and every editable row a version for optimistic locking.
 */
export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  name_en: string | null;
  local_government_code: string | null;
  prefecture: string | null;
  /** IANA zone the organization's dates are read in; null is Asia/Tokyo. */
  time_zone: string | null;
  created_at: string;
  version: Generated<number>;
}

export interface DepartmentsTable {
  id: string;
  organization_id: string;
  code: string;
  name: string;
  name_en: string | null;
  parent_code: string | null;
  sort_order: number;
  version: Generated<number>;
}

export interface PlansTable {
  id: string;
  organization_id: string;
  slug: string;
  title: string;
  status: string;
  /** JSON: the plan document without its nodes (levels, scales, sections, period…). */
  settings: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface PlanNodesTable {
  id: string;
  organization_id: string;
  plan_id: string;
  parent_id: string | null;
  code: string;
  title: string;
  depth: number;
  sort_order: number;
  lifecycle_status: string;
  /** JSON: the node's sheet (departments, 現状/課題, 目標, 工程表, KPIs, assessments…), children excluded. */
  content: string;
  updated_at: string;
  version: Generated<number>;
}

/** Which 課 a node is assigned to, kept in step with content.departments for permission queries. */
export interface NodeDepartmentsTable {
  organization_id: string;
  node_id: string;
  department_code: string;
  position: number;
}

export interface EditionsTable {
  id: string;
  organization_id: string;
  plan_id: string;
  name: string;
  fy: number;
  published_at: string;
  published_by: string | null;
  /** JSON EditionContent, frozen. */
  content: string;
  content_sha256: string;
  /** 1 for the edition shown publicly by default (the latest published that is not withdrawn). */
  is_current: number;
  /** Set when the plan office withdrew (取り下げ) the edition: no public lookup serves it from then on. */
  withdrawn_at: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawn_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The edition this one corrects (訂正版), if it is a correction. */
  corrects_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuditEventsTable {
  id: string;
  organization_id: string;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface UsersTable {
  id: string;
  organization_id: string;
  /** Lower-cased; unique in the installation. */
  email: string;
  staff_id: string | null;
  display_name: string;
  /** argon2id PHC string. */
  password_hash: string;
  role: string;
  department_code: string | null;
  disabled: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
  last_login_at: string | null;
  version: Generated<number>;
  /** 'ja' or 'en'; null until the user chooses. */
  language: string | null;
}

export interface SessionsTable {
  /** sha256 (hex) of the cookie token. */
  id: string;
  organization_id: string;
  user_id: string;
  csrf_secret: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** Installation-wide signing keys (not tenant-owned), by purpose. */
export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

export interface LoginAttemptsTable {
  id: string;
  /** "account" or "ip". */
  key_type: string;
  key: string;
  at: string;
  success: number;
}

export interface PlanReviewSettingsTable {
  organization_id: string;
  plan_id: string;
  /** JSON array of review steps after the editor, e.g. ["department-approver","plan-office"]. */
  review_chain: string;
  reminder_days: number;
  /** 1 (the default): nobody approves a step they sent the report to. */
  separate_duties: Generated<number>;
  updated_at: string;
  version: Generated<number>;
}

export interface ReportingRoundsTable {
  id: string;
  organization_id: string;
  plan_id: string;
  fy: number;
  /** ISO date (YYYY-MM-DD). */
  due_date: string;
  status: string;
  review_chain: string;
  opened_at: string;
  opened_by: string;
  closed_at: string | null;
  version: Generated<number>;
}

export interface RoundTasksTable {
  id: string;
  organization_id: string;
  round_id: string;
  node_id: string;
  state: string;
  step: number;
  returned: Generated<number>;
  submitted_at: string | null;
  approved_at: string | null;
  updated_at: string;
  updated_by: string | null;
  version: Generated<number>;
}

/** A co-department's part of a shared initiative's task, reviewed on its own (plans with each-submits). */
export interface RoundTaskPartsTable {
  id: string;
  organization_id: string;
  task_id: string;
  department_code: string;
  state: string;
  step: number;
  returned: Generated<number>;
  submitted_at: string | null;
  approved_at: string | null;
  updated_at: string;
  updated_by: string | null;
  version: Generated<number>;
}

export interface ReviewNotesTable {
  id: string;
  organization_id: string;
  task_id: string;
  /** The co-department whose part the note is on; null for the lead's sheet. */
  department_code: string | null;
  author_id: string;
  author_name: string;
  step: number;
  /** "return", "approve", "comment". */
  kind: string;
  text: string;
  created_at: string;
}

export interface RemindersSentTable {
  id: string;
  organization_id: string;
  round_id: string;
  user_id: string;
  kind: string;
  sent_on: string;
  sent_at: string;
}

/** A precomputed view of a published edition (see the 2026-12-06-edition-views migration). */
export interface EditionViewsTable {
  edition_id: string;
  organization_id: string;
  /** 'frame', 'home', 'goal/1', 'list', 'search', 'csv/edition', 'pdf/ja', 'xlsx' … */
  name: string;
  version: number;
  /** 'utf8': text in `body`; 'bytes': binary in `bytes` (body empty); 'base64': binary as text (older rows). */
  encoding: 'utf8' | 'base64' | 'bytes';
  body: string;
  bytes: Uint8Array | null;
  created_at: string;
}

/** A form posted after its session ended, kept briefly for the same user (see unsaved-form-repository.ts). */
export interface UnsavedFormsTable {
  id: string;
  organization_id: string;
  user_id: string;
  path: string;
  fields: string;
  created_at: string;
  expires_at: string;
}

/** A workbook field changed on both sides, kept for the uploader (see upload-conflict-repository.ts). */
export interface UploadConflictsTable {
  id: string;
  organization_id: string;
  user_id: string;
  task_id: string;
  department_code: string;
  field: string;
  fy: number;
  indicator_key: string | null;
  sheet: string;
  cell: string;
  base_value: string | null;
  yours: string;
  theirs: string;
  base_version: number;
  created_at: string;
}

export interface Database {
  organizations: OrganizationsTable;
  departments: DepartmentsTable;
  plans: PlansTable;
  plan_nodes: PlanNodesTable;
  node_departments: NodeDepartmentsTable;
  editions: EditionsTable;
  edition_views: EditionViewsTable;
  audit_events: AuditEventsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  server_secrets: ServerSecretsTable;
  plan_review_settings: PlanReviewSettingsTable;
  reporting_rounds: ReportingRoundsTable;
  round_tasks: RoundTasksTable;
  round_task_parts: RoundTaskPartsTable;
  review_notes: ReviewNotesTable;
  reminders_sent: RemindersSentTable;
  unsaved_forms: UnsavedFormsTable;
  upload_conflicts: UploadConflictsTable;
}
