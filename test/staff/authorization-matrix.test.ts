import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getDepartmentSheets,
  getReport,
  listRounds,
  login,
  openReportingRound,
  type Role,
  resolveStaffSession,
  reviewReport,
  saveReport,
  systemActor,
  updateRoundSettings,
} from '../../src/app/index.ts';
import { departmentWorkbook } from '../../src/reports/index.ts';
import { apiRoutes } from '../../src/web/api/api-routes.ts';
import { staffRoutes } from '../../src/web/staff/staff-routes.tsx';
import { readOgoriBundle } from '../harness/app-fixture.ts';
import { buildStaff, TEST_PASSWORD } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';
import { kitakazeBundle, ORG_A } from '../harness/two-organizations.ts';

/**
 * Every staff route × every role × own/other 課 × other organization, asserted against the design below. The
 * route list comes from the Hono route table, so a new route fails this test until it is classified here.
 */
type Who = 'admin' | 'plan-office' | 'viewer' | 'approver-own' | 'approver-other' | 'editor-own' | 'editor-other';
const EVERYONE: Who[] = [
  'admin',
  'plan-office',
  'viewer',
  'approver-own',
  'approver-other',
  'editor-own',
  'editor-other',
];
const DEPT_ROLES: Who[] = ['approver-own', 'approver-other', 'editor-own', 'editor-other'];
const READERS: Who[] = ['admin', 'plan-office', 'viewer'];
/** The plan office's work, which the administrator may also do. */
const OFFICE: Who[] = ['admin', 'plan-office'];

interface Rule {
  /** Who may use the route (everyone else gets 403; anonymous users are sent to the login page). */
  allowed: Who[];
  params?: Record<string, string>;
  /** A body that passes the permission check and then fails validation, so the matrix changes nothing. */
  body?: Record<string, string>;
  query?: string;
  /** For other-organization staff: the route names an organization-A resource and must be 404. */
  otherOrg404?: boolean;
}

const PUBLIC = new Set(['GET /login', 'POST /login', 'GET /lang/:lang', 'GET /assets/staff.css']);

