import path from 'node:path';

export type DatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export const DEFAULT_DATABASE_URL = './data/shinchoku.db';

/**
 * Reads DATABASE_URL: a `postgres://` / `postgresql://` URL, or a SQLite file given as `sqlite:PATH` or a plain
 * path (relative paths resolve against `cwd`). `:memory:` is accepted for throwaway databases.
 */
export function parseDatabaseUrl(value: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const raw = (value ?? '').trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(raw)) return { dialect: 'postgres', url: raw };
  let file = raw;
  if (/^sqlite:/i.test(file)) file = file.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  if (file === '') throw new Error(`DATABASE_URL "${raw}" names no SQLite file`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) {
    throw new Error(`DATABASE_URL "${raw}": only postgres:// URLs or SQLite file paths are supported`);
  }
  if (file === ':memory:') return { dialect: 'sqlite', file };
  return { dialect: 'sqlite', file: path.resolve(cwd, file) };
}

/** The target with any password hidden, for logs and messages. */
export function describeDatabaseTarget(target: DatabaseTarget): string {
  if (target.dialect === 'sqlite') return `sqlite:${target.file}`;
  try {
    const u = new URL(target.url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
