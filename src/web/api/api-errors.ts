import { type Hook, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isAppError, type Localized } from '../../app/index.ts';
import { issueMessage } from '../../domain/index.ts';

/** One refused parameter: where, and why in Japanese and English (as the error's own message). */
export interface ApiIssue {
  path: string;
  message: string;
  messageEn: string;
}

/** The API's one error shape, as the document states it. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not-found' }),
      message: z.string().openapi({ example: '取組「99-9」が見つかりません' }),
      messageEn: z.string().openapi({ example: 'initiative "99-9" not found' }),
      issues: z
        .array(z.object({ path: z.string(), message: z.string(), messageEn: z.string() }))
        .optional()
        .openapi({ description: 'Each refused parameter, with its message in Japanese and English' }),
    }),
  })
  .openapi('Error');

/** An error body: a stable code and the message in both languages; `issues` lists what was refused. */
export function errorBody(code: string, message: Localized, issues?: ApiIssue[]) {
  return { error: { code, message: message.ja, messageEn: message.en, ...(issues && { issues }) } };
}

const INVALID_PARAMETER: Localized = { ja: 'パラメータの値が正しくありません', en: 'Invalid parameter' };

/**
 * The answer to every request whose path or query its route's schema refuses (every route's validation ends
 * here): 400 with each refused parameter, in the words bundle checks use.
 */
// biome-ignore lint/suspicious/noExplicitAny: the one hook serves routes of every input and path.
export const validationHook: Hook<any, any, any, any> = (result, c) => {
  if (result.success) return;
  const input: Record<string, string> = result.target === 'param' ? c.req.param() : c.req.query();
  const issues = result.error.issues.map((i) => {
    // The value as sent, so "abc" for a number reads as not a number rather than as missing.
    const m = issueMessage(i, input[String(i.path[0])]);
    return { path: i.path.join('.'), message: m.ja, messageEn: m.en };
  });
  return c.json(errorBody('invalid-input', INVALID_PARAMETER, issues), 400);
};

/** A not-found the app raised (unknown organization, plan, edition) as the API's 404; undefined for anything else. */
export const notFoundJson = (c: Context, e: unknown) =>
  isAppError(e) && e.status === 404 ? c.json(errorBody(e.code, { ja: e.messageJa, en: e.messageEn }), 404) : undefined;
