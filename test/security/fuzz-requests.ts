import fc from 'fast-check';
import type { Hono } from 'hono';
import { fieldValue, HOSTILE_STRINGS, headerSafe, hostileString, pct, RAW_URL_JUNK } from './hostile-values.ts';
import { EVERY_WHO, type Who } from './security-fixture.ts';

/**
 * Property-based HTTP requests for the fuzz suite. Routes come from the application's Hono route table, so a
 * new route is fuzzed without anyone listing it. A generated `FuzzSpec` is turned into a Request only when it
 * is sent, because sessions change while the fuzzer runs (it may log a role out).
 */

export type Family = 'api' | 'portal' | 'staff';
export interface FuzzRoute {
  method: string;
  path: string;
  family: Family;
}

/** Every concrete route of the app (middleware-only "ALL" entries left out), each once. */
export function listRoutes(app: Hono): FuzzRoute[] {
  const seen = new Map<string, FuzzRoute>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    const family: Family = r.path.startsWith('/api/') ? 'api' : r.path.startsWith('/staff') ? 'staff' : 'portal';
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path, family });
  }
  return [...seen.values()];
}

export const routeKey = (r: FuzzRoute) => `${r.method} ${r.path}`;

/** Valid values the fuzzer mixes in, so requests get past routing and validation into the use cases. */
export interface FuzzPools {
  params: Record<string, string[]>;
  query: Record<string, string[]>;
  /** Form field names seen in the staff pages plus the ones routes read. */
  fieldNames: string[];
  /** Files for multipart parts: a real 課 workbook, broken ones, a zip bomb, random bytes. */
  files: Uint8Array[];
}

export type BodySpec =
  | { kind: 'none' }
  | { kind: 'form'; fields: [string, string][] }
  | { kind: 'raw-form'; text: string }
  | {
      kind: 'multipart';
      fields: [string, string][];
      files: { field: string; file: number; cut: number; name: string }[];
    }
  | { kind: 'json'; text: string }
  | { kind: 'other'; type: string; text: string }
  | { kind: 'oversize'; multipart: boolean };

export interface FuzzSpec {
  route: string;
  method: string;
  path: string;
  query: string;
  who: Who | 'anonymous' | 'forged';
  forgedCookie: string;
  csrf: 'valid' | 'missing' | 'wrong';
  headers: [string, string][];
  cookies: string[];
  body: BodySpec;
}

const OTHER_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;
const HEADER_VALUES: Record<string, string[]> = {
  'accept-language': ['ja', 'en-US,en;q=0.9', '*', 'zz-ZZ;q=2', ';;;,,', 'ja;q=abc', `${'en,'.repeat(500)}ja`],
  'if-none-match': ['*', '"abc"', 'W/"x", "y"', '"', ',,,'],
  origin: ['ORIGIN', 'null', 'http://evil.example', 'garbage', 'http://', 'ORIGIN/extra'],
  'x-forwarded-for': ['1.2.3.4', 'unknown', ', , ,', '::1, 10.0.0.1'],
  'x-forwarded-proto': ['https', 'gopher', ''],
  'user-agent': ['Mozilla/5.0', 'x'.repeat(2000)],
  accept: ['*/*', 'application/json', 'text/html;q=0', 'image/*'],
  range: ['bytes=0-10', 'bytes=-1', 'bytes=abc'],
  'content-language': ['ja', '\u00ff'],
};

const segment = (values: string[] | undefined): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 7, arbitrary: values?.length ? fc.constantFrom(...values).map(pct) : hostileString.map(pct) },
    { weight: 3, arbitrary: hostileString.map(pct) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_URL_JUNK) },
  );

/** "/x/:a{re}/y/:b" → an arbitrary path with each parameter filled; "*" becomes 1–4 random segments. */
function pathArbitrary(path: string, pools: FuzzPools): fc.Arbitrary<string> {
  const parts = path.split('/');
  return fc
    .tuple(
      ...parts.map((part) => {
        if (part === '*') return fc.array(segment(undefined), { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
        const m = /^:(\w+)(\{.*\})?$/.exec(part);
        return m ? segment(pools.params[m[1]!]) : fc.constant(part);
      }),
    )
    .map((filled) => filled.join('/'));
}

function queryArbitrary(pools: FuzzPools): fc.Arbitrary<string> {
  const keys = Object.keys(pools.query);
  const pair = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(...keys).chain((k) =>
        fc.tuple(
          fc.constant(k),
          fieldValue(pools.query[k]!).map((v) => v.slice(0, 3000)),
        ),
      ),
    },
    { weight: 1, arbitrary: fc.tuple(hostileString, hostileString) },
  );
  return fc
    .tuple(fc.array(pair, { maxLength: 5 }), fc.option(fc.constantFrom(...RAW_URL_JUNK), { freq: 5 }))
    .map(([pairs, junk]) => {
      const q = pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&') + (junk ?? '');
      return q ? `?${q}` : '';
    });
}

