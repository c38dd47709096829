import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReport } from '../../src/app/index.ts';
import { readOgoriBundle } from '../harness/app-fixture.ts';
import { textOf } from '../harness/html-text.ts';
import { runCli } from '../harness/run-cli.ts';
import { buildStaff, openOgoriRound, type StaffSessionCookie, signInStaff } from '../harness/staff-factory.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const PLAN = '/staff/plans/action-plan-2';
const ROUND = `${PLAN}/rounds/2023`;

/**
 * One limit table (TEXT_LIMITS) and one control-character test on every channel: an over-long edition name,
 * 課 name or title and an escape character in a report are refused beside the field with the limit, on both
 * databases (PostgreSQL used to answer 500 for a 1,000-kanji name), and nothing is stored.
 */
for (const dialect of DIALECTS) {
  describe(`text limits and control characters over HTTP (${dialect})`, () => {
    let server: TestServer;
    let office: StaffSessionCookie;
    let admin: StaffSessionCookie;
    let editor: StaffSessionCookie;
    let editorActor: Awaited<ReturnType<typeof buildStaff>>['actor'];

    beforeAll(async () => {
      server = await startTestServer({ database: dialect });
      const { ctx } = server;
      await openOgoriRound(ctx);
      const o = await buildStaff(ctx, { role: 'plan-office' });
      const a = await buildStaff(ctx, { role: 'admin' });
      const e = await buildStaff(ctx, { role: 'department-editor', department: 'keiei-senryaku' });
      editorActor = e.actor;
      [office, admin, editor] = await Promise.all([
        signInStaff(ctx, o.email, 'text-limits'),
        signInStaff(ctx, a.email, 'text-limits'),
        signInStaff(ctx, e.email, 'text-limits'),
      ]);
    }, 60_000);
    afterAll(() => server?.close());

    const post = (to: string, s: StaffSessionCookie, fields: Record<string, string>) =>
      server.get(to, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie },
        body: new URLSearchParams({ _csrf: s.csrf, ...fields }),
      });
    const count = async (table: 'editions' | 'departments' | 'plan_nodes') =>
      Number(
        (
          await server.ctx.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('refuses a 300,000-character edition name beside the field, and publishes nothing', async () => {
      const before = await count('editions');
      const res = await post(`${PLAN}/publish`, office, { name: 'a'.repeat(300_000), fy: '2022' });
      expect(res.status).toBe(400);
      expect(textOf(await res.text())).toContain('200文字以内にしてください（300,000文字あります）');
      expect(await count('editions')).toBe(before);
    });

    it('refuses a 課 name of 1,000 kanji (in English too), and stores nothing', async () => {
      const before = await count('departments');
      const fields = { code: 'nagai-ka', name: '課'.repeat(1000), nameEn: '' };
      const res = await post('/staff/admin/departments', admin, fields);
      expect(res.status).toBe(400);
      expect(textOf(await res.text())).toContain('200文字以内にしてください（1,000文字あります）');
      const en = await server.get('/staff/admin/departments', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `${admin.cookie}; shinchoku_staff_lang=en`,
        },
        body: new URLSearchParams({ _csrf: admin.csrf, ...fields }),
      });
      expect(en.status).toBe(400);
      expect(textOf(await en.text())).toContain('must have at most 200 characters (has 1,000)');
      expect(await count('departments')).toBe(before);
    });

    it('refuses an item title over 500 characters', async () => {
      const before = await count('plan_nodes');
      const res = await post(`${PLAN}/nodes`, office, { parentCode: '1', code: '1-99', title: '題'.repeat(501) });
      expect(res.status).toBe(400);
      expect(textOf(await res.text())).toContain('500文字以内にしてください（501文字あります）');
      expect(await count('plan_nodes')).toBe(before);
    });

    it('refuses ESC and NUL in a report and keeps what was saved', async () => {
      const ref = { ctx: server.ctx, actor: editorActor, organizationSlug: 'ogori', planSlug: 'action-plan-2' };
      const saved = async () => (await getReport({ ...ref, fy: 2023, code: '1-1' })).values.actual;
      const before = await saved();
      const html = await (await server.get(`${ROUND}/tasks/1-1`, { headers: { cookie: editor.cookie } })).text();
      const version = /name="version" value="(\d+)"/.exec(html)![1]!;
      for (const actual of ['色\u001b[31m付き', 'ヌル\u0000文字']) {
        const res = await post(`${ROUND}/tasks/1-1`, editor, { version, intent: 'save', actual });
        expect(res.status).toBe(400);
      }
      expect(await saved()).toBe(before);
    });
  });
}

/** The CLI import reads the same table and the same control-character test, and never overflows the stack. */
describe('bundle import refuses hostile text and nesting (CLI)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-text-limits-'));
  // One database each, so the two imports (run at once) do not both migrate one new file.
  const databases: TestDatabase[] = [];
  beforeAll(async () => {
    databases.push(await createTestDatabase('sqlite'), await createTestDatabase('sqlite'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await Promise.all(databases.map((d) => d.drop()));
  });

  it('lists control characters and an over-long name with their paths, and stops at 100 levels of nesting', async () => {
    const bundle = readOgoriBundle() as {
      organization: { name: string };
      plans: { nodes: { title: string }[]; edition: { name: string } }[];
    };
    bundle.organization.name = '小郡市\u0000';
    bundle.plans[0]!.nodes[0]!.title = '\u001b[2J消える';
    bundle.plans[0]!.edition.name = 'a'.repeat(300_000);
    const hostile = path.join(dir, 'hostile.json');
    writeFileSync(hostile, JSON.stringify(bundle));
    const nested = `${'{"children":['.repeat(3000)}{}${']}'.repeat(3000)}`;
    const deep = path.join(dir, 'deep.json');
    writeFileSync(
      deep,
      `{"format":"shinchoku/v1","organization":{"slug":"x","name":"X"},"plans":[{"slug":"p","nodes":[${nested}]}]}`,
    );
    const [h, d] = await Promise.all(
      [hostile, deep].map((f, i) => runCli(['import', f], { DATABASE_URL: databases[i]!.url })),
    );
    expect(h!.code).toBe(1);
    expect(h!.stderr).toContain('organization.name: 制御文字（U+0000）が含まれています。取り除いてください');
    expect(h!.stderr).toContain('plans[0].nodes[1].title: 制御文字（U+001B）が含まれています。取り除いてください');
    expect(h!.stderr).toContain('plans[0].edition.name: 200文字以内にしてください（300,000文字あります）');
    expect(h!.stderr).toContain('plans[0].edition.name: must have at most 200 characters (has 300,000)');
    expect(d!.code).toBe(1);
    expect(d!.stderr).toContain('入れ子が深すぎます（100段まで）');
    expect(d!.stderr).toContain(`plans[0].nodes[0]${'.children[0]'.repeat(47)}.children`);
    expect(d!.stderr).not.toContain('RangeError');
  });
});
