import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDepartment,
  addNode,
  deletePlanNode,
  editIndicator,
  editNode,
  editPlanSettings,
  getNodeHistory,
  isAppError,
  loadPlan,
  moveNode,
  openReportingRound,
  renameDepartment,
} from '../../src/app/index.ts';
import { findNode, targetInForce } from '../../src/domain/index.ts';
import { listDepartments } from '../../src/store/index.ts';
import { type AppFixture, createAppFixture } from '../harness/app-fixture.ts';
import { buildStaff, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';

async function failure(p: Promise<unknown>): Promise<[string, unknown]> {
  try {
    await p;
    return ['ok', undefined];
  } catch (e) {
    if (isAppError(e)) return [e.code, e.details];
    throw e;
  }
}

const plan = { organizationSlug: 'ogori', planSlug: 'action-plan-2' };

for (const dialect of DIALECTS) {
  describe(`plan editing on ${dialect}`, () => {
    let fx: AppFixture;
    let office: TestStaff;
    let editor: TestStaff;
    beforeAll(async () => {
      fx = await createAppFixture(dialect, { now: () => new Date('2024-03-01T00:00:00Z') });
      office = await buildStaff(fx.ctx, { role: 'plan-office', name: '計画 担当' });
      editor = await buildStaff(fx.ctx, { role: 'department-editor', department: 'keiei-senryaku' });
    });
    afterAll(() => fx.close());
    const doc = async () => (await loadPlan(fx.ctx.store.db, 'ogori', 'action-plan-2')).document;
    const nodeRow = async (code: string) =>
      (await loadPlan(fx.ctx.store.db, 'ogori', 'action-plan-2')).nodes.find((n) => n.code === code)!;

    it('edits metadata, level names and the rating scale; only the plan office may', async () => {
      const loaded = await loadPlan(fx.ctx.store.db, 'ogori', 'action-plan-2');
      const scale = loaded.document.ratingScales[0]!;
      const input = {
        title: 'もっとつながるまち小郡アクションプラン',
        shortTitle: '第2期アクションプラン',
        vision: 'もっとつながるまち小郡',
        startFy: '2022',
        endFy: '2025',
        levels: ['基本目標', '取組'],
        scaleName: '目標達成率',
        scaleLevels: scale.levels.map((l) => ({
          key: l.key,
          label: l.label,
          definition: l.key === '100' ? '計画どおり完了' : '',
          score: String(l.score),
          excluded: false,
        })),
      };
      const props = { ctx: fx.ctx, ...plan, expectedVersion: loaded.plan.version, input };
      expect((await failure(editPlanSettings({ ...props, actor: editor.actor })))[0]).toBe('forbidden');
      expect(
        await failure(editPlanSettings({ ...props, actor: office.actor, input: { ...input, endFy: '2021' } })),
      ).toEqual([
        'invalid-input',
        {
          kind: 'fields',
          fieldErrors: {
            endFy: {
              ja: '終了年度は開始年度以降にしてください',
              en: 'The last fiscal year must not be before the first',
            },
          },
        },
      ]);
      expect(
        await failure(
          editPlanSettings({
            ...props,
            actor: office.actor,
            input: { ...input, scaleLevels: input.scaleLevels.filter((l) => l.key !== '10') },
          }),
        ),
      ).toEqual([
        'invalid-input',
        {
          kind: 'fields',
          fieldErrors: {
            scaleLevels: {
              ja: '評価「10%」は使われているため削除できません',
              en: 'Rating "10%" is in use and cannot be removed',
            },
          },
        },
      ]);
      await editPlanSettings({ ...props, actor: office.actor });
      const d = await doc();
      expect(d.period).toEqual({ startFy: 2022, endFy: 2025 });
      expect(d.levels).toEqual([
        { ja: '基本目標', en: 'Basic goal' },
        { ja: '取組', en: 'Initiative' },
      ]);
      expect(d.ratingScales[0]!.levels.at(-1)).toEqual({
        key: '100',
        label: '100%',
        definition: '計画どおり完了',
        score: 100,
        excluded: false,
      });
      expect((await failure(editPlanSettings({ ...props, actor: office.actor })))[0]).toBe('conflict');
    });

    it('adds, reorders, moves and deletes nodes, keeping document order', async () => {
      await addNode({
        ctx: fx.ctx,
        actor: office.actor,
        ...plan,
        parentCode: '1',
        code: '1-4',
        title: '市民アンケートの実施',
        departments: ['keiei-senryaku'],
      });
      expect(
        await failure(addNode({ ctx: fx.ctx, actor: office.actor, ...plan, parentCode: '1', code: '1-4', title: 'x' })),
      ).toEqual([
        'invalid-input',
        {
          kind: 'fields',
          fieldErrors: { code: { ja: '番号「1-4」は既に使われています', en: 'Code "1-4" is already used' } },
        },
      ]);
      expect(
        (
          await failure(
            addNode({ ctx: fx.ctx, actor: office.actor, ...plan, parentCode: '1-1', code: '1-1-1', title: 'x' }),
          )
        )[1],
      ).toEqual({
        kind: 'fields',
        fieldErrors: {
          parentCode: { ja: 'この階層の下には追加できません', en: 'Nothing can be added below this level' },
        },
      });
      expect((await doc()).nodes[0]!.children.map((n) => n.code)).toEqual(['1-1', '1-2', '1-3', '1-4']);
      await moveNode({ ctx: fx.ctx, actor: office.actor, ...plan, code: '1-4', direction: 'up' });
      expect((await doc()).nodes[0]!.children.map((n) => n.code)).toEqual(['1-1', '1-2', '1-4', '1-3']);
      await moveNode({ ctx: fx.ctx, actor: office.actor, ...plan, code: '1-4', newParentCode: '13' });
      const d = await doc();
      expect(d.nodes[0]!.children.map((n) => n.code)).toEqual(['1-1', '1-2', '1-3']);
      expect(findNode(d, '13')!.children.map((n) => n.code)).toEqual(['13-1', '13-2', '1-4']);
      const rows = (await loadPlan(fx.ctx.store.db, 'ogori', 'action-plan-2')).nodes;
      expect(rows.map((r) => r.sortOrder)).toEqual(rows.map((_, i) => i));
      expect(
        (await failure(moveNode({ ctx: fx.ctx, actor: editor.actor, ...plan, code: '1-4', direction: 'up' })))[0],
      ).toBe('forbidden');
      expect(await failure(deletePlanNode({ ctx: fx.ctx, actor: office.actor, ...plan, code: '1-1' }))).toEqual([
        'invalid-input',
        {
          kind: 'fields',
          fieldErrors: {
            form: {
              ja: '報告や評価のある取組は削除できません。「廃止」などの状態にしてください',
              en: 'An initiative with reports or ratings cannot be deleted; give it a status such as abolished',
            },
          },
        },
      ]);
      await deletePlanNode({ ctx: fx.ctx, actor: office.actor, ...plan, code: '1-4' });
      expect(findNode(await doc(), '1-4')).toBeUndefined();
    });

    it('assigns 課 and ends an initiative by merging it into another from a fiscal year', async () => {
      const row = await nodeRow('14-2');
      const input = {
        title: row.title,
        departments: ['keiei-senryaku', 'zaisei', ''],
        goal: '',
        situationFy: '',
        situation: '',
        challengesFy: '',
        challenges: '',
        sdgs: '16, 17',
        lifecycleStatus: 'merged',
        lifecycleFromFy: '2024',
        lifecycleInto: '14-1',
        lifecycleNote: '財政対策に統合',
      };
      const props = { ctx: fx.ctx, actor: office.actor, ...plan, code: '14-2', expectedVersion: row.version };
      expect(
        await failure(editNode({ ...props, input: { ...input, departments: ['nope'], lifecycleInto: '' } })),
      ).toEqual([
        'invalid-input',
        {
          kind: 'fields',
          fieldErrors: {
            departments: { ja: '登録されていない課です: nope', en: 'Not a registered department: nope' },
            lifecycleInto: {
              ja: '統合・分割先の番号を入力してください',
              en: 'Enter the codes it was merged or split into',
            },
          },
        },
      ]);
      await editNode({ ...props, input });
      const n = findNode(await doc(), '14-2')!;
      expect(n.departments).toEqual(['keiei-senryaku', 'zaisei']);
      expect(n.sdgs).toEqual([16, 17]);
      expect(n.lifecycle).toEqual({ status: 'merged', fromFy: 2024, into: ['14-1'], note: '財政対策に統合' });
      // Merged from FY2024: no task in a 2024 round, still one in 2023.
      const r23 = await openReportingRound({
        ctx: fx.ctx,
        actor: office.actor,
        ...plan,
        fy: 2023,
        dueDate: '2024-05-31',
      });
      const r24 = await openReportingRound({
        ctx: fx.ctx,
        actor: office.actor,
        ...plan,
        fy: 2024,
        dueDate: '2025-05-31',
      });
      expect([r23.tasks, r24.tasks]).toEqual([40, 39]);
    });

    it('lets administrators add and rename 課, nobody else', async () => {
      const admin = await buildStaff(fx.ctx, { role: 'admin' });
      const base = { ctx: fx.ctx, organizationSlug: 'ogori' };
      const input = { code: 'dx-suishin', name: 'DX推進課', nameEn: 'Digital Transformation Division' };
      expect((await failure(addDepartment({ ...base, actor: office.actor, input })))[0]).toBe('forbidden');
      expect(await failure(addDepartment({ ...base, actor: admin.actor, input: { ...input, code: 'DX' } }))).toEqual([
        'invalid-input',
        {
          kind: 'fields',
          fieldErrors: {
            code: {
              ja: '記号は半角英小文字・数字・「-」で入力してください（例: keiei-senryaku）',
              en: 'Use a-z, 0-9 and "-" (e.g. keiei-senryaku)',
            },
          },
        },
      ]);
      await addDepartment({ ...base, actor: admin.actor, input });
      expect(await failure(addDepartment({ ...base, actor: admin.actor, input }))).toEqual([
        'already-exists',
        {
          kind: 'fields',
          fieldErrors: { code: { ja: '記号「dx-suishin」は既に使われています', en: '"dx-suishin" is already used' } },
        },
      ]);
      await renameDepartment({ ...base, actor: admin.actor, code: 'dx-suishin', name: 'デジタル推進課' });
      const orgId = office.actor.organizationId;
      const all = await listDepartments(fx.ctx.store.db, orgId);
      expect(all.at(-1)).toMatchObject({ code: 'dx-suishin', name: 'デジタル推進課' });
      expect(all).toHaveLength(22);
    });

    it('revises a KPI target and keeps the old one with the year it changed', async () => {
      const row = await nodeRow('1-3');
      const ind = row.content.indicators[0]!;
      const props = { ctx: fx.ctx, actor: office.actor, ...plan, code: '1-3', expectedVersion: row.version };
      const input = {
        key: ind.key,
        name: ind.name,
        unit: ind.unit,
        kind: ind.kind,
        direction: ind.direction,
        baselineFy: String(ind.baseline?.fy ?? ''),
        baselineValue: String(ind.baseline?.value ?? ''),
        targetFy: String(ind.target!.fy),
        targetValue: '１２，０００',
        targetNote: '',
        reviseFromFy: '2024',
      };
      expect(await failure(editIndicator({ ...props, input: { ...input, targetValue: '多い' } }))).toEqual([
        'invalid-input',
        {
          kind: 'fields',
          fieldErrors: {
            targetValue: { ja: '数値で入力してください（例: 1,234）', en: 'Type a number (e.g. 1,234)' },
          },
        },
      ]);
      await editIndicator({ ...props, input });
      const after = findNode(await doc(), '1-3')!.indicators[0]!;
      expect(after.target).toMatchObject({ value: 12000, inForceFromFy: 2024 });
      expect(after.targetHistory).toEqual([
        {
          fromFy: 2022,
          value: ind.target!.value,
          decidedOn: '2024-03-01',
          ...(ind.target!.note && { note: ind.target!.note }),
        },
      ]);
      expect(after.direction).toBe('higher');
      expect(targetInForce(after, 2023)?.value).toBe(ind.target!.value);
      expect(targetInForce(after, 2024)?.value).toBe(12000);
      const h = await getNodeHistory({ ctx: fx.ctx, actor: office.actor, ...plan, code: '1-3' });
      expect(h.entries.map((e) => [e.action, e.actorName, e.changedFields])).toEqual([
        ['node.indicator', '計画 担当', ['indicators']],
      ]);
      // A direction nobody declared is kept as such (it was saved as "higher"), and a made-up one refused.
      const again = { ...props, expectedVersion: (await nodeRow('1-3')).version };
      expect(await failure(editIndicator({ ...again, input: { ...input, direction: 'sideways' } }))).toEqual([
        'invalid-input',
        {
          kind: 'fields',
          fieldErrors: { direction: { ja: '望ましい方向を選んでください', en: 'Choose a direction' } },
        },
      ]);
      await editIndicator({ ...again, input: { ...input, direction: 'unknown', reviseFromFy: '' } });
      expect(findNode(await doc(), '1-3')!.indicators[0]!.direction).toBe('unknown');
    });
  });
}
