import { z } from 'zod';
import { EditionContent } from '../domain/index.ts';

/** The full-fidelity JSON of one published edition: everything the edition holds, nothing derived. */
export const EditionJson = z.object({
  format: z.literal('shinchoku-edition/v1'),
  edition: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    fy: z.number().int(),
    publishedAt: z.string().min(1),
    contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  content: EditionContent,
});
export type EditionJson = z.output<typeof EditionJson>;

/**
 * Writes an edition as JSON (2-space indent, trailing newline). Reading it back with `parseEditionJson` gives the
 * same object, and writing that again gives the same text.
 */
export function writeEditionJson(doc: EditionJson): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export type ParsedEditionJson =
  | { ok: true; value: EditionJson }
  | { ok: false; issues: { path: string; message: string }[] };

/** Reads and validates edition JSON; issues name the JSON path ("content.plan.nodes[0].code"). */
export function parseEditionJson(text: string): ParsedEditionJson {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: `not JSON: ${(e as Error).message}` }] };
  }
  const parsed = EditionJson.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({
      path: i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n > 0 ? '.' : ''}${String(p)}`)).join(''),
      message: i.message,
    })),
  };
}
