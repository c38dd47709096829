import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleToJson,
  exportBundle,
  getReport,
  getRoundBoard,
  importBundle,
  listWaitingWork,
  loadPlan,
  systemActor,
} from '../../src/app/index.ts';
import type { PlanDocument } from '../../src/domain/index.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, openOgoriRound, signInStaff, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const ROUND = '/staff/plans/action-plan-2/rounds/2023';
const TASK = `${ROUND}/tasks`;
const round = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };
const squeeze = (s: string) => s.replace(/\s+/g, '');

// Issue #15 item 4: a shared initiative (several 担当課) is the lead 課's sheet; its co-departments contribute their
// own 実績 and comment, which the lead and the reviewers see and the editions print marked with the 課 name.
// 9-1 is 学校教育課 (lead), スポーツ振興課, 生涯学習課; 10-1 is 子育て支援課 (lead), 健康課.
for (const dialect of DIALECTS) {
  describe(`shared initiatives: the lead 課 submits, co-departments contribute, on ${dialect}`, () => {
    let server: TestServer;
    const staff: Record<string, TestStaff> = {};
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now: () => new Date('2024-04-15T00:00:00Z') });
      const ctx = server.ctx;
      staff.lead = await buildStaff(ctx, { role: 'department-editor', department: 'gakko-kyoiku' });
      staff.leadBoss = await buildStaff(ctx, { role: 'department-approver', department: 'gakko-kyoiku' });
      staff.co = await buildStaff(ctx, { role: 'department-editor', department: 'sports-shinko' });
      staff.coBoss = await buildStaff(ctx, { role: 'department-approver', department: 'sports-shinko' });
      staff.kenko = await buildStaff(ctx, { role: 'department-editor', department: 'kenko' });
      staff.office = await buildStaff(ctx, { role: 'plan-office' });
      await openOgoriRound(ctx);
    });
    afterAll(() => server.close());

    const sessions = new Map<TestStaff, Awaited<ReturnType<typeof signInStaff>>>();
    async function session(as: TestStaff) {
      if (!sessions.has(as)) sessions.set(as, await signInStaff(server.ctx, as.email, 'shared'));
      return sessions.get(as)!;
    }
    async function post(as: TestStaff, url: string, fields: Record<string, string> | [string, string][]) {
      const s = await session(as);
      const body = new URLSearchParams(fields);
      body.set('_csrf', s.csrf);
      const res = await server.get(url, {
        method: 'POST',
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      return { status: res.status, text: textOf(await res.text()) };
    }
    async function page(as: TestStaff, url: string) {
      const res = await server.get(url, { headers: { cookie: (await session(as)).cookie } });
      return textOf(await res.text());
    }
    const report = (code: string, as = staff.office!) =>
      getReport({ ctx: server.ctx, actor: as.actor, ...round, code });
    const save = async (as: TestStaff, code: string, fields: Record<string, string>) =>
      post(as, `${TASK}/${code}`, { version: String((await report(code)).version), ...fields });
    const review = async (as: TestStaff, code: string) =>
      post(as, `${TASK}/${code}/review`, {
        decision: 'approve',
        taskVersion: String((await report(code)).task.version),
      });

    it('saves a co-department’s part apart from the lead’s sheet and shows it to the lead, marked with the 課', async () => {
      const saved = await save(staff.co!, '9-1', {
        actual: '地域スポーツ指導者の登録を開始\n部活動指導員2名を派遣',
        comment: '指導者の確保が課題',
      });
      expect(saved.status).toBe(303);
      const view = await report('9-1');
      expect(view.contributions).toEqual([
        {
          code: 'sports-shinko',
          name: 'スポーツ振興課',
          nameEn: 'Sports Promotion Division',
          actual: ['地域スポーツ指導者の登録を開始', '部活動指導員2名を派遣'],
          comment: '指導者の確保が課題',
          review: null,
        },
      ]);
      // The lead's sheet and task are untouched: 実績 is still the year's 計画 to edit, nobody has started it.
      expect([view.sheet.actual, view.sheet.comment, view.task.state]).toEqual([
        '「小郡市部活動改革協議会」設置',
        '',
        'not_started',
      ]);
      const lead = await page(staff.lead!, `${TASK}/9-1`);
      expect(lead).toContain(
        '共同担当課の記入 公表する版では、主担当課の実績の後に各行へ課名を付けて載ります。 スポーツ振興課 地域スポーツ指導者の登録を開始 部活動指導員2名を派遣 指導者の確保が課題 生涯学習課 （まだ記入がありません）',
      );
      const co = await page(staff.co!, `${TASK}/9-1`);
      expect(co).toContain('スポーツ振興課の記入（共同担当課）');
      expect(co).toContain('主担当課（学校教育課）の記入');
      expect(co).not.toContain('保存して課長に提出');
    });

    it('refuses a co-department’s submit, rating or 計画 on the lead’s sheet over the form, and changes nothing', async () => {
      const before = await report('9-1');
      const submit = await save(staff.co!, '9-1', { actual: '提出させる', intent: 'submit' });
      expect(submit.status).toBe(403);
      const rated = await save(staff.co!, '9-1', { actual: '評価も付ける', rating: '100' });
      expect(rated.status).toBe(400);
      expect(rated.text).toContain('共同担当課が書けるのは、その課の実績とコメントだけです');
      const planned = await save(staff.co!, '9-1', { actual: '計画も書く', 'plan.2024': '勝手な計画' });
      expect(planned.status).toBe(400);
      const after = await report('9-1');
      expect([after.version, after.task.state, after.contributions[0]!.actual]).toEqual([
        before.version,
        'not_started',
        ['地域スポーツ指導者の登録を開始', '部活動指導員2名を派遣'],
      ]);
    });

    it('lets only the lead submit and only the lead’s 課長 approve; the co-department cannot write once submitted', async () => {
      expect(
        (await save(staff.lead!, '9-1', { actual: '部活動改革協議会を設置', rating: '40', intent: 'submit' })).status,
      ).toBe(303);
      expect((await report('9-1')).task.state).toBe('awaiting_approval');
      const byCoBoss = await review(staff.coBoss!, '9-1');
      expect(byCoBoss.status).toBe(403);
      expect((await save(staff.coBoss!, '9-1', { actual: '課長が書き足す' })).status).toBe(409);
      expect((await save(staff.co!, '9-1', { actual: '提出後に書き足す' })).status).toBe(409);
      expect((await report('9-1')).task.state).toBe('awaiting_approval');
      expect(await page(staff.leadBoss!, `${TASK}/9-1`)).toContain('スポーツ振興課 地域スポーツ指導者の登録を開始');
      expect((await review(staff.leadBoss!, '9-1')).status).toBe(303);
      expect(await page(staff.office!, `${TASK}/9-1`)).toContain('部活動指導員2名を派遣 指導者の確保が課題');
      expect((await review(staff.office!, '9-1')).status).toBe(303);
      const done = await report('9-1');
      expect([done.task.state, done.contributions.length]).toEqual(['approved', 1]);
    });

    it('lets a co-department’s workbook write only its part, and never submit the lead’s sheet', async () => {
      const s = await session(staff.kenko!);
      const res = await server.get(`${ROUND}/workbook?department=kenko`, { headers: { cookie: s.cookie } });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const items = wb.getWorksheet('取組')!;
      const rowOf = (code: string) => {
        for (let r = 2; r <= items.rowCount; r++) if (items.getCell(`A${r}`).value === code) return r;
        throw new Error(`no row ${code}`);
      };
      const r = rowOf('10-1');
      // The co-department's row carries its own (empty) part, not the lead's 計画 or rating; no KPI rows of 10-1.
      expect([items.getCell(`H${r}`).value, items.getCell(`J${r}`).value, items.getCell(`K${r}`).value]).toEqual([
        null,
        null,
        null,
      ]);
      const kpis: unknown[] = [];
      wb.getWorksheet('指標')!.eachRow((row) => kpis.push(row.getCell(1).value));
      expect(kpis.includes('10-1')).toBe(false);
      const upload = async (file: ArrayBuffer, submit: boolean) => {
        const form = new FormData();
        form.set('_csrf', s.csrf);
        if (submit) form.set('submit', '1');
        form.set('file', new Blob([new Uint8Array(file)]), 'kenko.xlsx');
        const up = await server.get(`${ROUND}/workbook`, { method: 'POST', body: form, headers: { cookie: s.cookie } });
        return { status: up.status, text: textOf(await up.text()) };
      };
      items.getCell(`J${r}`).value = '100%';
      items.getCell(`H${r}`).value = '乳幼児健診でLINE登録を案内（1,200件）';
      const refused = await upload((await wb.xlsx.writeBuffer()) as ArrayBuffer, false);
      expect(refused.status).toBe(400);
      expect(refused.text).toContain(
        `取組!J${r}: 取組「10-1」の評価・計画・指標は主担当課が記入します（共同担当課が書けるのはこの課の実績とコメントだけです）`,
      );
      expect((await report('10-1')).contributions).toEqual([]);
      items.getCell(`J${r}`).value = null;
      items.getCell(`K${r}`).value = '健診の場で周知';
      const ok = await upload((await wb.xlsx.writeBuffer()) as ArrayBuffer, true);
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('共同担当の取組は主担当課が提出します（この課の記入は保存しました）');
      const view = await report('10-1');
      expect([view.task.state, view.sheet.rating, view.contributions]).toEqual([
        'not_started',
        '',
        [
          {
            code: 'kenko',
            name: '健康課',
            nameEn: 'Health Division',
            actual: ['乳幼児健診でLINE登録を案内（1,200件）'],
            comment: '健診の場で周知',
            review: null,
          },
        ],
      ]);
    });

    it('publishes the co-department’s lines marked with the 課 name on the portal, API, Excel and PDF', async () => {
      const published = await post(staff.office!, '/staff/plans/action-plan-2/publish', {
        name: '令和5年度実績反映版',
        fy: '2023',
        confirmWithheld: '39',
      });
      expect(published.status).toBe(303);
      const base = '/ogori/action-plan-2';
      const portal = textOf(await (await server.get(`${base}/initiatives/9-1`)).text());
      expect(portal).toContain(
        '部活動改革協議会を設置 地域スポーツ指導者の登録を開始（スポーツ振興課） 部活動指導員2名を派遣（スポーツ振興課）',
      );
      expect(portal).toContain('指導者の確保が課題（スポーツ振興課）');
      const api = (await (
        await server.get('/api/v1/organizations/ogori/plans/action-plan-2/initiatives/9-1')
      ).json()) as {
        roadmap: { fy: number; actual: string[] }[];
        contributions: unknown[];
      };
      expect(api.roadmap.find((e) => e.fy === 2023)!.actual).toEqual([
        '部活動改革協議会を設置',
        '地域スポーツ指導者の登録を開始（スポーツ振興課）',
        '部活動指導員2名を派遣（スポーツ振興課）',
      ]);
      expect(api.contributions).toEqual([
        {
          fy: 2023,
          department: { code: 'sports-shinko', name: 'スポーツ振興課' },
          actual: ['地域スポーツ指導者の登録を開始', '部活動指導員2名を派遣'],
          comment: '指導者の確保が課題',
        },
      ]);
      // 10-1 was not approved: the edition keeps what was public before, so 健康課's draft part is not in it.
      const other = JSON.stringify(
        await (await server.get('/api/v1/organizations/ogori/plans/action-plan-2/initiatives/10-1')).json(),
      );
      expect(other.includes('乳幼児健診')).toBe(false);
      const csv: string[][] = parse(await (await server.get(`${base}/downloads/edition.csv`)).text());
      // The CSV has no 実績 or comment columns for any 課; it names the 課 of the item, lead first, as before.
      expect(csv.find((r) => r[6] === '9-1')![8]).toBe('学校教育課、スポーツ振興課、生涯学習課');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await (await server.get(`${base}/downloads/edition.xlsx`)).arrayBuffer());
      const cells: string[] = [];
      wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((cell) => cells.push(String(cell.value)))));
      expect(
        cells.some((c) => c.includes('部活動改革協議会を設置\n地域スポーツ指導者の登録を開始（スポーツ振興課）')),
      ).toBe(true);
      const work = mkdtempSync(path.join(tmpdir(), 'shinchoku-shared-'));
      try {
        const pdf = path.join(work, 'edition.pdf');
        writeFileSync(pdf, new Uint8Array(await (await server.get(`${base}/downloads/edition.pdf`)).arrayBuffer()));
        const text = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
        expect(text).toContain('部活動指導員2名を派遣（スポーツ振興課）');
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }, 120_000);

    it('keeps contributions and the plan’s mode through export and import', async () => {
      const loaded = await loadPlan(server.ctx.store.db, 'ogori', 'action-plan-2');
      const settings = await post(staff.office!, '/staff/plans/action-plan-2/edit', [
        ...settingsForm(loaded.plan.version, loaded.document),
        ['sharedInitiatives', 'each-submits'],
      ]);
      expect(settings.status).toBe(303);
      const bundle = JSON.parse(bundleToJson(await exportBundle({ ctx: server.ctx, organizationSlug: 'ogori' })));
      const plan = bundle.plans[0];
      type Node = { code: string; contributions?: unknown; children?: Node[] };
      const node = (nodes: Node[], code: string): Node =>
        nodes.flatMap((n) => (n.code === code ? [n] : [node(n.children ?? [], code)].filter(Boolean)))[0]!;
      expect([plan.sharedInitiatives, node(plan.nodes, '9-1').contributions]).toEqual([
        'each-submits',
        [
          {
            fy: 2023,
            department: 'sports-shinko',
            actual: ['地域スポーツ指導者の登録を開始', '部活動指導員2名を派遣'],
            comment: '指導者の確保が課題',
          },
        ],
      ]);
      const twin = { ...bundle, organization: { ...bundle.organization, slug: 'ogori-twin' } };
      twin.editions = twin.editions.map(({ id: _id, ...e }: { id: string }) => e);
      await importBundle({ ctx: server.ctx, actor: systemActor('test'), input: twin });
      const again = JSON.parse(bundleToJson(await exportBundle({ ctx: server.ctx, organizationSlug: 'ogori-twin' })));
      expect(again.plans).toEqual(bundle.plans);
      const edition = again.editions.find((e: { name: string }) => e.name === '令和5年度実績反映版');
      expect(node(edition.content.plan.nodes, '9-1').contributions).toEqual(node(plan.nodes, '9-1').contributions);
    });

    // The plan is now each-submits (set above). 8-2 is 健康課 (lead) and 長寿支援課: each submits its own part, each
    // part goes through its own 課長 and the plan office, and the item is complete only when both are approved.
    it('under each-submits reviews each 課’s part on its own and completes the item when all are approved', async () => {
      const ctx = server.ctx;
      const choju = await buildStaff(ctx, { role: 'department-editor', department: 'choju-shien' });
      const chojuBoss = await buildStaff(ctx, { role: 'department-approver', department: 'choju-shien' });
      const kenkoBoss = await buildStaff(ctx, { role: 'department-approver', department: 'kenko' });
      const boardState = async () =>
        (await getRoundBoard({ ctx, actor: staff.office!.actor, ...round })).rows.find((r) => r.code === '8-2')!.state;
      const partReview = async (as: TestStaff, decision: string) =>
        post(as, `${TASK}/8-2/review`, {
          decision,
          part: 'choju-shien',
          taskVersion: String((await report('8-2')).contributions[0]?.review?.version ?? 0),
        });
      expect(
        (await save(staff.kenko!, '8-2', { actual: 'ポイント制度の周知', rating: '60', intent: 'submit' })).status,
      ).toBe(303);
      expect((await review(kenkoBoss, '8-2')).status).toBe(303);
      expect((await review(staff.office!, '8-2')).status).toBe(303);
      // The lead's sheet is approved, the co-department's part not even started: the item is not complete.
      expect([(await report('8-2')).task.state, await boardState()]).toEqual(['approved', 'not_started']);
      expect((await save(choju, '8-2', { actual: '介護予防ポイント事業に健診を追加', rating: '60' })).status).toBe(400);
      const submitted = await save(choju, '8-2', { actual: '介護予防ポイント事業に健診を追加', intent: 'submit' });
      expect(submitted.status).toBe(303);
      expect((await report('8-2')).contributions.map((c) => [c.code, c.actual, c.review?.state])).toEqual([
        ['choju-shien', ['介護予防ポイント事業に健診を追加'], 'awaiting_approval'],
      ]);
      expect(await page(choju, `${TASK}/8-2`)).not.toContain('この課の記入を保存して課長に提出');
      const waiting = await listWaitingWork({ ctx, actor: chojuBoss.actor, organizationSlug: 'ogori' });
      expect(waiting[0]!.lists.toApprove!.map((r) => r.code)).toEqual(['8-2']);
      // The lead's 課長 does not decide another 課's part; its own 課長 and then the plan office do.
      expect((await partReview(kenkoBoss, 'approve')).status).toBe(403);
      expect((await partReview(chojuBoss, 'approve')).status).toBe(303);
      expect([(await report('8-2')).contributions[0]!.review?.state, await boardState()]).toEqual([
        'submitted',
        'submitted',
      ]);
      expect((await partReview(staff.office!, 'approve')).status).toBe(303);
      expect(await boardState()).toBe('approved');
      const refused = await post(staff.office!, '/staff/plans/action-plan-2/publish', {
        name: '令和5年度実績反映版（各課提出）',
        fy: '2023',
      });
      const count = /未承認の(\d+)件は前回の内容のまま公表します/.exec(refused.text)![1]!;
      const published = await post(staff.office!, '/staff/plans/action-plan-2/publish', {
        name: '令和5年度実績反映版（各課提出）',
        fy: '2023',
        confirmWithheld: count,
      });
      expect(published.status).toBe(303);
      const api = (await (
        await server.get('/api/v1/organizations/ogori/plans/action-plan-2/initiatives/8-2')
      ).json()) as {
        roadmap: { fy: number; actual: string[] }[];
      };
      expect(api.roadmap.find((e) => e.fy === 2023)!.actual).toEqual([
        'ポイント制度の周知',
        '介護予防ポイント事業に健診を追加（長寿支援課）',
      ]);
    });

    it('replaces the plan by import with its workflow: tasks, co-department parts and kept conflicts go', async () => {
      const db = server.ctx.store.db;
      const orgId = staff.office!.actor.organizationId;
      const count = async (table: 'round_tasks' | 'round_task_parts' | 'upload_conflicts') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .where('organization_id', '=', orgId)
              .executeTakeFirstOrThrow()
          ).n,
        );
      // The parts of 9-1 and 8-2 entered above are there, and point at their tasks.
      expect((await count('round_task_parts')) > 0 && (await count('round_tasks')) > 0).toBe(true);
      const bundle = JSON.parse(bundleToJson(await exportBundle({ ctx: server.ctx, organizationSlug: 'ogori' })));
      const result = await importBundle({
        ctx: server.ctx,
        actor: systemActor('test'),
        input: bundle,
        replace: true,
        discardRounds: true,
      });
      expect(result.plans.map((p) => [p.slug, p.replaced])).toEqual([['action-plan-2', true]]);
      expect([await count('round_tasks'), await count('round_task_parts'), await count('upload_conflicts')]).toEqual([
        0, 0, 0,
      ]);
    });
  });
}

/** The plan-settings form as the page fills it for a plan (fields as the page names them). */
function settingsForm(version: number, d: PlanDocument): [string, string][] {
  const scale = d.ratingScales[0]!;
  return [
    ['version', String(version)],
    ['title', d.title],
    ['shortTitle', d.shortTitle ?? ''],
    ['vision', d.vision ?? ''],
    ['startFy', String(d.period.startFy)],
    ['endFy', String(d.period.endFy)],
    ...d.levels.map((l): [string, string] => ['level', l.ja]),
    ['scaleName', scale.name],
    ...scale.levels.flatMap((l, i): [string, string][] => [
      [`scale.${i}.key`, l.key],
      [`scale.${i}.label`, l.label],
      [`scale.${i}.definition`, l.definition ?? ''],
      [`scale.${i}.score`, l.score === null ? '' : String(l.score)],
      ...(l.excluded ? ([[`scale.${i}.excluded`, '1']] as [string, string][]) : []),
    ]),
  ];
}
