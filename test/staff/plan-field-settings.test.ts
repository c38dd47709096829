import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, getNodeForEditing, systemActor, updateNodeSheet } from '../../src/app/index.ts';
import { listAuditEvents } from '../../src/store/index.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, type StaffSessionCookie, signInStaff, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const PAGE = '/staff/plans/action-plan-2/fields';
const MONEY = {
  intent: 'save',
  key: 'settledCost',
  labelJa: '事業費（決算額）',
  labelEn: 'Settled cost',
  kind: 'money-per-year',
  unit: '千円',
  decimals: '1',
};

/**
 * The plan office defines the plan's own sheet fields in the staff settings (Ogori's plan, which has none): add,
 * edit, reorder, remove, each through the same checks as a bundle's sheetFields, over real HTTP.
 */
for (const dialect of DIALECTS) {
  describe(`plan-defined fields in the staff plan settings on ${dialect}`, () => {
    let server: TestServer;
    let office: StaffSessionCookie;
    let user: TestStaff;
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now: () => new Date('2024-04-15T00:00:00Z') });
      user = await buildStaff(server.ctx, { role: 'plan-office' });
      office = await signInStaff(server.ctx, user.email, '192.0.2.40');
    }, 60_000);
    afterAll(() => server.close());

    const version = async () => /name="version" value="(\d+)"/.exec(await (await get()).text())![1]!;
    const get = () => server.get(PAGE, { headers: { cookie: office.cookie } });
    const post = async (fields: Record<string, string>) =>
      server.get(PAGE, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: office.cookie },
        body: new URLSearchParams({ _csrf: office.csrf, version: await version(), ...fields }),
      });
    const defs = async () =>
      (await exportBundle({ ctx: server.ctx, organizationSlug: 'ogori' })).plans[0]!.sheetFields ?? [];

    it('adds a money field and a choice, checked as the bundle checks them', async () => {
      expect(textOf(await (await get()).text())).toContain('計画独自の項目はまだありません。');
      const added = await post({
        intent: 'save',
        target: 'new',
        key: 'settledCost',
        labelJa: '事業費（決算額）',
        labelEn: 'Cost (settled)',
        enteredBy: 'department',
        kind: 'money-per-year',
        unit: '千円',
      });
      expect([added.status, added.headers.get('location')]).toEqual([303, `${PAGE}?notice=fields-saved`]);
      const choice = await post({
        intent: 'save',
        target: 'new',
        key: 'method',
        labelJa: '実施方法',
        kind: 'choice',
        options: 'direct | 直営 | In-house\ncontract | 委託 | Contracted',
      });
      expect(choice.status).toBe(303);
      expect(await defs()).toEqual([
        {
          key: 'settledCost',
          label: { ja: '事業費（決算額）', en: 'Cost (settled)' },
          shape: { kind: 'money-per-year', unit: '千円', decimals: 0 },
          enteredBy: 'department',
        },
        {
          key: 'method',
          label: { ja: '実施方法' },
          shape: {
            kind: 'choice',
            options: [
              { key: 'direct', label: { ja: '直営', en: 'In-house' } },
              { key: 'contract', label: { ja: '委託', en: 'Contracted' } },
            ],
          },
          enteredBy: 'department',
        },
      ]);
      const page = textOf(await (await get()).text());
      expect(page).toContain(
        '名称 形 入力する課 値のある取組 操作 ' +
          '事業費（決算額） 年度ごとの金額 担当課（報告とともに入力） 0 「事業費（決算額）」を下へ 「事業費（決算額）」を削除 ' +
          '実施方法 選択肢 担当課（報告とともに入力） 0 「実施方法」を上へ 「実施方法」を削除',
      );
    });

    it('refuses a reserved key, a duplicate, an empty name and a choice of one option, at their inputs', async () => {
      const reserved = await post({ intent: 'save', target: 'new', key: 'goal', labelJa: '目標', kind: 'text' });
      expect(reserved.status).toBe(400);
      const html = await reserved.text();
      expect(textOf(html)).toContain(
        '組み込みの項目のキーです（使えないキー: status, situation, challenges, goal, legalBasis, code, title',
      );
      expect(html).toContain('href="#f-new-key"');
      const twice = await post({ intent: 'save', target: 'new', key: 'method', labelJa: '実施方法2', kind: 'text' });
      expect(textOf(await twice.text())).toContain('キー「method」の項目はすでにあります');
      const bad = await post({
        intent: 'save',
        target: 'new',
        key: 'staff',
        labelJa: '',
        kind: 'choice',
        options: 'a | 甲',
      });
      const text = textOf(await bad.text());
      expect(bad.status).toBe(400);
      expect(text).toContain('入力内容に誤りがあります 空にはできません 2件以上必要です');
      expect(text).toContain('名称 空にはできません 名称（英語）');
      expect(text).toContain('（1行に1つ「キー | 名称 | 英語名」） 2件以上必要です a | 甲 保存する');
      expect((await defs()).map((d) => d.key)).toEqual(['settledCost', 'method']);
    });

    it('edits a label and a limit, moves a field up, and removes one only while no sheet uses it', async () => {
      const edited = await post(MONEY);
      expect(edited.status).toBe(303);
      expect((await post({ intent: 'up', key: 'method' })).status).toBe(303);
      const now = await defs();
      expect(now.map((d) => [d.key, d.label.en, d.shape])).toEqual([
        ['method', undefined, now[0]!.shape],
        ['settledCost', 'Settled cost', { kind: 'money-per-year', unit: '千円', decimals: 1 }],
      ]);
      // A sheet gives a value for 事業費: removing it is refused, naming how many, and nothing changes.
      const plan = { ctx: server.ctx, actor: systemActor(), organizationSlug: 'ogori', planSlug: 'action-plan-2' };
      const node = await getNodeForEditing({ ...plan, code: '1-1' });
      await updateNodeSheet({
        ...plan,
        code: '1-1',
        expectedVersion: node.version,
        changes: { fields: { settledCost: [{ fy: 2022, amount: 10.5 }] } },
      });
      const refused = await post({ intent: 'remove', key: 'settledCost' });
      expect(refused.status).toBe(400);
      expect(textOf(await refused.text())).toContain(
        '項目「事業費（決算額）」は1件の取組に値があるため削除できません。各取組の値を消してから削除してください',
      );
      // Its shape cannot be narrowed below the values the sheets hold: the bundle's check, at the sheet.
      const narrowed = await post({ ...MONEY, decimals: '0' });
      expect(textOf(await narrowed.text())).toContain('at most 0 decimals');
      expect((await post({ intent: 'remove', key: 'method' })).status).toBe(303);
      expect((await defs()).map((d) => d.key)).toEqual(['settledCost']);
      const events = await listAuditEvents(server.ctx.store.db, user.actor.organizationId);
      const fieldEvents = events.filter((e) => e.action.startsWith('plan.fields.'));
      expect(fieldEvents.map((e) => `${e.action} ${e.summary}`).sort()).toEqual([
        'plan.fields.move 実施方法',
        'plan.fields.remove 実施方法',
        'plan.fields.save 事業費（決算額）',
        'plan.fields.save 事業費（決算額）',
        'plan.fields.save 実施方法',
      ]);
      expect(fieldEvents.find((e) => e.action === 'plan.fields.remove')!.after).not.toHaveProperty('sheetFields.1');
    });
  });
}
