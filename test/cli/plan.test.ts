import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../harness/run-cli.ts';
import { createTestDatabase, type Dialect, type TestDatabase } from '../harness/test-database.ts';

// The use cases run on both databases in test/app/plan-templates.test.ts; the CLI is checked once, on SQLite.
for (const dialect of ['sqlite'] as Dialect[]) {
  describe(`shinchoku plan on ${dialect}`, { timeout: 180_000 }, () => {
    let db: TestDatabase;
    const env = () => ({ DATABASE_URL: db.url });

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      expect((await runCli(['init', '--examples'], env())).code).toBe(0);
    });
    afterAll(() => db.drop());

    it('lists the templates and creates a plan from one', async () => {
      const list = await runCli(['plan', 'templates'], env());
      expect(list.stdout).toBe(
        [
          'action-plan-2-level      アクションプラン（2層・目標達成率）',
          'sogo-keikaku-3-level     総合計画（3層・A～D評価）',
          'jisshi-keikaku-4-level   実施計画（4層・進捗状況の4段階）',
          '',
        ].join('\n'),
      );
      const args = [
        '--org',
        'minamikaze',
        '--slug',
        'kohki',
        '--title',
        '後期基本計画',
        '--from-fy',
        'R10',
        '--to-fy',
        '2032',
      ];
      const created = await runCli(['plan', 'new', '--template', 'sogo-keikaku-3-level', ...args], env());
      expect([created.code, created.stdout]).toEqual([
        0,
        'created minamikaze/kohki from sogo-keikaku-3-level (draft)\n',
      ]);
      const exported = JSON.parse((await runCli(['export', '-', '--org', 'minamikaze'], env())).stdout);
      expect(exported.plans.map((p: { slug: string; period: unknown }) => [p.slug, p.period])).toEqual([
        ['sogo-keikaku-6-zenki', { startFy: 2023, endFy: 2027 }],
        ['kohki', { startFy: 2028, endFy: 2032 }],
      ]);
      const again = await runCli(['plan', 'new', '--template', 'sogo-keikaku-3-level', ...args], env());
      expect([again.code, again.stderr.split('\n')[0]]).toEqual([1, 'error: plan "kohki" already exists']);
    });

    it('copies a plan’s structure with 継続案件 and explains usage mistakes', async () => {
      const copied = await runCli(
        ['plan', 'copy', '--org', 'komorebi', '--from', 'jikko-keikaku-3', '--slug', 'jikko-keikaku-4'],
        env(),
      );
      expect([copied.code, copied.stderr]).toEqual([1, 'error: --title required (see --help)\n']);
      const ok = await runCli(
        [
          'plan',
          'copy',
          '--org',
          'komorebi',
          '--from',
          'jikko-keikaku-3',
          '--slug',
          'jikko-keikaku-4',
          '--title',
          '第4期こもれび町まちづくり実行計画',
          '--carry-over',
          '継2,2-1-1-2',
        ],
        env(),
      );
      expect([ok.code, ok.stdout]).toEqual([
        0,
        'created komorebi/jikko-keikaku-4 from jikko-keikaku-3 (draft); 継続案件 継2→継1, 2-1-1-2→継2\n',
      ]);
      const bad = await runCli(
        ['plan', 'new', '--template', 'nope', '--slug', 'a', '--title', 'a', '--from-fy', '2025'],
        env(),
      );
      expect([bad.code, bad.stderr]).toEqual([1, 'error: --to-fy required (see --help)\n']);
      const sub = await runCli(['plan', 'delete'], env());
      expect(sub.stderr).toBe('error: plan takes "templates", "new" or "copy" (see --help)\n');
    });
  });
}
