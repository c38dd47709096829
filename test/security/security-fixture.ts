import type { Hono } from 'hono';
import {
  login,
  openReportingRound,
  type Role,
  resolveStaffSession,
  saveReport,
  systemActor,
} from '../../src/app/index.ts';
import { createWebApp } from '../../src/web/index.ts';
import { readOgoriBundle } from '../harness/app-fixture.ts';
import { buildStaff, type StaffSessionCookie, TEST_PASSWORD } from '../harness/staff-factory.ts';
import type { Dialect } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';
import { kitakazeBundle } from '../harness/two-organizations.ts';

/** Signed-in staff the security suites act as: every role, own and other 課, and the other organization. */
export const WHO = {
  admin: { role: 'admin' },
  'plan-office': { role: 'plan-office' },
  viewer: { role: 'viewer' },
  'approver-own': { role: 'department-approver', department: 'keiei-senryaku' },
  'editor-own': { role: 'department-editor', department: 'keiei-senryaku' },
  'editor-other': { role: 'department-editor', department: 'kenko' },
  'other-org-plan-office': { role: 'plan-office', org: 'kitakaze' },
} as const satisfies Record<string, { role: Role; department?: string; org?: string }>;
export type Who = keyof typeof WHO;
export const EVERY_WHO = Object.keys(WHO) as Who[];

export type { StaffSessionCookie };

export interface SecurityFixture {
  server: TestServer;
  /** The same application the server runs, for in-process requests (`app.request`), minus the socket. */
  app: Hono;
  session(who: Who): StaffSessionCookie;
  /** Logs in again (after a logout the fuzzer sent, for example). */
  relogin(who: Who): Promise<StaffSessionCookie>;
  /** A viewer of Ogori that admin routes may disable or reset, and a user of the other organization. */
  targetUserId: string;
  otherOrgUserId: string;
  /** The current published edition of each organization's plan. */
  editionIds: { ogori: string; kitakaze: string };
  close(): Promise<void>;
}

/**
 * A real server over a fresh database of the dialect with Ogori and its twin きたかぜ, staff of every role with
 * open sessions, and an open 令和5年度 round with one report submitted (so review routes have work).
 */
export async function createSecurityFixture(dialect: Dialect): Promise<SecurityFixture> {
  const server = await startTestServer({ database: dialect, bundles: () => [readOgoriBundle(), kitakazeBundle()] });
  const { ctx } = server;
  const emails = new Map<Who, string>();
  for (const who of EVERY_WHO) {
    const spec = WHO[who];
    const staff = await buildStaff(ctx, { ...spec, email: `${who}@security.example.jp` });
    emails.set(who, staff.email);
  }
  const targetUserId = (await buildStaff(ctx, { role: 'viewer', email: 'target@security.example.jp' })).user.id;
  const otherOrgUserId = (await buildStaff(ctx, { role: 'viewer', org: 'kitakaze', email: 'target@kitakaze.example' }))
    .user.id;
  const plan = { ctx, actor: systemActor('test'), organizationSlug: 'ogori', planSlug: 'action-plan-2' };
  await openReportingRound({ ...plan, fy: 2023, dueDate: '2099-05-31' });
  await saveReport({
    ...plan,
    fy: 2023,
    code: '1-2',
    expectedVersion: 1,
    values: { actual: '開設', rating: '70' },
    submit: true,
  });

  const sessions = new Map<Who, StaffSessionCookie>();
  const relogin = async (who: Who) => {
    const { token } = await login({ ctx, identifier: emails.get(who)!, password: TEST_PASSWORD, ip: 'fixture' });
    const s = await resolveStaffSession(ctx, token);
    const made = { cookie: `shinchoku_session=${token}`, csrf: s!.csrfToken };
    sessions.set(who, made);
    return made;
  };
  for (const who of EVERY_WHO) await relogin(who);

  const app = createWebApp(ctx) as unknown as Hono;
  const editionOf = async (org: string) => {
    const res = await app.request(`/api/v1/organizations/${org}/plans/action-plan-2/editions`);
    const list = (await res.json()) as { id: string }[];
    return list[0]!.id;
  };
  return {
    server,
    app,
    session: (who) => sessions.get(who)!,
    relogin,
    targetUserId,
    otherOrgUserId,
    editionIds: { ogori: await editionOf('ogori'), kitakaze: await editionOf('kitakaze') },
    close: () => server.close(),
  };
}
