import type { Executor } from './executor.ts';

/**
 * The secret stored under `name`, storing `candidate` first when there is none. Two processes starting at once
 * may both offer one: the first insert wins and both read the same value back.
 */
export async function getOrInsertServerSecret(
  db: Executor,
  name: string,
  candidate: string,
  at: string,
): Promise<string> {
  await db
    .insertInto('server_secrets')
    .values({ name, value: candidate, created_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
