import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addReviewComment,
  getExecutiveView,
  getNodeHistory,
  getPublicEdition,
  getPublishStatus,
  getReport,
  getRoundBoard,
  isAppError,
  listMyTasks,
  openReportingRound,
  publishEdition,
  type ReportValuesInput,
  reviewReport,
  saveReport,
} from '../../src/app/index.ts';
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
const round = { ...plan, fy: 2023 };

for (const dialect of DIALECTS) {
  describe(`reporting round workflow on ${dialect}`, () => {
    let fx: AppFixture;
    let clock = new Date('2024-04-15T00:00:00Z');
    const staff: Record<string, TestStaff> = {};
    beforeAll(async () => {
      fx = await createAppFixture(dialect, { now: () => clock });
      const ctx = fx.ctx;
      staff.office = await buildStaff(ctx, { role: 'plan-office', name: '経営 太郎' });
      staff.keieiEditor = await buildStaff(ctx, {
        role: 'department-editor',
        department: 'keiei-senryaku',
        name: '経営 入力',
      });
      staff.keieiApprover = await buildStaff(ctx, {
        role: 'department-approver',
        department: 'keiei-senryaku',
        name: '経営 課長',
      });
      staff.kenkoEditor = await buildStaff(ctx, { role: 'department-editor', department: 'kenko', name: '健康 入力' });
      staff.kenkoApprover = await buildStaff(ctx, {
        role: 'department-approver',
        department: 'kenko',
        name: '健康 課長',
      });
      staff.sportsEditor = await buildStaff(ctx, {
        role: 'department-editor',
        department: 'sports-shinko',
        name: 'スポーツ 入力',
      });
      staff.gakkoEditor = await buildStaff(ctx, {
        role: 'department-editor',
        department: 'gakko-kyoiku',
        name: '学校教育 入力',
      });
      staff.zaiseiEditor = await buildStaff(ctx, {
        role: 'department-editor',
        department: 'zaisei',
        name: '財政 入力',
      });
      staff.viewer = await buildStaff(ctx, { role: 'viewer', name: '評価 委員' });
    });
    afterAll(() => fx.close());
    const ctx = () => fx.ctx;

    it('only the plan office opens a round, once per year, inside the plan period', async () => {
      const props = { ctx: ctx(), ...round, dueDate: '2024-05-31' };
      expect(await failure(openReportingRound({ ...props, actor: staff.keieiApprover!.actor }))).toEqual([
        'forbidden',
        undefined,
      ]);
      expect(await failure(openReportingRound({ ...props, actor: staff.office!.actor, fy: 2026 }))).toEqual([
        'invalid-input',
        {
          kind: 'fields',
          fieldErrors: {
            fy: {
              ja: '計画期間（令和4年度～令和6年度）内の年度を選んでください',
              en: 'Choose a fiscal year within the plan period (FY2022–FY2024)',
            },
          },
        },
      ]);
      expect(
        await failure(openReportingRound({ ...props, actor: staff.office!.actor, dueDate: '2024-02-30' })),
      ).toEqual([
        'invalid-input',
        {
          kind: 'fields',
          fieldErrors: {
            dueDate: {
              ja: '提出期限を日付（例: 2024-05-31）で入力してください',
              en: 'Enter the due date as YYYY-MM-DD',
            },
          },
        },
      ]);
      expect(await openReportingRound({ ...props, actor: staff.office!.actor })).toMatchObject({ tasks: 40 });
      expect(await failure(openReportingRound({ ...props, actor: staff.office!.actor }))).toEqual([
        'already-exists',
        {
          kind: 'fields',
          fieldErrors: {
            fy: {
              ja: '令和5年度の照会は既に開始されています',
              en: 'The reporting round for FY2023 has already been opened',
            },
          },
        },
      ]);
    });

    it('shows each editor the initiatives of their 課, shared ones included', async () => {
      const mine = await listMyTasks({ ctx: ctx(), actor: staff.kenkoEditor!.actor, ...round });
      expect(mine.rows.map((r) => [r.code, r.state])).toEqual([
        ['2-1', 'not_started'],
        ['8-1', 'not_started'],
        ['8-2', 'not_started'],
        ['10-1', 'not_started'],
      ]);
      const sports = await listMyTasks({ ctx: ctx(), actor: staff.sportsEditor!.actor, ...round });
      expect(sports.rows.map((r) => r.code)).toEqual(['3-3', '9-1', '15-1']);
      expect(await failure(listMyTasks({ ctx: ctx(), actor: staff.viewer!.actor, ...round }))).toEqual([
        'forbidden',
        undefined,
      ]);
    });

    it('pre-fills the year’s results from its plan items, and the next years’ plans', async () => {
      const view = await getReport({ ctx: ctx(), actor: staff.keieiEditor!.actor, ...round, code: '1-1' });
      expect(view.values).toEqual({
        actual:
          'Web会議システム導入に係る車座出前トークの要綱改正\n広報活動\n車座トーク、出前トーク利用件数35件を目指す',
        plans: { 2024: 'アンケートなどで参加者の声を把握する\n広報活動\n車座トーク、出前トーク利用件数40件を目指す' },
        indicators: { 'riyo-kensu': { actual: '', provisional: false, note: '' } },
        rating: '',
        comment: '',
        // Ogori declares no fields of its own for the 課 to enter.
        fields: {},
      });
      expect(view.can).toEqual({
        edit: true,
        submit: true,
        review: false,
        comment: true,
        history: true,
        editPlan: false,
      });
      expect(view.published?.editionName).toBe('令和4年度実績反映版');
      expect(view.changes).toBeUndefined();
      expect(await failure(getReport({ ctx: ctx(), actor: staff.kenkoEditor!.actor, ...round, code: '1-1' }))).toEqual([
        'forbidden',
        undefined,
      ]);
    });

    const r5: ReportValuesInput = {
      actual: 'Web会議システム導入に係る車座出前トークの要綱改正\n\n【R5年度 車座トーク2件、出前トーク20件】 ',
      plans: { 2024: 'アンケートなどで参加者の声を把握する\n車座トーク、出前トーク利用件数40件を目指す' },
      indicators: { 'riyo-kensu': { actual: '２２', provisional: true, note: '車座トーク2件、出前トーク20件' } },
      rating: '60',
      comment: 'Web会議での開催が定着した',
    };

    it('saves a draft; a bad number is refused beside its field and nothing is written', async () => {
      const base = { ctx: ctx(), actor: staff.keieiEditor!.actor, ...round, code: '1-1' };
      const before = await getReport(base);
      const bad = {
        ...r5,
        // The indicator counts 件: a number in another unit is refused (22件 or ２２ would be read as 22).
        indicators: { 'riyo-kensu': { actual: '22人', provisional: false, note: '' } },
        rating: 'A',
      };
      expect(await failure(saveReport({ ...base, expectedVersion: before.version, values: bad }))).toEqual([
        'invalid-input',
        {
          kind: 'fields',
          fieldErrors: {
            'indicators.riyo-kensu.actual': {
              ja: '単位は「件」で入力するか、数値だけを入力してください',
              en: 'Use the unit "件" or type the number alone',
            },
            rating: { ja: '目標達成率は一覧から選んでください', en: 'Achievement rate: choose one from the list' },
          },
        },
      ]);
      expect((await getReport(base)).version).toBe(before.version);
      const saved = await saveReport({
        ...base,
        expectedVersion: before.version,
        values: { ...r5, rating: '', comment: '' },
      });
      expect(saved).toEqual({ version: before.version + 1, state: 'in_progress' });
      const after = await getReport(base);
      expect(after.values.actual).toBe(
        'Web会議システム導入に係る車座出前トークの要綱改正\n【R5年度 車座トーク2件、出前トーク20件】',
      );
      expect(after.values.indicators['riyo-kensu']).toEqual({
        actual: '22',
        provisional: true,
        note: '車座トーク2件、出前トーク20件',
      });
      expect(after.node.indicators[0]!.values.find((v) => v.fy === 2023)).toEqual({
        fy: 2023,
        period: 'FY',
        target: 35,
        actual: 22,
        provisional: true,
        actualNote: '車座トーク2件、出前トーク20件',
      });
      expect(after.changes?.textAdded).toEqual([
        { field: 'roadmap-actual', fy: 2023, item: 'Web会議システム導入に係る車座出前トークの要綱改正' },
        { field: 'roadmap-actual', fy: 2023, item: '【R5年度 車座トーク2件、出前トーク20件】' },
      ]);
    });

    it('refuses a stale save with the current values and who saved them', async () => {
      const base = { ctx: ctx(), ...round, code: '1-1' };
      const loaded = await getReport({ ...base, actor: staff.keieiEditor!.actor });
      await saveReport({
        ...base,
        actor: staff.keieiApprover!.actor,
        expectedVersion: loaded.version,
        values: { ...r5, rating: '50' },
      });
      const [code, details] = await failure(
        saveReport({ ...base, actor: staff.keieiEditor!.actor, expectedVersion: loaded.version, values: r5 }),
      );
      expect(code).toBe('conflict');
      expect(details).toMatchObject({
        kind: 'report-conflict',
        currentVersion: loaded.version + 1,
        changedBy: '経営 課長',
        changedAt: clock.toISOString(),
        currentValues: { rating: '50', comment: 'Web会議での開催が定着した' },
      });
    });

    it('runs editor → 課長 → plan office, with returns going back one step and notes the editor sees', async () => {
      const base = { ctx: ctx(), ...round, code: '1-1' };
      const as = (s: TestStaff) => ({ ...base, actor: s.actor });
      let v = (await getReport(as(staff.keieiEditor!))).version;
      expect(
        await failure(
          saveReport({
            ...as(staff.keieiEditor!),
            expectedVersion: v,
            values: { ...r5, rating: '', comment: '' },
            submit: true,
          }),
        ),
      ).toEqual([
        'invalid-input',
        {
          kind: 'fields',
          fieldErrors: { rating: { ja: '目標達成率を選んでください', en: 'Achievement rate: choose one' } },
        },
      ]);
      expect(await saveReport({ ...as(staff.keieiEditor!), expectedVersion: v, values: r5, submit: true })).toEqual({
        version: v + 1,
        state: 'awaiting_approval',
      });
      v++;
      expect((await failure(saveReport({ ...as(staff.keieiEditor!), expectedVersion: v, values: r5 })))[0]).toBe(
        'invalid-state',
      );
      expect((await failure(reviewReport({ ...as(staff.kenkoApprover!), decision: 'approve' })))[0]).toBe('forbidden');
      expect((await failure(reviewReport({ ...as(staff.office!), decision: 'approve' })))[0]).toBe('forbidden');
      expect(await failure(reviewReport({ ...as(staff.keieiApprover!), decision: 'return', note: ' ' }))).toEqual([
        'invalid-input',
        {
          kind: 'fields',
          fieldErrors: { note: { ja: '差し戻す理由を入力してください', en: 'Enter the reason for returning' } },
        },
      ]);
      expect(
        await reviewReport({
          ...as(staff.keieiApprover!),
          decision: 'return',
          note: '利用件数の内訳を実績に書いてください',
        }),
      ).toEqual({ state: 'returned', step: 0 });
      const returned = await getReport(as(staff.keieiEditor!));
      expect(returned.notes.map((n) => [n.kind, n.authorName, n.text])).toEqual([
        ['return', '経営 課長', '利用件数の内訳を実績に書いてください'],
      ]);
      expect(returned.can.edit).toBe(true);
      await saveReport({ ...as(staff.keieiEditor!), expectedVersion: returned.version, values: r5, submit: true });
      expect(await reviewReport({ ...as(staff.keieiApprover!), decision: 'approve' })).toEqual({
        state: 'submitted',
        step: 2,
      });
      expect((await failure(reviewReport({ ...as(staff.keieiApprover!), decision: 'approve' })))[0]).toBe('forbidden');
      expect(
        await reviewReport({ ...as(staff.office!), decision: 'return', note: 'KPIの速報値は確定後に更新してください' }),
      ).toEqual({ state: 'awaiting_approval', step: 1 });
      expect((await getReport(as(staff.keieiEditor!))).task).toMatchObject({
        state: 'awaiting_approval',
        returned: true,
      });
      await reviewReport({ ...as(staff.keieiApprover!), decision: 'approve', note: '確認しました' });
      expect(await reviewReport({ ...as(staff.office!), decision: 'approve' })).toEqual({ state: 'approved', step: 3 });
      const done = await getReport(as(staff.viewer!));
      expect(done.can).toEqual({
        edit: false,
        submit: false,
        review: false,
        comment: true,
        history: true,
        editPlan: false,
      });
      expect(done.notes.map((n) => [n.kind, n.text])).toEqual([
        ['return', '利用件数の内訳を実績に書いてください'],
        ['approve', ''],
        ['return', 'KPIの速報値は確定後に更新してください'],
        ['approve', '確認しました'],
        ['approve', ''],
      ]);
    });

    it('lets the lead 課 of a shared initiative edit its sheet, a co-department only its part, and no other', async () => {
      const base = { ctx: ctx(), ...round, code: '9-1' };
      const v = (await getReport({ ...base, actor: staff.sportsEditor!.actor })).version;
      const values = { actual: '部活動の地域移行に向けた協議会の設置', rating: '50' };
      expect(
        (await failure(saveReport({ ...base, actor: staff.zaiseiEditor!.actor, expectedVersion: v, values })))[0],
      ).toBe('forbidden');
      // スポーツ振興課 is a co-department of 9-1 (学校教育課 leads): a rating is not its to give.
      expect(
        (await failure(saveReport({ ...base, actor: staff.sportsEditor!.actor, expectedVersion: v, values })))[0],
      ).toBe('invalid-input');
      const part = { actual: '地域スポーツ指導者の登録' };
      expect(await saveReport({ ...base, actor: staff.sportsEditor!.actor, expectedVersion: v, values: part })).toEqual(
        {
          version: v + 1,
          state: 'not_started',
        },
      );
      expect(await saveReport({ ...base, actor: staff.gakkoEditor!.actor, expectedVersion: v + 1, values })).toEqual({
        version: v + 2,
        state: 'in_progress',
      });
    });

    it('lets viewers comment but not edit', async () => {
      const base = { ctx: ctx(), ...round, code: '2-1', actor: staff.viewer!.actor };
      const v = (await getReport(base)).version;
      expect((await failure(saveReport({ ...base, expectedVersion: v, values: { actual: 'x' } })))[0]).toBe(
        'forbidden',
      );
      await addReviewComment({ ...base, text: '接種率の推移も示してください' });
      expect((await getReport(base)).notes.map((n) => [n.kind, n.authorName, n.text])).toEqual([
        ['comment', '評価 委員', '接種率の推移も示してください'],
      ]);
    });

    it('shows the board by 課 and by goal, and what is overdue after the due date', async () => {
      const board = await getRoundBoard({ ctx: ctx(), actor: staff.office!.actor, ...round });
      expect(board.totals).toEqual({
        not_started: 38,
        in_progress: 1,
        returned: 0,
        awaiting_approval: 0,
        submitted: 0,
        approved: 1,
        overdue: 0,
        dueSoon: 0,
      });
      expect(board.byDepartment.find((d) => d.code === 'sports-shinko')).toMatchObject({
        name: 'スポーツ振興課',
        codes: ['3-3', '9-1', '15-1'],
      });
      expect(board.byGoal.find((g) => g.code === '1')?.counts).toMatchObject({ approved: 1, not_started: 2 });
      clock = new Date('2024-05-27T00:00:00Z');
      expect((await getRoundBoard({ ctx: ctx(), actor: staff.office!.actor, ...round })).totals).toMatchObject({
        dueSoon: 39,
        overdue: 0,
      });
      clock = new Date('2024-06-01T00:00:00Z');
      const late = await getRoundBoard({ ctx: ctx(), actor: staff.office!.actor, ...round });
      expect(late.totals).toMatchObject({ overdue: 39, dueSoon: 0 });
      expect(late.daysLeft).toBe(-1);
      expect((await failure(getRoundBoard({ ctx: ctx(), actor: staff.kenkoEditor!.actor, ...round })))[0]).toBe(
        'forbidden',
      );
    });

    it('publishes the R5 edition; the public sees its ratings and the R4 edition stays readable', async () => {
      expect(
        (
          await failure(
            publishEdition({
              ctx: ctx(),
              actor: staff.keieiEditor!.actor,
              ...plan,
              name: '令和5年度実績反映版',
              fy: 2023,
            }),
          )
        )[0],
      ).toBe('forbidden');
      const before = await getPublicEdition(ctx(), plan);
      const r4Id = before.edition.id;
      const status = await getPublishStatus({ ctx: ctx(), actor: staff.office!.actor, ...plan });
      // Only approved reports go in; the office confirms how many keep their R4 content.
      expect(status.notApproved).toBe(39);
      await publishEdition({
        ctx: ctx(),
        actor: staff.office!.actor,
        ...plan,
        name: '令和5年度実績反映版',
        fy: 2023,
        confirmWithheld: status.notApproved,
      });
      const pub = await getPublicEdition(ctx(), plan);
      expect(pub.edition.name).toBe('令和5年度実績反映版');
      expect(pub.editions.map((e) => e.name)).toEqual(['令和5年度実績反映版', '令和4年度実績反映版']);
      const node = pub.content.plan.nodes[0]!.children[0]!;
      expect(node.assessments).toEqual([
        { fy: 2022, period: 'FY', level: '10' },
        { fy: 2023, period: 'FY', level: '60', comment: 'Web会議での開催が定着した' },
      ]);
      const r4 = await getPublicEdition(ctx(), { ...plan, editionId: r4Id });
      expect(r4.content.plan.nodes[0]!.children[0]!.assessments).toEqual([{ fy: 2022, period: 'FY', level: '10' }]);
    });

    it('lists who changed an initiative, what and when', async () => {
      const h = await getNodeHistory({ ctx: ctx(), actor: staff.keieiEditor!.actor, ...plan, code: '1-1' });
      expect(h.entries.map((e) => [e.action, e.actorName]).reverse()).toEqual([
        ['report.save', '経営 入力'],
        ['report.start', '経営 入力'],
        ['report.save', '経営 課長'],
        ['report.save', '経営 入力'],
        ['report.submit', '経営 入力'],
        ['report.return', '経営 課長'],
        ['report.save', '経営 入力'],
        ['report.submit', '経営 入力'],
        ['report.approve', '経営 課長'],
        ['report.return', '経営 太郎'],
        ['report.approve', '経営 課長'],
        ['report.approve', '経営 太郎'],
      ]);
      expect(h.entries.at(-1)?.changedFields).toEqual(['roadmap', 'indicators']);
      expect(h.entries.find((e) => e.action === 'report.return')?.note).toBe('KPIの速報値は確定後に更新してください');
      expect(
        (await failure(getNodeHistory({ ctx: ctx(), actor: staff.kenkoEditor!.actor, ...plan, code: '1-1' })))[0],
      ).toBe('forbidden');
    });

    it('shows executives late submissions, rating drops and changes since the edition, and judges no KPI Ogori does not', async () => {
      const base = { ctx: ctx(), ...round, code: '2-1', actor: staff.kenkoEditor!.actor };
      const v = (await getReport(base)).version;
      await saveReport({ ...base, expectedVersion: v, values: { actual: '追加接種を実施', rating: '90' } });
      const view = await getExecutiveView({ ctx: ctx(), actor: staff.viewer!.actor, ...plan });
      expect(view.fy).toBe(2023);
      expect(view.late).toHaveLength(39);
      expect(view.ratingDrops).toEqual([
        {
          code: '2-1',
          title: '新型コロナウイルス感染症ワクチン接種の速やかな実施',
          previous: '100',
          current: '90',
          previousScore: 100,
          currentScore: 90,
        },
      ]);
      // Ogori declares no status rule: no KPI is called behind.
      expect([view.statusRule, view.kpisAtRisk]).toEqual([null, []]);
      expect(view.editionName).toBe('令和5年度実績反映版');
      // 9-1's draft rating (never approved) was kept out of the edition, so it is still a change to come.
      expect(view.changes?.initiatives.map((i) => [i.code, i.ratings])).toEqual([
        ['2-1', [{ fy: 2023, from: null, to: '90' }]],
        ['9-1', [{ fy: 2023, from: null, to: '50' }]],
      ]);
      expect((await failure(getExecutiveView({ ctx: ctx(), actor: staff.kenkoEditor!.actor, ...plan })))[0]).toBe(
        'forbidden',
      );
    });

    it('of ten saves of one report sent at once, one lands and nine get a conflict; history records the one', async () => {
      const base = { ctx: ctx(), ...round, code: '8-2', actor: staff.kenkoEditor!.actor };
      const history = async () => (await getNodeHistory({ ...base, ...plan })).entries.map((e) => e.action).reverse();
      // The first burst also starts the task (a transaction), the second is a plain draft save (one write).
      for (const burst of ['初回', '二回目']) {
        const loaded = await getReport(base);
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            failure(
              saveReport({ ...base, expectedVersion: loaded.version, values: { ...r5, comment: `${burst}${i}` } }),
            ),
          ),
        );
        expect(results.map(([code]) => code).sort()).toEqual([...Array(9).fill('conflict'), 'ok']);
        const after = await getReport(base);
        expect(after.version).toBe(loaded.version + 1);
        expect(after.task.state).toBe('in_progress');
        expect(after.values.comment).toMatch(new RegExp(`^${burst}\\d$`));
      }
      expect(await history()).toEqual(['report.save', 'report.start', 'report.save']);
    });
  });
}
