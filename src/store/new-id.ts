import { randomUUID } from 'node:crypto';

/** Row ids are made by the app, so both dialects use plain text keys and ids never depend on insert order. */
export function newId(): string {
  return randomUUID();
}
