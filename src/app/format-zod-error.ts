import type { z } from 'zod';

/** "plans[0].nodes[2].code" style path, as users see it in messages. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out || '(root)';
}

export interface InputIssue {
  path: string;
  message: string;
}

export function issuesOf(error: z.ZodError): InputIssue[] {
  return error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message }));
}
