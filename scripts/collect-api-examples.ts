/**
 * The read API's example responses, taken from a running app serving the bundled Ogori plan: one request per
 * example, every list cut to its first two items so the OpenAPI document stays readable. The generator script
 * writes them to src/web/api/api-examples.json; test/portal/api-examples.test.ts checks that file is current.
 */
const PLAN = '/api/v1/organizations/ogori/plans/action-plan-2';

/** Example name → the request whose body it shows. */
export const EXAMPLE_REQUESTS = {
  organizations: '/api/v1/organizations',
  plans: '/api/v1/organizations/ogori/plans',
  plan: PLAN,
  editions: `${PLAN}/editions`,
  goals: `${PLAN}/goals`,
  goal: `${PLAN}/goals/1`,
  initiatives: `${PLAN}/initiatives`,
  initiative: `${PLAN}/initiatives/1-3`,
  departments: `${PLAN}/departments`,
  department: `${PLAN}/departments/sports-shinko`,
  notFound: `${PLAN}/initiatives/99-9`,
  badRequest: `${PLAN}/initiatives?min=abc`,
} as const;

export type ExampleName = keyof typeof EXAMPLE_REQUESTS;

/** Arrays cut to two items, at every depth. */
function cut(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 2).map(cut);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cut(v)]));
  }
  return value;
}

/** Edition ids are random per database; the examples show this one in their place. */
export const EXAMPLE_EDITION_ID = '0d6c1f5e-2a47-4c1b-9a43-7e2f0b6a9c11';

/** When the app publishes the bundled edition (its clock), so publishedAt is the same on every run. */
export const EXAMPLE_NOW = new Date('2023-06-30T00:00:00.000Z');

/** Collects every example from an app whose clock reads EXAMPLE_NOW. */
export async function collectApiExamples(
  get: (path: string) => Promise<Response>,
): Promise<Record<ExampleName, unknown>> {
  const editions = (await (await get(EXAMPLE_REQUESTS.editions)).json()) as { id: string }[];
  const out: Partial<Record<ExampleName, unknown>> = {};
  for (const [name, path] of Object.entries(EXAMPLE_REQUESTS) as [ExampleName, string][]) {
    let text = await (await get(path)).text();
    for (const e of editions) text = text.replaceAll(e.id, EXAMPLE_EDITION_ID);
    out[name] = cut(JSON.parse(text));
  }
  return out as Record<ExampleName, unknown>;
}
