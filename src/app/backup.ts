import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import {
  BACKUP_TABLES,
  clearAllTables,
  knownMigrations,
  migrateToLatest,
  readTable,
  transaction,
  writeAllTables,
} from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { AppError } from './errors.ts';

const BACKUP_FORMAT = 'shinchoku-backup/v1';

const BackupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  sourceDialect: z.enum(['sqlite', 'postgres']),
  migrations: z.array(z.string()),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

function checksum(tables: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(tables)).digest('hex');
}

/**
 * A logical, gzip-compressed backup of every table, read in one transaction so it is consistent while the
 * server keeps running. It restores into either dialect, which is also the SQLite → PostgreSQL move.
 */
export async function createBackup(ctx: AppContext): Promise<Buffer> {
  const tables = await transaction(ctx.store, async (tx) => {
    const out: Record<string, Record<string, unknown>[]> = {};
    for (const table of BACKUP_TABLES) out[table] = await readTable(tx, table);
    return out;
  });
  const file = {
    format: BACKUP_FORMAT,
    createdAt: ctx.now().toISOString(),
    sourceDialect: ctx.store.dialect,
    migrations: knownMigrations(),
    sha256: checksum(tables),
    tables,
  };
  return gzipSync(Buffer.from(JSON.stringify(file)));
}

/** Restores a backup into an empty database (or, with `force`, replaces everything in it). */
export async function restoreBackup(ctx: AppContext, data: Buffer, options: { force?: boolean } = {}) {
  let json: unknown;
  try {
    const raw = data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('invalid-backup', {
      ja: 'バックアップファイルを読み取れません（壊れているか、Shinchoku のバックアップではありません）',
      en: 'cannot read the backup file (it is damaged or not a Shinchoku backup)',
    });
  }
  const parsed = BackupFile.safeParse(json);
  if (!parsed.success) {
    throw new AppError('invalid-backup', {
      ja: 'Shinchoku のバックアップ形式ではありません',
      en: 'not a Shinchoku backup file',
    });
  }
  const backup = parsed.data;
  if (checksum(backup.tables) !== backup.sha256) {
    throw new AppError('invalid-backup', {
      ja: 'バックアップの内容が破損しています（チェックサム不一致）',
      en: 'the backup is corrupted (checksum mismatch)',
    });
  }
  const known = new Set(knownMigrations());
  const unknown = backup.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new AppError('invalid-backup', {
      ja: `このバックアップは新しい版で作られています（未知の移行: ${unknown.join(', ')}）`,
      en: `this backup comes from a newer release (unknown migrations: ${unknown.join(', ')})`,
    });
  }
  await migrateToLatest(ctx.store.db);
  return transaction(ctx.store, async (tx) => {
    const orgs = await readTable(tx, 'organizations');
    if (orgs.length > 0 && !options.force) {
      throw new AppError('database-not-empty', {
        ja: '復元先のデータベースが空ではありません（上書きするには --force を指定してください）',
        en: 'the target database is not empty (use --force to overwrite it)',
      });
    }
    await clearAllTables(tx);
    await writeAllTables(tx, backup.tables);
    const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, backup.tables[t]?.length ?? 0]));
    return { createdAt: backup.createdAt, counts };
  });
}