function bodyArbitrary(pools: FuzzPools): fc.Arbitrary<BodySpec> {
  const fields = fc.array(
    fc.tuple(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...pools.fieldNames) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__[x]', 'a[b]', '', 'toString'),
        },
        { weight: 1, arbitrary: hostileString },
      ),
      fieldValue(['1', '0', '2023', '2022', 'submit', 'save', 'return', 'approve', 'up', 'down', '1-1', '70']),
    ),
    { maxLength: 12 },
  );
  const file = fc.record({
    field: fc.oneof(fc.constant('file'), fc.constantFrom(...pools.fieldNames)),
    file: fc.nat({ max: pools.files.length - 1 }),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    name: fc.oneof(fc.constantFrom('kakari.xlsx', '../../etc/passwd', 'a.xlsx\u0000.exe', '報告.xlsx'), hostileString),
  });
  return fc.oneof(
    { weight: 8, arbitrary: fields.map((f): BodySpec => ({ kind: 'form', fields: f })) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fields, fc.array(file, { minLength: 1, maxLength: 2 }))
        .map(([f, files]): BodySpec => ({ kind: 'multipart', fields: f, files })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.oneof(hostileString.map(pct), fc.constantFrom(...RAW_URL_JUNK)), { maxLength: 6 })
        .map((parts): BodySpec => ({ kind: 'raw-form', text: parts.join('') })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(fc.json(), fc.constantFrom('{"__proto__":{"isAdmin":true}}', '{', '[1,2', 'null'))
        .map((text): BodySpec => ({ kind: 'json', text })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('text/plain', 'multipart/form-data', 'multipart/form-data; boundary=', 'application/xml', ''),
          hostileString,
        )
        .map(([type, text]): BodySpec => ({ kind: 'other', type, text })),
    },
    { weight: 1, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) },
    { weight: 1, arbitrary: fc.boolean().map((multipart): BodySpec => ({ kind: 'oversize', multipart })) },
  );
}

function headersArbitrary(): fc.Arbitrary<[string, string][]> {
  const names = Object.keys(HEADER_VALUES);
  return fc.uniqueArray(
    fc
      .constantFrom(...names)
      .chain((n) =>
        fc.tuple(fc.constant(n), fc.oneof(fc.constantFrom(...HEADER_VALUES[n]!), hostileString.map(headerSafe))),
      ),
    { maxLength: 4, selector: ([n]) => n },
  );
}

const cookiesArbitrary: fc.Arbitrary<string[]> = fc.array(
  fc.oneof(
    fc.constantFrom('shinchoku_staff_lang=en', 'shinchoku_staff_lang=xx', 'shinchoku_login_csrf=abc', 'a=b=c', ';;;'),
    fc
      .tuple(fc.constantFrom('junk', 'shinchoku_session', 'x'), fc.integer({ min: 1, max: 6000 }))
      .map(([n, size]) => `${n}=${'z'.repeat(size)}`),
    hostileString.map((s) => `k=${pct(s)}`),
  ),
  { maxLength: 3 },
);

/** A request for one of `routes`: mostly its own method, valid or hostile parameters, often signed in. */
export function fuzzSpecArbitrary(routes: FuzzRoute[], pools: FuzzPools): fc.Arbitrary<FuzzSpec> {
  // Requests that end a session or delete a node run less often, so the rest keeps reaching deep pages.
  const weightOf = (r: FuzzRoute) => (/logout|delete|publish$/.test(r.path) && r.method === 'POST' ? 1 : 5);
  const route = fc.oneof(...routes.map((r) => ({ weight: weightOf(r), arbitrary: fc.constant(r) })));
  return route.chain((r) =>
    fc.record({
      route: fc.constant(routeKey(r)),
      method: fc.oneof({ weight: 9, arbitrary: fc.constant(r.method) }, fc.constantFrom(...OTHER_METHODS)),
      path: pathArbitrary(r.path, pools),
      query: queryArbitrary(pools),
      who: fc.oneof(
        { weight: r.family === 'staff' ? 14 : 1, arbitrary: fc.constantFrom(...EVERY_WHO) },
        { weight: 2, arbitrary: fc.constant<'anonymous'>('anonymous') },
        { weight: 1, arbitrary: fc.constant<'forged'>('forged') },
      ),
      forgedCookie: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom(...HOSTILE_STRINGS)).map(pct),
      csrf: fc.oneof(
        { weight: 10, arbitrary: fc.constant<'valid'>('valid') },
        fc.constantFrom<'missing' | 'wrong'>('missing', 'wrong'),
      ),
      headers: headersArbitrary(),
      cookies: cookiesArbitrary,
      body: bodyArbitrary(pools),
    }),
  );
}
