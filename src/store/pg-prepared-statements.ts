import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** "cached plan must not change result type": a table under a prepared statement changed (an upgrade). */
const PLAN_OUTDATED = '0A000';

/**
 * A pool for Kysely whose queries run as named prepared statements. PostgreSQL parses and plans every unnamed
 * statement anew, and for the joins behind the report form that is most of the work: the round-task lookup
 * took 0.88 ms a round trip unnamed and 0.22 ms named (measured over a Unix socket; planning alone was 0.45 ms).
 * Each connection prepares a statement text the first time it runs it; PostgreSQL then keeps custom or generic
 * plans as it judges best (plan_cache_mode). At most `limit` texts per connection are prepared (texts that vary,
 * like IN lists of varying length, use the slots up and then run unnamed), so a backend's memory stays bounded.
 * Statements without parameters (BEGIN, COMMIT, migrations' DDL) always run unnamed.
 *
 * A statement prepared before another process changed its table fails once with PLAN_OUTDATED; the connection
 * is then discarded rather than returned to the pool, and the next one prepares afresh. With `limit` 0 nothing
 * is prepared; the pool is still wrapped, for the error handling of checked-out clients.
 */
export function withPreparedStatements(
  pool: pg.Pool,
  limit: number,
  onConnectionError: (err: Error) => void = () => {},
): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let preparing = clients.get(client);
      if (!preparing) {
        preparing = preparingClient(client, limit, onConnectionError);
        clients.set(client, preparing);
      }
      return preparing;
    },
    end: () => pool.end(),
  };
}

function preparingClient(
  client: pg.PoolClient,
  limit: number,
  onConnectionError: (err: Error) => void,
): PostgresPoolClient {
  const names = new Map<string, string>();
  let outdated = false;
  let broken: Error | undefined;
  // A checked-out client whose connection dies (pg_terminate_backend, PostgreSQL stopped) emits 'error'; the
  // pool listens only while the client is idle, and an 'error' nobody hears ends the process. The query in
  // flight fails on its own; this keeps the process up and makes release() discard the connection.
  client.on('error', (err) => {
    broken = err;
    onConnectionError(err);
  });
  const query = async (text: string, values: readonly unknown[]) => {
    let name = names.get(text);
    if (name === undefined && names.size < limit) {
      name = `shinchoku_${names.size + 1}`;
      names.set(text, name);
    }
    if (name === undefined) return client.query(text, [...values]);
    try {
      return await client.query({ name, text, values: [...values] });
    } catch (e) {
      if ((e as { code?: string }).code === PLAN_OUTDATED) outdated = true;
      throw e;
    }
  };
  return {
    query: ((textOrCursor: unknown, values?: readonly unknown[]) =>
      typeof textOrCursor === 'string' && values && values.length > 0
        ? query(textOrCursor, values)
        : client.query(textOrCursor as string, values as unknown[])) as unknown as PostgresPoolClient['query'],
    release() {
      // With an error, pg-pool closes the connection instead of keeping it.
      client.release(broken ?? (outdated ? new Error('prepared statements outdated by a schema change') : undefined));
    },
  };
}