const task = { plan: 'action-plan-2', fy: '2023', code: '1-1' };
const RULES: Record<string, Rule> = {
  'GET /': { allowed: EVERYONE },
  'POST /logout': { allowed: EVERYONE },
  'GET /account/password': { allowed: EVERYONE },
  'POST /account/password': { allowed: EVERYONE, body: { currentPassword: 'wrong', password: 'x', confirm: 'x' } },
  'POST /account/language': { allowed: EVERYONE, body: { language: 'xx' } },
  'POST /plans/:plan/rounds': { allowed: OFFICE, params: task, body: { fy: '2023', dueDate: 'someday' } },
  'GET /plans/:plan/rounds/:fy/': { allowed: READERS, params: task, otherOrg404: true },
  'POST /plans/:plan/rounds/:fy/settings': {
    allowed: OFFICE,
    params: task,
    body: { version: '-1', dueDate: '2024-05-31' },
    otherOrg404: true,
  },
  'POST /plans/:plan/rounds/:fy/reminders': { allowed: OFFICE, params: task, otherOrg404: true },
  'POST /plans/:plan/review-settings': {
    allowed: OFFICE,
    params: task,
    body: { reviewChain: 'plan-office', reminderDays: '999' },
  },
  'GET /plans/:plan/rounds/:fy/workbook': {
    allowed: [...READERS, 'approver-own', 'editor-own'],
    params: task,
    query: '?department=keiei-senryaku',
  },
  'POST /plans/:plan/rounds/:fy/workbook': {
    allowed: [...OFFICE, 'approver-own', 'approver-other', 'editor-own', 'editor-other'],
    params: task,
  },
  'GET /plans/:plan/rounds/:fy/mine': { allowed: DEPT_ROLES, params: task, otherOrg404: true },
  'GET /plans/:plan/rounds/:fy/tasks/:code': {
    allowed: [...READERS, 'approver-own', 'editor-own'],
    params: task,
    otherOrg404: true,
  },
  'POST /plans/:plan/rounds/:fy/tasks/:code': {
    allowed: [...OFFICE, 'approver-own', 'editor-own'],
    params: task,
    body: { version: '-1', actual: 'x' },
    otherOrg404: true,
  },
  // The conflict panel's choice per field saves through the same use case as the form, for the same people.
  'POST /plans/:plan/rounds/:fy/tasks/:code/resolve': {
    allowed: [...OFFICE, 'approver-own', 'editor-own'],
    params: task,
    body: { version: '-1', actual: 'x' },
    otherOrg404: true,
  },
  // A clerk's kept workbook conflicts: decided by those who may write the sheet (with none kept, back to it).
  'GET /plans/:plan/rounds/:fy/tasks/:code/conflicts': {
    allowed: [...OFFICE, 'approver-own', 'editor-own'],
    params: task,
    otherOrg404: true,
  },
  'POST /plans/:plan/rounds/:fy/tasks/:code/conflicts/forget': {
    allowed: [...OFFICE, 'approver-own', 'editor-own'],
    params: task,
    otherOrg404: true,
  },
  // 1-2 waits for 課内承認: only the 課長 of its 課 decides it (the plan office comes next, not now).
  'POST /plans/:plan/rounds/:fy/tasks/:code/review': {
    allowed: ['approver-own'],
    params: { ...task, code: '1-2' },
    body: { decision: 'return', note: '', taskVersion: '-1' },
    otherOrg404: true,
  },
  'POST /plans/:plan/rounds/:fy/tasks/:code/comments': {
    allowed: [...OFFICE, 'viewer', 'approver-own', 'editor-own'],
    params: task,
    body: { text: '' },
    otherOrg404: true,
  },
  'GET /plans/:plan/publish': { allowed: OFFICE, params: task },
  'POST /plans/:plan/publish': { allowed: OFFICE, params: task, body: { name: '', fy: '2023' } },
  'GET /plans/:plan/editions/diff': { allowed: EVERYONE, params: task },
  // An empty reason is refused after the permission check, so the matrix withdraws nothing.
  'POST /plans/:plan/editions/:id/withdraw': { allowed: OFFICE, params: task, body: { reason: '' } },
  'GET /plans/:plan/history/:code': {
    allowed: [...READERS, 'approver-own', 'editor-own'],
    params: task,
  },
  'GET /plans/:plan/executive': { allowed: READERS, params: task },
  'GET /plans/:plan/edit': { allowed: OFFICE, params: task },
  'POST /plans/:plan/edit': { allowed: OFFICE, params: task, body: { version: '-1', title: '' } },
  'GET /plans/:plan/evaluation': { allowed: OFFICE, params: task },
  'POST /plans/:plan/evaluation': { allowed: OFFICE, params: task, body: { intent: 'preview', previewFy: 'x' } },
  'GET /plans/:plan/fields': { allowed: OFFICE, params: task },
  'POST /plans/:plan/fields': { allowed: OFFICE, params: task, body: { version: '-1', intent: 'save', kind: 'text' } },
  'POST /plans/:plan/nodes': { allowed: OFFICE, params: task, body: { code: '', title: '' } },
  'POST /plans/:plan/nodes/:code/move': { allowed: OFFICE, params: task, body: { direction: 'up' } },
  'POST /plans/:plan/nodes/:code/delete': { allowed: OFFICE, params: task },
  'GET /plans/:plan/nodes/:code/edit': { allowed: OFFICE, params: task },
  'POST /plans/:plan/nodes/:code/edit': { allowed: OFFICE, params: task, body: { version: '-1', title: '' } },
  'POST /plans/:plan/nodes/:code/indicators': { allowed: OFFICE, params: task, body: { key: 'BAD KEY' } },
  'GET /admin/users': { allowed: ['admin'] },
  'GET /admin/departments': { allowed: ['admin'] },
  'POST /admin/departments': { allowed: ['admin'], body: { code: 'BAD CODE', name: '' } },
  'POST /admin/departments/:code': { allowed: ['admin'], params: { code: 'keiei-senryaku' }, body: { name: '' } },
  'POST /admin/users': { allowed: ['admin'], body: { email: 'not-an-address', displayName: 'x', role: 'viewer' } },
  'POST /admin/users/:id/:op{disable|enable}': { allowed: ['admin'], params: { op: 'enable' }, otherOrg404: true },
  'POST /admin/users/:id/reset-password': { allowed: ['admin'], otherOrg404: true },
};

