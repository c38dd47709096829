import { type Compilable, type CompiledQuery, createQueryId, type QueryResult } from 'kysely';
import type { Executor } from './executor.ts';

const MARKER = '\u0000shinchoku-value:';

interface Template {
  compiled: CompiledQuery;
  /** For each parameter, the argument it takes, or undefined for a constant of the query. */
  args: (string | undefined)[];
}

/**
 * A query whose SQL never changes, only its values, built and compiled once per dialect. Kysely builds and
 * compiles each query anew, and for the wide joins on the hot paths (the session on every staff request, the
 * report form) that cost more of the app's time than the database did (117 µs for the round-task lookup,
 * measured). The query is built once with a marker for each argument; later calls put the arguments in the
 * markers' places. The query's shape must not depend on the arguments, and they must reach the SQL as plain
 * values: building fails when a marker did not end up as a parameter of its own (say, inside JSON.stringify).
 */
export function compiledOnce<A extends object, R>(
  build: (db: Executor, args: A) => Compilable<R>,
): (db: Executor, args: A) => Promise<QueryResult<R>> {
  const templates = new WeakMap<object, Template>();
  return async (db, args) => {
    // The adapter stands for the dialect: a transaction shares it with the handle it came from.
    const dialect = db.getExecutor().adapter;
    let template = templates.get(dialect);
    if (!template) {
      template = compileTemplate(db, build);
      templates.set(dialect, template);
    }
    const values = args as Record<string, unknown>;
    const parameters = template.compiled.parameters.map((constant, i) => {
      const name = template.args[i];
      return name === undefined ? constant : values[name];
    });
    return db.executeQuery<R>({ ...template.compiled, queryId: createQueryId(), parameters });
  };
}

function compileTemplate<A extends object, R>(db: Executor, build: (db: Executor, args: A) => Compilable<R>): Template {
  const used = new Set<string>();
  const markers = new Proxy({} as A, {
    get(_, key) {
      used.add(String(key));
      return `${MARKER}${String(key)}`;
    },
  });
  const compiled = build(db, markers).compile();
  const args = compiled.parameters.map((p) =>
    typeof p === 'string' && p.startsWith(MARKER) ? p.slice(MARKER.length) : undefined,
  );
  const placed = new Set(args.filter((a) => a !== undefined));
  const lost = [...used].filter((key) => !placed.has(key));
  if (lost.length > 0 || compiled.sql.includes(MARKER)) {
    throw new Error(`compiledOnce: ${lost.join(', ')} must be passed to the query as plain values`);
  }
  return { compiled, args };
}
