import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleToJson,
  exportBundle,
  importBundle,
  login,
  resolveStaffSession,
  systemActor,
} from '../../src/app/index.ts';
import { readOgoriBundle } from '../harness/app-fixture.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, openOgoriRound, TEST_PASSWORD } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';
import { pct } from './hostile-values.ts';

/** Codes the schema allows (no spaces, slashes, ?, #, %, backslash) that would break string-built SQL. */
const HOSTILE = [
  { code: "1';drop-table-plans;--", title: "'; drop table plans; --" },
  { code: '1"OR"1"="1', title: '100% の達成' },
  { code: '_', title: 'a_b_c' },
  { code: "𠮷'", title: 'back\\slash \\\' \\" \\\\' },
  { code: '継\'"', title: '𠮷野家 👨‍👩‍👧 \u202Eخط ＳＮＳ' },
] as const;

type Node = { code: string; title: string; children?: Node[] };

const initiativesOf = (nodes: Node[]): Node[] =>
  nodes.flatMap((n) => (n.children?.length ? initiativesOf(n.children) : [n]));

/** The Ogori plan with its first initiatives renamed and renumbered to hostile codes and titles. */
function hostileCodesBundle() {
  const bundle = readOgoriBundle() as { departments: { name: string }[]; plans: { nodes: Node[] }[] };
  initiativesOf(bundle.plans[0]!.nodes)
    .slice(0, HOSTILE.length)
    .forEach((n, i) => {
      Object.assign(n, HOSTILE[i]);
    });
  bundle.departments[0]!.name = "経営'; delete from users; --戦略課";
  return bundle;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('SQL is built by Kysely with bound parameters only', () => {
  it('no raw SQL fragments (sql.raw, sql.lit, sql.id) anywhere in src/', () => {
    const src = path.resolve(import.meta.dirname, '../../src');
    const raw = sourceFiles(src).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\bsql\.(raw|lit|id)\b/.test(line) ? [`${path.relative(src, f)}:${i + 1}`] : [])),
    );
    expect(raw).toEqual([]);
  });
});

for (const dialect of DIALECTS) {
  describe(`hostile codes and titles on ${dialect}`, () => {
    let server: TestServer;
    let cookie = '';
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, bundles: () => [hostileCodesBundle()] });
      await openOgoriRound(server.ctx);
      const office = await buildStaff(server.ctx, { role: 'plan-office' });
      const { token } = await login({ ctx: server.ctx, identifier: office.email, password: TEST_PASSWORD, ip: 'sql' });
      cookie = `shinchoku_session=${token}`;
      expect(await resolveStaffSession(server.ctx, token)).not.toBeNull();
    });
    afterAll(() => server.close());

    it('each hostile code is found by its page, its API resource and its staff task, and nothing else', async () => {
      for (const h of HOSTILE) {
        const pageRes = await server.get(`/ogori/action-plan-2/initiatives/${pct(h.code)}`);
        expect([h.code, pageRes.status]).toEqual([h.code, 200]);
        // <wbr> marks a phrase boundary for line breaking; the escaped title is what the heading says.
        const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(await pageRes.text())?.[1]?.replace(/<wbr\s*\/?>/gi, '');
        expect(heading).toContain(
          h.title
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
            .replace(/"/g, '&quot;')
            .replace(/'/g, '&#39;'),
        );
        const api = await server.get(`/api/v1/organizations/ogori/plans/action-plan-2/initiatives/${pct(h.code)}`);
        const body = (await api.json()) as { code: string; title: string };
        expect([body.code, body.title]).toEqual([h.code, h.title]);
        const task = await server.get(`/staff/plans/action-plan-2/rounds/2023/tasks/${pct(h.code)}`, {
          headers: { cookie },
        });
        expect([h.code, task.status]).toEqual([h.code, 200]);
        expect(textOf(await task.text())).toContain(h.title.replace(/\s+/g, ' '));
      }
      const lookalike = await server.get(`/ogori/action-plan-2/initiatives/${pct("1' or '1'='1")}`);
      expect(lookalike.status).toBe(404);
    });

    it('searching % or _ matches only text that contains them, not everything', async () => {
      const api = '/api/v1/organizations/ogori/plans/action-plan-2/initiatives';
      const all = (await (await server.get(api)).json()) as { code: string }[];
      const found = async (q: string) =>
        ((await (await server.get(`${api}?q=${pct(q)}`)).json()) as { code: string }[]).map((r) => r.code);
      const details = new Map<string, string>();
      for (const { code } of all) {
        details.set(code, await (await server.get(`${api}/${pct(code)}`)).text());
      }
      for (const q of ['%', '_']) {
        const hits = await found(q);
        expect(hits.length).toBeGreaterThan(0);
        expect(hits.length).toBeLessThan(all.length);
        expect(hits.filter((c) => !details.get(c)!.includes(q))).toEqual([]);
      }
      expect(await found('100%')).toEqual(['1"OR"1"="1']);
      expect(await found('a_b_c')).toEqual(['_']);
      expect(await found("'; drop table plans; --")).toEqual(["1';drop-table-plans;--"]);
      expect(await found('\\slash')).toEqual(["𠮷'"]);
      expect(await found('𠮷野家')).toEqual(['継\'"']);
      expect(all.length).toBe(40);
    });

    // Last: the replacing import gives the plan new node rows, and deletes the open round (asked for).
    it('round-trip exactly through import and export, twice, with every table intact', async () => {
      const exported = await exportBundle({ ctx: server.ctx, organizationSlug: 'ogori' });
      const first = initiativesOf(exported.plans[0]!.nodes as Node[]).slice(0, HOSTILE.length);
      expect(first.map((n) => ({ code: n.code, title: n.title }))).toEqual(HOSTILE);
      expect(exported.departments[0]!.name).toBe("経営'; delete from users; --戦略課");
      await importBundle({
        ctx: server.ctx,
        actor: systemActor(),
        input: exported,
        replace: true,
        discardRounds: true,
      });
      const again = await exportBundle({ ctx: server.ctx, organizationSlug: 'ogori' });
      expect(bundleToJson(again)).toBe(bundleToJson(exported));
      const counts = await sql<{ plans: number | string; users: number | string }>`
        select (select count(*) from plans) as plans, (select count(*) from users) as users`.execute(
        server.ctx.store.db,
      );
      expect(counts.rows.map((r) => [Number(r.plans), Number(r.users)])).toEqual([[1, 1]]);
    });
  });
}
