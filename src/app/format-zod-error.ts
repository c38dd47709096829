import type { z } from 'zod';
import { issueMessage } from '../domain/index.ts';
import type { FieldErrors, Localized } from './errors.ts';
import { FIELD_MESSAGES, type FieldMessageKey } from './field-messages.ts';

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

/**
 * A form schema's issues as field errors. A schema names its messages by a key of FIELD_MESSAGES (so both
 * languages come from one table); zod's own checks get the words bundles get (issueMessage), e.g. a limit. `field`
 * puts every issue on one field (a schema of one form input).
 */
export function zodFieldErrors(error: z.ZodError, field?: string): FieldErrors {
  const out: FieldErrors = {};
  for (const i of error.issues) {
    const path = field ?? formatIssuePath(i.path);
    if (out[path]) continue;
    out[path] = FIELD_MESSAGES[i.message as FieldMessageKey] ?? issueMessage(i, undefined);
  }
  return out;
}

/**
 * The first problem a schema found in `input`, with its path, in Japanese and English ("nodes[0].title: 500文字以内に
 * してください（620文字あります）" style, from the messages bundles get).
 */
export function firstIssueMessage(error: z.ZodError, input: unknown): Localized {
  const issue = error.issues[0]!;
  let value = input;
  for (const p of issue.path)
    value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[p] : undefined;
  const m = issueMessage(issue, value);
  const path = formatIssuePath(issue.path);
  return { ja: `${path}: ${m.ja}`, en: `${path}: ${m.en}` };
}