const ROLE_OF: Record<Who, { role: Role; department?: string }> = {
  admin: { role: 'admin' },
  'plan-office': { role: 'plan-office' },
  viewer: { role: 'viewer' },
  'approver-own': { role: 'department-approver', department: 'keiei-senryaku' },
  'approver-other': { role: 'department-approver', department: 'kenko' },
  'editor-own': { role: 'department-editor', department: 'keiei-senryaku' },
  'editor-other': { role: 'department-editor', department: 'kenko' },
};

/** Staff of a shared initiative (9-1: 学校教育課 leads, スポーツ振興課 co-department) and of neither. */
type SharedWho = 'lead-editor' | 'lead-approver' | 'co-editor' | 'co-approver' | 'other-editor';
const SHARED_ROLES: Record<SharedWho, { role: Role; department: string }> = {
  'lead-editor': { role: 'department-editor', department: 'gakko-kyoiku' },
  'lead-approver': { role: 'department-approver', department: 'gakko-kyoiku' },
  'co-editor': { role: 'department-editor', department: 'sports-shinko' },
  'co-approver': { role: 'department-approver', department: 'sports-shinko' },
  'other-editor': { role: 'department-editor', department: 'kenko' },
};
const round9 = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };

function fillPath(path: string, params: Record<string, string>): string {
  return `/staff${path}`
    .replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`))
    .replace(/\/+$/, (m) => (m ? '/' : ''));
}

describe('authorization matrix of the staff workspace', () => {
  let server: TestServer;
  const emails = new Map<string, string>();
  let targetUserId = '';

  beforeAll(async () => {
    server = await startTestServer({ bundles: () => [readOgoriBundle(), kitakazeBundle()] });
    const ctx = server.ctx;
    for (const [who, spec] of Object.entries(ROLE_OF)) {
      const a = await buildStaff(ctx, { ...spec, email: `${who}@ogori.example.jp` });
      emails.set(`a:${who}`, a.email);
      const b = await buildStaff(ctx, { ...spec, org: 'kitakaze', email: `${who}@kitakaze.example.jp` });
      emails.set(`b:${who}`, b.email);
    }
    for (const [who, spec] of Object.entries(SHARED_ROLES)) {
      emails.set(`a:${who}`, (await buildStaff(ctx, { ...spec, email: `${who}@ogori.example.jp` })).email);
    }
    targetUserId = (await buildStaff(ctx, { role: 'viewer', email: 'target@ogori.example.jp' })).user.id;
    const system = systemActor('test');
    const plan = { ctx, actor: system, organizationSlug: 'ogori', planSlug: 'action-plan-2' };
    await openReportingRound({ ...plan, fy: 2023, dueDate: '2099-05-31' });
    await saveReport({
      ...plan,
      fy: 2023,
      code: '1-2',
      expectedVersion: 1,
      values: { actual: 'アカウント開設', rating: '70' },
      submit: true,
    });
  });
  afterAll(() => server.close());

  const routes = () => {
    const app = staffRoutes(server.ctx);
    const seen = new Set<string>();
    for (const r of app.routes) if (r.method !== 'ALL') seen.add(`${r.method} ${r.path}`);
    return [...seen].sort();
  };

  const sessions = new Map<string, { cookie: string; csrf: string }>();
  async function sessionOf(key: string) {
    const cached = sessions.get(key);
    if (cached) return cached;
    const { token } = await login({
      ctx: server.ctx,
      identifier: emails.get(key)!,
      password: TEST_PASSWORD,
      ip: 'matrix',
    });
    const session = await resolveStaffSession(server.ctx, token);
    const made = { cookie: `shinchoku_session=${token}`, csrf: session!.csrfToken };
    sessions.set(key, made);
    return made;
  }

  async function call(route: string, rule: Rule, session?: { cookie: string; csrf: string }) {
    const [method, path] = route.split(' ') as [string, string];
    const url = fillPath(path, { id: targetUserId, ...rule.params }) + (rule.query ?? '');
    const headers: Record<string, string> = session ? { cookie: session.cookie } : {};
    if (method === 'GET') return server.get(url, { headers });
    const body = new URLSearchParams({ ...(rule.body ?? {}), _csrf: session?.csrf ?? '' });
    return server.get(url, {
      method,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  }

  it('classifies every staff route', () => {
    const unclassified = routes().filter((r) => !PUBLIC.has(r) && !RULES[r]);
    expect(unclassified).toEqual([]);
    const stale = Object.keys(RULES).filter((r) => !routes().includes(r));
    expect(stale).toEqual([]);
  });

  it('sends anonymous visitors to the login page from every non-public route', async () => {
    const outcomes: string[] = [];
    for (const route of Object.keys(RULES)) {
      const res = await call(route, RULES[route]!);
      outcomes.push(`${route} → ${res.status} ${res.headers.get('location')?.replace(/\?.*/, '') ?? ''}`);
    }
    expect(outcomes).toEqual(Object.keys(RULES).map((r) => `${r} → 303 /staff/login`));
  });

  it('allows and denies each role as designed, by own and other 課', async () => {
    const mismatches: string[] = [];
    for (const route of Object.keys(RULES)) {
      const rule = RULES[route]!;
      for (const who of EVERYONE) {
        const res = await call(route, rule, await sessionOf(`a:${who}`));
        if (route === 'POST /logout') sessions.delete(`a:${who}`);
        const location = res.headers.get('location') ?? '';
        const denied = res.status === 403;
        const signedOut = res.status === 303 && location.startsWith('/staff/login') && route !== 'POST /logout';
        const expected = rule.allowed.includes(who);
        if (signedOut || res.status >= 500 || res.status === 404 || denied === expected) {
          mismatches.push(
            `${route} as ${who}: ${res.status} ${location} (expected ${expected ? 'allowed' : 'denied'})`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  // 9-1 is shared: 学校教育課 leads, スポーツ振興課 is a co-department. A co-department writes its own part while the
  // sheet is with the editors (the save below passes the permission check and stops at its stale version), but
  // never submits the lead's sheet or decides it at 課内承認. Each body fails after the permission check.
  it('lets only the lead 課 submit and approve a shared initiative; co-departments contribute', async () => {
    const TASK_9_1 = '/staff/plans/action-plan-2/rounds/2023/tasks/9-1';
    const ALL = Object.keys(SHARED_ROLES) as SharedWho[];
    const checks: [string, string, Record<string, string>, SharedWho[]][] = [
      ['GET', TASK_9_1, {}, ['lead-editor', 'lead-approver', 'co-editor', 'co-approver']],
      ['POST', TASK_9_1, { version: '-1', actual: 'x' }, ['lead-editor', 'lead-approver', 'co-editor', 'co-approver']],
      ['POST', TASK_9_1, { version: '-1', actual: 'x', intent: 'submit' }, ['lead-editor', 'lead-approver']],
    ];
    const outcomes: string[] = [];
    const expected: string[] = [];
    const run = async (method: string, url: string, body: Record<string, string>, allowed: SharedWho[]) => {
      for (const who of ALL) {
        const s = await sessionOf(`a:${who}`);
        const res =
          method === 'GET'
            ? await server.get(url, { headers: { cookie: s.cookie } })
            : await server.get(url, {
                method,
                headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams({ ...body, _csrf: s.csrf }),
              });
        const label = `${method} ${url.slice(url.lastIndexOf('/tasks/'))} ${JSON.stringify(body)} as ${who}`;
        outcomes.push(`${label}: ${res.status === 403 ? 'denied' : res.status < 500 ? 'allowed' : res.status}`);
        expected.push(`${label}: ${allowed.includes(who) ? 'allowed' : 'denied'}`);
      }
    };
    for (const [method, url, body, allowed] of checks) await run(method, url, body, allowed);
    // Now waiting at 課内承認: only the lead's 課長 decides (an empty return note is refused after the check).
    await saveReport({
      ctx: server.ctx,
      actor: systemActor('test'),
      organizationSlug: 'ogori',
      planSlug: 'action-plan-2',
      fy: 2023,
      code: '9-1',
      expectedVersion: (await getReport({ ctx: server.ctx, actor: systemActor('test'), ...round9, code: '9-1' }))
        .version,
      values: { actual: '協議会を設置', rating: '40' },
      submit: true,
    });
    await run('POST', `${TASK_9_1}/review`, { decision: 'return', note: '', taskVersion: '-1' }, ['lead-approver']);
    expect(outcomes).toEqual(expected);
  }, 120_000);

  it('never shows another organization’s data to its staff', async () => {
    const leaks: string[] = [];
    for (const route of Object.keys(RULES)) {
      const rule = RULES[route]!;
      for (const who of EVERYONE) {
        const res = await call(route, rule, await sessionOf(`b:${who}`));
        if (route === 'POST /logout') sessions.delete(`b:${who}`);
        const body = await res.text();
        if (body.includes(ORG_A.marker) || res.status >= 500)
          leaks.push(`${route} as ${who}: ${res.status} shows 小郡`);
        if (rule.otherOrg404 && rule.allowed.includes(who) && res.status !== 404) {
          leaks.push(`${route} as ${who}: ${res.status}, expected 404`);
        }
      }
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  // The API channel of the matrix: the JSON API has no write route, so no role (and no anonymous caller) can
  // write through it at any step or round state; a write route added to it fails here until it is classified.
  it('has a read-only API channel: every write method on every /api route answers 404 for every role', async () => {
    const table = apiRoutes(server.ctx).routes.filter((r) => r.method !== 'ALL');
    expect(table.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const paths = [...new Set(table.map((r) => r.path))];
    expect(paths.length).toBeGreaterThan(10);
    const params: Record<string, string> = { org: 'ogori', plan: 'action-plan-2', code: '1-1', dept: 'keiei-senryaku' };
    const answers: string[] = [];
    for (const who of [...EVERYONE, 'anonymous'] as const) {
      const session = who === 'anonymous' ? undefined : await sessionOf(`a:${who}`);
      for (const path of paths) {
        const url = path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => params[name] ?? `missing-${name}`);
        for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
          const res = await server.get(url, {
            method,
            headers: {
              'content-type': 'application/json',
              ...(session && { cookie: session.cookie, 'x-csrf-token': session.csrf }),
            },
            body: JSON.stringify({ _csrf: session?.csrf, rating: '0', actual: '書き換え' }),
          });
          await res.body?.cancel();
          if (res.status !== 404 && res.status !== 405) answers.push(`${method} ${url} as ${who}: ${res.status}`);
        }
      }
    }
    expect(answers).toEqual([]);
    const report = await getReport({
      ctx: server.ctx,
      actor: systemActor('test'),
      organizationSlug: 'ogori',
      planSlug: 'action-plan-2',
      fy: 2023,
      code: '1-2',
    });
    expect([report.values.actual, report.values.rating]).toEqual(['アカウント開設', '70']);
  }, 120_000);
});

/**
 * The 照会 workbook channel: every role × task step × round state, through the same checks as the form. One
 * upload per role and state changes the rating of four initiatives of 経営戦略課 waiting at different steps
 * (1-1 with the editors, 1-2 at 課内承認, 4-1 at the plan office, 5-3 承認済); the ratings stored afterwards show
 * which rows were written. (The JSON API is read-only: test/security/public-routes.test.ts.)
 */
const STEPS = ['1-1', '1-2', '4-1', '5-3'];
const WRITES_WHEN_OPEN: Record<Who, string[] | 403> = {
  admin: ['1-1', '1-2', '4-1'],
  'plan-office': ['1-1', '1-2', '4-1'],
  viewer: 403,
  'approver-own': ['1-1', '1-2'],
  'approver-other': 403,
  'editor-own': ['1-1'],
  'editor-other': 403,
};

for (const dialect of DIALECTS) {
  describe(`authorization matrix of the workbook channel on ${dialect}`, () => {
    let server: TestServer;
    const emails = new Map<Who, string>();
    const round = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };
    beforeAll(async () => {
      server = await startTestServer({ database: dialect });
      const ctx = server.ctx;
      for (const [who, spec] of Object.entries(ROLE_OF) as [Who, { role: Role; department?: string }][]) {
        emails.set(who, (await buildStaff(ctx, { ...spec, email: `wb-${who}@ogori.example.jp` })).email);
      }
      const actor = systemActor('test');
      await openReportingRound({ ctx, actor, ...round, dueDate: '2099-05-31' });
      for (const [code, approvals] of [
        ['1-2', 0],
        ['4-1', 1],
        ['5-3', 2],
      ] as const) {
        const view = await getReport({ ctx, actor, ...round, code });
        const values = { ...view.values, actual: '実績', rating: '50' };
        await saveReport({ ctx, actor, ...round, code, expectedVersion: view.version, values, submit: true });
        for (let i = 0; i < approvals; i++) await reviewReport({ ctx, actor, ...round, code, decision: 'approve' });
      }
    }, 120_000);
    afterAll(() => server.close());

    let n = 0;
    const ratings = async () => {
      const out: string[] = [];
      for (const code of STEPS) {
        out.push((await getReport({ ctx: server.ctx, actor: systemActor('test'), ...round, code })).values.rating);
      }
      return out;
    };
    async function upload(who: Who) {
      const ctx = server.ctx;
      const before = await ratings();
      const sheets = await getDepartmentSheets(ctx, systemActor('test'), { ...round, department: 'keiei-senryaku' });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await departmentWorkbook(sheets)) as unknown as ArrayBuffer);
      const items = wb.getWorksheet('取組')!;
      // A level none of the four has now, so a row counts as written only if the upload changed it.
      let level = '';
      do level = String((n++ % 11) * 10);
      while (before.includes(level));
      for (let r = 2; r <= items.rowCount; r++) {
        if (STEPS.includes(String(items.getCell(`A${r}`).value))) items.getCell(`J${r}`).value = `${level}%`;
      }
      const { token } = await login({ ctx, identifier: emails.get(who)!, password: TEST_PASSWORD, ip: 'wb-matrix' });
      const csrf = (await resolveStaffSession(ctx, token))!.csrfToken;
      const form = new FormData();
      form.set('_csrf', csrf);
      form.set('file', new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]), 'keiei.xlsx');
      const res = await server.get('/staff/plans/action-plan-2/rounds/2023/workbook', {
        method: 'POST',
        body: form,
        headers: { cookie: `shinchoku_session=${token}` },
      });
      const after = await ratings();
      const written = STEPS.filter((_, i) => after[i] === level && before[i] !== level);
      return { status: res.status, written };
    }

    it('writes only rows at a step where the role may write, and nothing once the round is closed', async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const who of EVERYONE) {
        const r = await upload(who);
        outcomes.push(`open ${who}: ${r.status} ${r.written.join(',')}`);
        const w = WRITES_WHEN_OPEN[who];
        expected.push(`open ${who}: ${w === 403 ? '403 ' : `200 ${w.join(',')}`}`);
      }
      const [r] = await listRounds({ ctx: server.ctx, actor: systemActor('test'), ...round });
      await updateRoundSettings({
        ctx: server.ctx,
        actor: systemActor('test'),
        ...round,
        expectedVersion: r!.version,
        status: 'closed',
        confirmClose: r!.notSubmitted.items,
      });
      for (const who of EVERYONE) {
        const res = await upload(who);
        outcomes.push(`closed ${who}: ${res.status} ${res.written.join(',')}`);
        expected.push(`closed ${who}: ${WRITES_WHEN_OPEN[who] === 403 ? 403 : 409} `);
      }
      expect(outcomes).toEqual(expected);
    }, 300_000);
  });
}
