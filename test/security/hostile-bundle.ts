import { OrganizationBundle } from '../../src/domain/index.ts';
import { readOgoriBundle } from '../harness/app-fixture.ts';

/** Markup, script URLs and spreadsheet formulas that must come out as inert text everywhere. */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '</title><svg onload=alert(1)>',
  "'><svg><script>alert(1)</script></svg>",
  '<a href="javascript:alert(1)">x</a>',
  '<style>*{display:none}</style>',
  '=cmd|" /C calc"!A0',
  '+1+cmd|" /C calc"!A0',
  '-2+3+cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
] as const;

/** Keys whose string values are identifiers, enums or dates, not text a person wrote. */
const NOT_TEXT = new Set([
  'format',
  'slug',
  'code',
  'key',
  'kind',
  'direction',
  'level',
  'asOf',
  'issuedOn',
  'status',
  'method',
  'valueBasis',
  'reportingFrequency',
  'localGovernmentCode',
  'departments',
  'source',
  'period',
  'into',
]);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Leaf = { holder: Json[] | { [k: string]: Json }; at: string | number; original: string; path: string };

function textLeaves(value: Json, path: string, key: string, out: Leaf[]) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (typeof v === 'string' && !NOT_TEXT.has(key))
        out.push({ holder: value, at: i, original: v, path: `${path}.${i}` });
      else textLeaves(v, `${path}.${i}`, key, out);
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && !NOT_TEXT.has(k))
        out.push({ holder: value, at: k, original: v, path: `${path}.${k}` });
      else textLeaves(v, `${path}.${k}`, k, out);
    }
  }
}

const set = (l: Leaf, v: string) => {
  (l.holder as Record<string | number, Json>)[l.at] = v;
};

/**
 * The Ogori bundle with a payload in front of every text field (titles, items, goals, indicator names and
 * notes, department and organization names, scale labels, sections) and a comment on every assessment. Fields
 * the schema then refuses (length limits, formats) get their original text back, so the bundle imports.
 */
export function hostileBundle(): { bundle: unknown; injected: number } {
  const bundle = readOgoriBundle() as Json & { plans: { nodes: Json[] }[] };
  const addComments = (nodes: Json[]) => {
    for (const n of nodes as { assessments?: { comment?: string }[]; children?: Json[] }[]) {
      for (const a of n.assessments ?? []) a.comment = '評価のコメント';
      addComments(n.children ?? []);
    }
  };
  for (const p of bundle.plans) addComments(p.nodes);
  const leaves: Leaf[] = [];
  textLeaves(bundle, '', '', leaves);
  leaves.forEach((l, i) => {
    set(l, `${XSS_PAYLOADS[i % XSS_PAYLOADS.length]}${l.original}`);
  });
  for (let round = 0; round < 20; round++) {
    const parsed = OrganizationBundle.safeParse(bundle);
    if (parsed.success) break;
    const bad = new Set(parsed.error.issues.map((i) => `.${i.path.join('.')}`));
    for (const l of leaves) if ([...bad].some((b) => b === l.path || b.startsWith(`${l.path}.`))) set(l, l.original);
  }
  const injected = leaves.filter((l) => (l.holder as Record<string | number, Json>)[l.at] !== l.original).length;
  return { bundle, injected };
}
