import type { Generated } from 'kysely';

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
  /** 1 for the edition shown publicly by default (the latest published). */
  is_current: number;
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

export interface Database {
  organizations: OrganizationsTable;
  departments: DepartmentsTable;
  plans: PlansTable;
  plan_nodes: PlanNodesTable;
  node_departments: NodeDepartmentsTable;
  editions: EditionsTable;
  audit_events: AuditEventsTable;
}
