import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: never import application code here; later changes go in new migration files.
// An e-mail address is unique within an organization, no longer in the installation: an administrator adding an
// address another organization already uses must not learn that it does (the refusal told). Login names the
// organization when an address or staff ID is used by more than one.
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.alterTable('users').dropConstraint('users_email_uq').execute();
    await db.schema
      .alterTable('users')
      .addUniqueConstraint('users_org_email_uq', ['organization_id', 'email'])
      .execute();
  } else {
    // SQLite cannot drop a table's UNIQUE constraint: the table is rebuilt (sqlite.org/lang_altertable.html,
    // "other kinds of table schema changes"), foreign keys off meanwhile so sessions and notes keep their rows.
    // SQLite runs migrations outside a transaction, so the rebuild takes one of its own.
    await sql`pragma foreign_keys = off`.execute(db);
    try {
      await sql`begin immediate`.execute(db);
      await db.schema
        .createTable('users_new')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('staff_id', 'text')
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('department_code', 'text')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('password_changed_at', 'text', (c) => c.notNull())
        .addColumn('last_login_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('users_org_email_uq', ['organization_id', 'email'])
        .addUniqueConstraint('users_org_staff_id_uq', ['organization_id', 'staff_id'])
        .execute();
      await sql`insert into users_new (id, organization_id, email, staff_id, display_name, password_hash, role,
        department_code, disabled, must_change_password, created_at, updated_at, password_changed_at, last_login_at,
        version)
        select id, organization_id, email, staff_id, display_name, password_hash, role, department_code, disabled,
        must_change_password, created_at, updated_at, password_changed_at, last_login_at, version from users`.execute(
        db,
      );
      await db.schema.dropTable('users').execute();
      await db.schema.alterTable('users_new').renameTo('users').execute();
      await db.schema.createIndex('users_staff_id_idx').on('users').column('staff_id').execute();
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error(`users rebuild left ${broken.rows.length} broken references`);
      await sql`commit`.execute(db);
    } catch (e) {
      await sql`rollback`.execute(db).catch(() => undefined);
      throw e;
    } finally {
      await sql`pragma foreign_keys = on`.execute(db);
    }
  }
  // Sign-in still looks an address up across organizations.
  await db.schema.createIndex('users_email_idx').on('users').column('email').execute();
}
