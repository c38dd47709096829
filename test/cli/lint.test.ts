import { describe, expect, it } from 'vitest';
import { OGORI_BUNDLE_PATH } from '../harness/app-fixture.ts';
import { runCli } from '../harness/run-cli.ts';
import { createTestDatabase } from '../harness/test-database.ts';

interface Finding {
  severity: string;
  code: string;
  nodeCode: string | null;
  message: string;
}

describe('shinchoku lint on the bundled Ogori plan', () => {
  it('lists the missing 14-1 sheet, title variants and missing SDGs, and no KPI verdict the plan does not declare', async () => {
    const res = await runCli(['lint', OGORI_BUNDLE_PATH, '--format', 'json']);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout) as { fy: number; findings: Finding[] };
    expect(report.fy).toBe(2022);
    const byCode = (code: string) => report.findings.filter((f) => f.code === code);
    expect(byCode('sheet-missing').map((f) => [f.severity, f.nodeCode])).toEqual([['error', '14-1']]);
    expect(byCode('title-variant').map((f) => f.message)).toEqual([
      '1-2: 表題は「市長発信用SNS開設」ですが、目標達成率一覧では「市長発信SNS開設」です',
      '13-1: 表題は「どこからでも簡単に手続きができる市役所の実現」ですが、目標達成率一覧では「どこからでも簡単に手続ができる市役所の実現」です',
    ]);
    // The same finding for 40 items is one finding listing them.
    const sdgs = byCode('sdgs-missing');
    expect(sdgs.map((f) => [f.nodeCode, f.message.split(': ')[0]])).toEqual([
      [null, 'SDGsの目標が設定されていない取組が40件あります'],
    ]);
    expect(sdgs[0]?.message.split(': ')[1]?.split('、')).toHaveLength(40);
    // Ogori declares no rule relating its ratings to KPI progress: its ratings are never called wrong.
    expect(byCode('rating-kpi-mismatch')).toEqual([]);
  });

  it('prints the same findings as text for the plan stored in the database', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      expect((await runCli(['init'], { DATABASE_URL: db.url })).code).toBe(0);
      const stored = await runCli(['lint'], { DATABASE_URL: db.url });
      const file = await runCli(['lint', OGORI_BUNDLE_PATH]);
      expect(stored.stdout).toBe(file.stdout);
      expect(stored.stdout.split('\n')[0]).toMatch(/^ogori\/action-plan-2 \(FY2022\): \d+ findings$/);
      expect(stored.stdout).toContain('✖ [sheet-missing] 14-1「適切な財政対策の推進」: 個票が原本にありません');
    } finally {
      await db.drop();
    }
  });
});
