import { randomBytes } from 'node:crypto';
import { getDepartmentSheets, systemActor } from '../../src/app/index.ts';
import { departmentWorkbook } from '../../src/reports/index.ts';
import type { FuzzPools, FuzzRoute } from './fuzz-requests.ts';
import type { SecurityFixture } from './security-fixture.ts';
import { zipBomb } from './zip-file.ts';

/** Field names the staff routes read that a page may not show (hidden or conditional fields). */
const KNOWN_FIELDS = ['_csrf', 'intent', 'version', 'taskVersion', 'decision', 'note', 'text', 'file', 'isNew'];

let bombs: Uint8Array[] | undefined;

/**
 * Valid values for every parameter, and form field names harvested from the staff pages themselves (so a new
 * form field is fuzzed too), plus the files multipart requests carry.
 */
export async function buildPools(f: SecurityFixture, routes: FuzzRoute[]): Promise<FuzzPools> {
  const { ogori, kitakaze } = f.editionIds;
  const params: Record<string, string[]> = {
    org: ['ogori', 'kitakaze', 'nobody'],
    plan: ['action-plan-2', 'no-plan'],
    code: ['1-1', '1-2', '1', '継1', '継', '14-1', '99'],
    fy: ['2022', '2023', '2099'],
    dept: ['keiei-senryaku', 'kenko', 'none'],
    id: [f.targetUserId, f.otherOrgUserId, 'nobody'],
    op: ['disable', 'enable'],
    file: ['noto-sans-jp-latin-400-normal.woff2', 'noto-sans-jp-0-700-normal.woff2', 'x.woff2'],
    name: ['portal.css', 'tokens.css', 'fonts.css', 'favicon.svg', 'staff.css', 'nothing.css'],
    lang: ['en', 'ja'],
  };
  const query: Record<string, string[]> = {
    lang: ['ja', 'en'],
    edition: [ogori, kitakaze, 'nope'],
    sort: ['code', 'rating-desc', 'rating-asc', 'department'],
    q: ['SNS', 'ワクチン', '%', '_'],
    goal: ['1', '継'],
    dept: ['keiei-senryaku', 'kenko'],
    min: ['0', '50'],
    max: ['100', '20'],
    sdg: ['1', '17', '18'],
    status: ['active', 'completed', 'merged'],
    bom: ['1'],
    from: [ogori, kitakaze],
    to: [ogori, 'draft'],
    fy: ['2022', '2023'],
    next: ['/staff/', '//evil.example/', 'https://evil.example/'],
    back: ['/staff/', 'javascript:alert(1)'],
    notice: ['saved', 'published', 'logged-out', 'expired'],
    overdue: ['1'],
    v: ['abc'],
    department: ['keiei-senryaku', 'kenko'],
  };
  const fieldNames = new Set(KNOWN_FIELDS);
  const fill = (path: string) =>
    `/staff${path}`
      .replace(':plan', 'action-plan-2')
      .replace(':fy', '2023')
      .replace(':code', '1-1')
      .replace(/:id/, f.targetUserId)
      .replace(/:op\{[^}]*\}/, 'enable');
  for (const r of routes) {
    if (r.family !== 'staff' || r.method !== 'GET' || r.path.includes('/lang/')) continue;
    for (const who of ['admin', 'plan-office', 'editor-own'] as const) {
      const res = await f.app.request(fill(r.path.replace(/^\/staff/, '')), {
        headers: { cookie: f.session(who).cookie },
      });
      for (const m of (await res.text()).matchAll(/\bname="([^"]+)"/g)) fieldNames.add(m[1]!);
    }
  }
  const sheets = await getDepartmentSheets(f.server.ctx, systemActor('test'), {
    organizationSlug: 'ogori',
    planSlug: 'action-plan-2',
    department: 'keiei-senryaku',
    fy: 2023,
  });
  const workbook = new Uint8Array(await departmentWorkbook(sheets));
  bombs ??= [zipBomb(100), zipBomb(100, true)];
  const files = [
    workbook,
    ...bombs,
    new Uint8Array(randomBytes(4096)),
    new Uint8Array(0),
    new TextEncoder().encode('PK\u0003\u0004 not really a zip'),
    new TextEncoder().encode('code,title\n1-1,=cmd|"/C calc"!A0\n'),
  ];
  return { params, query, fieldNames: [...fieldNames].sort(), files };
}
