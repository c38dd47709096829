import { issueMessage } from './bundle-issue-message.ts';
import { checkBundleText, type Path } from './check-bundle-text.ts';
import { didYouMean } from './did-you-mean.ts';
import { OrganizationBundle } from './organization-bundle.ts';
import { findUnknownKeys } from './unknown-keys.ts';

/** One problem of a bundle: where (with node codes) and what, in Japanese and English. */
export interface BundleIssue {
  /** e.g. "plans[0].nodes[3-2].indicators[0].target" */
  path: string;
  message: string;
  messageEn: string;
}

export type BundleValidation =
  | { ok: true; value: OrganizationBundle }
  | { ok: false; issues: BundleIssue[]; total: number };

/** A plan office fixes a file from one list; past this many the rest are counted, not listed. */
export const MAX_BUNDLE_ISSUES = 50;

/**
 * Checks a whole bundle and lists every problem at once, in the order of the file: type and format errors,
 * keys the schema does not know (with the key probably meant), and references to departments, plans, scales,
 * levels and nodes that do not exist (with the ones that do), control characters and over-long text. The frozen
 * content of published editions is checked by the schema only: an old edition keeps what it was published with.
 * A bundle nested deeper than any plan is refused with that one problem before a schema reads it.
 *
 * @example validateBundle({ format: 'shinchoku/v1', organization: { slug: 'x', name: 'X' }, plans: [] }).ok // true
 */
export function validateBundle(input: unknown): BundleValidation {
  const text = checkBundleText(input);
  if (text[0]?.tooDeep) {
    const [deep] = text;
    return {
      ok: false,
      total: 1,
      issues: [{ path: bundlePath(input, deep.path), message: deep.message.ja, messageEn: deep.message.en }],
    };
  }
  const parsed = OrganizationBundle.safeParse(input);
  const found: { path: Path; message: { ja: string; en: string } }[] = [];
  const reported = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as Path;
      found.push({ path, message: issueMessage(issue, valueAt(input, path)) });
      reported.add(JSON.stringify(path));
    }
  }
  // A field with its own, tighter limit has already said so.
  found.push(...text.filter((t) => !reported.has(JSON.stringify(t.path))));
  const frozen = (p: Path) => p[0] === 'editions' && p[2] === 'content';
  for (const u of findUnknownKeys(OrganizationBundle, input, frozen)) {
    const meant = didYouMean(u.key, u.known);
    found.push({
      path: [...u.path, u.key],
      message: meant
        ? {
            ja: `「${u.key}」という項目はありません。「${meant}」の誤りではありませんか`,
            en: `unknown key "${u.key}"; did you mean "${meant}"?`,
          }
        : {
            ja: `「${u.key}」という項目はありません（使える項目: ${u.known.join(', ')}）`,
            en: `unknown key "${u.key}" (allowed: ${u.known.join(', ')})`,
          },
    });
  }
  if (found.length === 0 && parsed.success) return { ok: true, value: parsed.data };
  const order = (p: Path) => documentOrder(input, p);
  found.sort((a, b) => compareOrder(order(a.path), order(b.path)));
  return {
    ok: false,
    total: found.length,
    issues: found.slice(0, MAX_BUNDLE_ISSUES).map((f) => ({
      path: bundlePath(input, f.path),
      message: f.message.ja,
      messageEn: f.message.en,
    })),
  };
}

/**
 * The path as a plan office reads it: plan nodes by their code instead of their place in the tree
 * (`plans[0].nodes[3-2]` for `plans[0].nodes[2].children[1]`), indices elsewhere.
 */
export function bundlePath(input: unknown, path: Path): string {
  let out = '';
  let value: unknown = input;
  for (let i = 0; i < path.length; i++) {
    const p = path[i]!;
    if (p === 'nodes' && typeof path[i + 1] === 'number') {
      // Follow nodes[i].children[j]… down to the node the issue is in.
      let node = child(value, 'nodes', path[i + 1] as number);
      let j = i + 2;
      while (path[j] === 'children' && typeof path[j + 1] === 'number') {
        node = child(node, 'children', path[j + 1] as number);
        j += 2;
      }
      const code = isRecord(node) && typeof node.code === 'string' && node.code.trim() !== '' ? node.code : undefined;
      if (code !== undefined) {
        out += `${out ? '.' : ''}nodes[${code}]`;
        value = node;
        i = j - 1;
        continue;
      }
    }
    out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${p}`;
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[p] : undefined;
  }
  return out || '(root)';
}

function child(value: unknown, key: string, index: number): unknown {
  const list = isRecord(value) ? value[key] : undefined;
  return Array.isArray(list) ? list[index] : undefined;
}

function valueAt(input: unknown, path: Path): unknown {
  let v = input;
  for (const p of path) v = isRecord(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** Position of a path in the file: array indices, and for keys their place in the object (absent keys last). */
function documentOrder(input: unknown, path: Path): number[] {
  const out: number[] = [];
  let v = input;
  for (const p of path) {
    if (typeof p === 'number') out.push(p);
    else {
      const keys = isRecord(v) ? Object.keys(v) : [];
      const k = keys.indexOf(p);
      out.push(k === -1 ? Number.MAX_SAFE_INTEGER : k);
    }
    v = isRecord(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[p] : undefined;
  }
  return out;
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
