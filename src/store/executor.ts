import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database-schema.ts';

/** A database handle or an open transaction; repository functions take whichever the caller holds. */
export type Executor = Kysely<Database> | Transaction<Database>;
