import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, openReportingRound, systemActor } from '../../src/app/index.ts';
import { getOrganizationBySlug, getPlanBySlug, listRounds, openDatabase } from '../../src/store/index.ts';
import { OGORI_BUNDLE_PATH } from '../harness/app-fixture.ts';
import { runCli } from '../harness/run-cli.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../harness/test-database.ts';

for (const dialect of DIALECTS) {
  describe(`shinchoku CLI on ${dialect}`, () => {
    let db: TestDatabase;
    const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-cli-'));
    const env = () => ({ DATABASE_URL: db.url });

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      const init = await runCli(['init'], env());
      expect(init.code).toBe(0);
    });
    afterAll(() => db.drop());

    it('summary prints one row per assessed initiative and the plan average with its count', async () => {
      const res = await runCli(['summary', '--fy', '2022', '--format', 'json'], env());
      expect(res.code).toBe(0);
      const out = JSON.parse(res.stdout);
      expect(out.rows).toHaveLength(40);
      expect(out.rows[0]).toEqual({
        code: '1-1',
        title: '車座トーク、出前トークの利用者アップ',
        departments: ['経営戦略課'],
        level: '10',
        label: '10%',
        score: 10,
      });
      expect(out.rollup).toMatchObject({ method: 'mean', value: 40.5, formatted: '40.5%', assessed: 40, used: 40 });
      const table = await runCli(['summary', '--fy', 'R4'], env());
      expect(table.stdout).toContain('平均（40件の単純平均）: 40.5%  (40件中40件評価済; 40 of 40 assessed)');
      expect(table.stdout.split('\n').filter((l) => /^\S+\s+\d+%/.test(l))).toHaveLength(40);
    });

    it('importing or linting an invalid file exits 1 listing every problem with node codes, and changes nothing', async () => {
      const before = await runCli(['export', '-'], env());
      const bundle = JSON.parse(readFileSync(OGORI_BUNDLE_PATH, 'utf8'));
      bundle.plans[0].slug = 'copy';
      bundle.plans[0].nodes[0].children[2].indicators[0].values[0].fy = 'R4';
      bundle.plans[0].nodes[0].children[2].indicators[0].targetHistroy = [];
      const file = path.join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify(bundle));
      const res = await runCli(['import', file], env());
      expect(res.code).toBe(1);
      expect(res.stderr).toBe(
        [
          `error: ${file}: 2 problem(s), nothing was imported`,
          `       ${file}: 2件の問題があるため、何も取り込んでいません`,
          '  plans[0].nodes[1-3].indicators[0].values[0].fy: expected a number, got "R4"',
          '    plans[0].nodes[1-3].indicators[0].values[0].fy: 数値を指定してください（"R4" になっています）',
          '  plans[0].nodes[1-3].indicators[0].targetHistroy: unknown key "targetHistroy"; did you mean "targetHistory"?',
          '    plans[0].nodes[1-3].indicators[0].targetHistroy: 「targetHistroy」という項目はありません。「targetHistory」の誤りではありませんか',
          '',
        ].join('\n'),
      );
      const linted = await runCli(['lint', file], env());
      expect([linted.code, linted.stderr.split('\n')[0]]).toEqual([
        1,
        `error: ${file}: 2 problem(s), the plans cannot be checked`,
      ]);
      const after = await runCli(['export', '-'], env());
      expect(after.stdout).toBe(before.stdout);
    }, 180_000);

    it('replaces a plan with a reporting round only when told to discard the round', async () => {
      const store = openDatabase(db.url);
      const rounds = async () => {
        const s = openDatabase(db.url);
        try {
          const org = await getOrganizationBySlug(s.db, 'ogori');
          const plan = await getPlanBySlug(s.db, org!.id, 'action-plan-2');
          return (await listRounds(s.db, org!.id, plan!.id)).map((r) => r.fy);
        } finally {
          await s.close();
        }
      };
      try {
        await openReportingRound({
          ctx: createAppContext(store),
          actor: systemActor('test'),
          organizationSlug: 'ogori',
          planSlug: 'action-plan-2',
          fy: 2023,
          dueDate: '2024-05-31',
          confirmPastDue: true,
        });
      } finally {
        await store.close();
      }
      const file = path.join(dir, 'replace.json');
      expect((await runCli(['export', file], env())).code).toBe(0);
      const before = await runCli(['export', '-'], env());
      const refused = await runCli(['import', file, '--replace'], env());
      expect(refused.code).toBe(1);
      expect(refused.stderr.split('\n').slice(0, 2)).toEqual([
        'error: plan "action-plan-2" has reporting rounds (FY2023); replacing it also deletes what the departments entered and the review notes. Add --discard-rounds to do so',
        '       計画「action-plan-2」には照会（令和5年度）があり、置き換えると各課の入力内容とコメントも削除されます。削除してよい場合は --discard-rounds を付けてください',
      ]);
      expect((await runCli(['export', '-'], env())).stdout).toBe(before.stdout);
      expect(await rounds()).toEqual([2023]);
      const alone = await runCli(['import', file, '--discard-rounds'], env());
      expect([alone.code, alone.stderr.trim()]).toEqual([1, 'error: --discard-rounds goes with --replace']);
      const replaced = await runCli(['import', file, '--replace', '--discard-rounds'], env());
      expect(replaced.code).toBe(0);
      expect(replaced.stdout).toContain('replaced ogori/action-plan-2: ');
      expect(await rounds()).toEqual([]);
    });

    it('backup, then restore into an empty database, then export gives the same JSON as before', async () => {
      const before = await runCli(['export', '-'], env());
      const file = path.join(dir, `${dialect}.backup`);
      expect((await runCli(['backup', file], env())).code).toBe(0);
      const empty = await createTestDatabase(dialect);
      try {
        const restored = await runCli(['restore', file], { DATABASE_URL: empty.url });
        expect(restored.code).toBe(0);
        const after = await runCli(['export', '-'], { DATABASE_URL: empty.url });
        expect(after.stdout).toBe(before.stdout);
      } finally {
        await empty.drop();
      }
    });

    it('reports usage mistakes with exit code 1 and one line', async () => {
      const res = await runCli(['summary', '--fy', 'H99'], env());
      expect(res.code).toBe(1);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      const unknown = await runCli(['frobnicate'], env());
      expect(unknown).toMatchObject({
        code: 1,
        stderr: 'error: unknown command "frobnicate" (see shinchoku --help)\n',
      });
    });
  });
}

describe('shinchoku --help', () => {
  it('lists every command', async () => {
    const res = await runCli(['--help']);
    expect(res.code).toBe(0);
    for (const c of ['serve', 'init', 'import', 'export', 'summary', 'backup', 'restore']) {
      expect(res.stdout).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
    }
  });
});
