import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReport, openReportingRound, systemActor } from '../../src/app/index.ts';
import { listAuditEvents } from '../../src/store/index.ts';
import { EVALUATION_ORG, evaluationBundle } from '../harness/evaluation-plans.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, signInStaff, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

// ひかりの市's RAG plan (test/harness/evaluation-plans.ts) lets a verdict be set by hand to amber or red with a
// reason; its pro-rata plan declares no override. Both go through the entry form of the 令和7年度 round.
const REASON = '委託先の報告が遅れ、年度末の実績が未反映のため';

for (const dialect of DIALECTS) {
  describe(`a verdict set by hand through the entry form (${dialect})`, () => {
    let server: TestServer;
    let editor: TestStaff;
    let office: TestStaff;
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, bundles: () => [evaluationBundle()] });
      editor = await buildStaff(server.ctx, { role: 'department-editor', department: 'kikaku', org: EVALUATION_ORG });
      office = await buildStaff(server.ctx, { role: 'plan-office', org: EVALUATION_ORG });
      for (const planSlug of ['rag', 'pro-rata']) {
        await openReportingRound({
          ctx: server.ctx,
          actor: systemActor(),
          organizationSlug: EVALUATION_ORG,
          planSlug,
          fy: 2025,
          dueDate: '2099-05-31',
        });
      }
    }, 60_000);
    afterAll(() => server.close());

    const path = (plan: string, code: string) => `/staff/plans/${plan}/rounds/2025/tasks/${code}`;
    const page = async (s: { cookie: string }, plan: string, code: string) =>
      (await server.get(path(plan, code), { headers: { cookie: s.cookie } })).text();
    const post = async (s: { cookie: string; csrf: string }, plan: string, code: string, f: Record<string, string>) => {
      const version = /name="version" value="(\d+)"/.exec(await page(s, plan, code))![1]!;
      return server.get(path(plan, code), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie },
        body: new URLSearchParams({ _csrf: s.csrf, version, intent: 'save', actual: '実施', ...f }),
      });
    };
    const stored = async (s: TestStaff, plan: string, code: string) => {
      const v = (
        await getReport({
          ctx: server.ctx,
          actor: s.actor,
          organizationSlug: EVALUATION_ORG,
          planSlug: plan,
          fy: 2025,
          code,
        })
      ).values;
      return [v.override, v.overrideReason];
    };

    it('the 課 sets one with its reason beside the computed verdict; without a reason or to green it is refused', async () => {
      const s = await signInStaff(server.ctx, editor.email, 'override-1');
      const form = textOf(await page(s, 'rag', '3-1'));
      // 95 ÷ 100 = 95 %: amber by the figures, shown beside the field.
      expect(form).toContain('手入力による判定（進捗（信号）） 計算による判定（保存済みの実績値による）: やや遅れ');
      const noReason = await post(s, 'rag', '3-1', { override: 'red', overrideReason: '' });
      expect(noReason.status).toBe(400);
      const html = await noReason.text();
      expect(textOf(html)).toContain('判定を手入力するときは、その理由を入力してください');
      expect(html).toMatch(/<option value="red" selected/);
      const green = await post(s, 'rag', '3-1', { override: 'green', overrideReason: REASON });
      expect(green.status).toBe(400);
      expect(textOf(await green.text())).toContain('手入力による判定は一覧から選んでください（やや遅れ、遅れ）');
      expect(await stored(editor, 'rag', '3-1')).toEqual(['', '']);

      expect((await post(s, 'rag', '3-1', { override: 'red', overrideReason: REASON })).status).toBe(303);
      expect(await stored(editor, 'rag', '3-1')).toEqual(['red', REASON]);
      const node = (
        await getReport({
          ctx: server.ctx,
          actor: editor.actor,
          organizationSlug: EVALUATION_ORG,
          planSlug: 'rag',
          fy: 2025,
          code: '3-1',
        })
      ).node;
      expect(node.statusOverrides).toEqual([{ fy: 2025, level: 'red', reason: REASON }]);
      const orgId = editor.user.organizationId;
      const [last] = await listAuditEvents(server.ctx.store.db, orgId, { entityType: 'node', limit: 1 });
      expect([last?.action, (last!.after as { statusOverrides?: unknown }).statusOverrides]).toEqual([
        'report.save',
        [{ fy: 2025, level: 'red', reason: REASON }],
      ]);
    });

    it('the plan office clears one through the same form; a save without the field keeps it', async () => {
      const s = await signInStaff(server.ctx, office.email, 'override-2');
      expect(await stored(office, 'rag', '3-2')).toEqual([
        'amber',
        '年度末に完了した事業の実績が翌年度に計上されるため',
      ]);
      // A channel that does not carry the field (as the 課 workbook) leaves it as saved.
      const version = /name="version" value="(\d+)"/.exec(await page(s, 'rag', '3-2'))![1]!;
      const without = await server.get(path('rag', '3-2'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie },
        body: new URLSearchParams({ _csrf: s.csrf, version, intent: 'save', actual: '実施' }),
      });
      expect(without.status).toBe(303);
      expect((await stored(office, 'rag', '3-2'))[0]).toBe('amber');
      expect((await post(s, 'rag', '3-2', { override: '', overrideReason: '' })).status).toBe(303);
      expect(await stored(office, 'rag', '3-2')).toEqual(['', '']);
    });

    it('a plan that declares no override shows no such field and refuses one', async () => {
      const s = await signInStaff(server.ctx, editor.email, 'override-3');
      expect(await page(s, 'pro-rata', '1-1')).not.toContain('name="override"');
      const res = await post(s, 'pro-rata', '1-1', { override: 'behind', overrideReason: REASON });
      expect(res.status).toBe(400);
      expect(textOf(await res.text())).toContain('この計画では判定を手入力できません');
      expect(await stored(editor, 'pro-rata', '1-1')).toEqual([undefined, undefined]);
    });
  });
}
