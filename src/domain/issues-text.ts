import type { z } from 'zod';

/** The first issue of a zod error as "path: message", for messages from the domain layer. */
export function issuesText(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const path = first.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  return path ? `${path}: ${first.message}` : first.message;
}
