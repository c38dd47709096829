import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every query on a tenant-owned table names organization_id (DESIGN.md: "every tenant-owned row carries
 * organization_id and is always queried with it"), so a row id from another organization finds and changes
 * nothing and the data can later be sharded by organization. This reads the repositories' source: a query on a
 * tenant table whose statement never mentions organization_id fails here, unless its function is listed below
 * with the reason it is installation-wide. test/app/two-organizations.test.ts checks the behaviour.
 */

const STORE = path.resolve(import.meta.dirname, '../../src/store');
const schema = readFileSync(path.join(STORE, 'database-schema.ts'), 'utf8');

/** Tables whose row interface has an organization_id column, by their name in `Database`. */
function tenantTables(): string[] {
  const withOrg = [...schema.matchAll(/export interface (\w+Table) \{([^}]*)\}/g)]
    .filter((m) => /\borganization_id\b/.test(m[2] ?? ''))
    .map((m) => m[1]);
  const db = /export interface Database \{([^}]*)\}/.exec(schema)?.[1] ?? '';
  return [...db.matchAll(/(\w+): (\w+Table);/g)].filter((m) => withOrg.includes(m[2])).map((m) => m[1] as string);
}

const INSTALLATION_WIDE: Record<string, string> = {
  // The session id is a 256-bit secret; it is the key, and the row says which organization it belongs to.
  touchSession: 'session lookup by secret id',
  deleteSession: 'session lookup by secret id',
  deleteExpiredSessions: 'housekeeping of every organization',
  deleteExpiredUnsavedForms: 'housekeeping of every organization',
  // Sign-in happens before an organization is known.
  listUsersByEmail: 'sign-in',
  listUsersByStaffId: 'sign-in',
  countAllUsers: 'first-run check of the installation',
  // The reminder job runs for every organization and filters when given one.
  listOpenRounds: 'scheduler over all organizations',
  // An imported edition keeps its id only when no edition of any organization has it: ids are one key space.
  isEditionIdTaken: 'edition ids are unique across the installation',
};

interface Query {
  file: string;
  fn: string;
  table: string;
  statement: string;
}

function queriesIn(file: string, tables: string[]): Query[] {
  const text = readFileSync(path.join(STORE, file), 'utf8');
  const out: Query[] = [];
  // 'plans as p' in a join counts as plans: the statement must still name organization_id somewhere.
  for (const m of text.matchAll(/\.(selectFrom|deleteFrom|updateTable)\('(\w+)(?: as \w+)?'\)/g)) {
    const table = m[2] as string;
    if (!tables.includes(table)) continue;
    const start = m.index ?? 0;
    const end = text.indexOf(';', start);
    const before = text.slice(0, start);
    const fn = [...before.matchAll(/(?:export )?(?:async )?function (\w+)/g)].at(-1)?.[1] ?? '(top level)';
    out.push({ file, fn, table, statement: text.slice(start, end === -1 ? undefined : end) });
  }
  return out;
}

describe('tenant filter in the store', () => {
  const tables = tenantTables();

  it('knows the tenant tables from the schema', () => {
    expect(tables).toContain('plans');
    expect(tables).toContain('plan_nodes');
    expect(tables).toContain('node_departments');
    expect(tables).toContain('editions');
    expect(tables).not.toContain('organizations');
  });

  it('names organization_id in every query on a tenant table', () => {
    const files = readdirSync(STORE).filter((f) => f.endsWith('-repository.ts'));
    const unfiltered = files
      .flatMap((f) => queriesIn(f, tables))
      .filter((q) => !q.statement.includes('organization_id') && !(q.fn in INSTALLATION_WIDE))
      .map((q) => `${q.file} ${q.fn}: ${q.table}`);
    expect(unfiltered).toEqual([]);
  });
});
