import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlan, publishEdition } from '../../src/app/index.ts';
import { EVALUATION_PRESETS, Evaluation } from '../../src/domain/index.ts';
import { listAuditEvents } from '../../src/store/index.ts';
import { MIHON, mihonBundle } from '../harness/evaluation-plan.ts';
import { textOf } from '../harness/html-text.ts';
import { buildStaff, type StaffSessionCookie, signInStaff, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const PAGE = `/staff/plans/${MIHON.plan}/evaluation`;
const API = `/api/v1/organizations/${MIHON.org}/plans/${MIHON.plan}`;

/** A custom method typed into the form: A above the target, B above 90 % (exclusive), C below; KPI verdicts. */
const CUSTOM: Record<string, string> = {
  preset: '',
  'progress.basis': 'level',
  'status.measure': 'progress',
  'status.name': '達成度',
  'status.nameEn': 'Achievement',
  'status.combine.method': 'mean',
  'status.rounding.mode': 'truncate',
  'status.rounding.decimals': '0',
  'status.levels[0].key': 'A',
  'status.levels[0].label': 'A',
  'status.levels[1].key': 'B',
  'status.levels[1].label': 'B',
  'status.levels[2].key': 'C',
  'status.levels[2].label': 'C',
  'status.levels[3].key': '',
  'status.levels[3].label': '',
  'status.kind': 'bands',
  'status.bands[0].level': 'A',
  'status.bands[0].from': '100',
  'status.bands[0].inclusive': 'true',
  'status.bands[1].level': 'B',
  'status.bands[1].from': '90',
  'status.bands[1].inclusive': 'false',
  'status.bands[2].level': 'C',
  'status.bands[2].from': '',
  'status.bands[2].inclusive': 'true',
  'kpiVerdict.on': 'on',
  'kpiVerdict.achievedFrom': '90',
  'kpiVerdict.rounding.mode': 'half-up',
  'kpiVerdict.rounding.decimals': '1',
  'kpiVerdict.missing.not-applicable': 'excluded',
  shareRounding: 'half-up',
  previewFy: '2025',
};

/** The text of each preview row of an item (the item row, then one per indicator). */
function previewRows(html: string, code: string): string[] {
  const rows = html.match(new RegExp(`<tr data-code="${code}"[\\s\\S]*?</tr>`, 'g')) ?? [];
  return rows.map(textOf);
}

for (const dialect of DIALECTS) {
  describe(`evaluation method settings over HTTP on ${dialect}`, () => {
    let server: TestServer;
    let office: TestStaff;
    let officeSession: StaffSessionCookie;
    let editorSession: StaffSessionCookie;
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, bundles: () => [mihonBundle()] });
      office = await buildStaff(server.ctx, { role: 'plan-office', org: MIHON.org, name: '計画 担当' });
      const editor = await buildStaff(server.ctx, { role: 'department-editor', org: MIHON.org, department: 'kikaku' });
      officeSession = await signInStaff(server.ctx, office.email, '192.0.2.10');
      editorSession = await signInStaff(server.ctx, editor.email, '192.0.2.11');
    });
    afterAll(() => server.close());

    const version = async () => (await loadPlan(server.ctx.store.db, MIHON.org, MIHON.plan)).plan.version;
    const post = (who: StaffSessionCookie, fields: Record<string, string>) =>
      server.get(PAGE, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: who.cookie },
        body: new URLSearchParams({ _csrf: who.csrf, ...fields }),
      });
    const publish = async (name: string) => {
      await publishEdition({
        ctx: server.ctx,
        actor: office.actor,
        organizationSlug: MIHON.org,
        planSlug: MIHON.plan,
        name,
        fy: 2025,
      });
    };

    it('shows the saved method (none) and is refused to a 担当課 editor', async () => {
      const res = await server.get(PAGE, { headers: { cookie: officeSession.cookie } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<option value="" selected="">判定しない（自己評価のみ）</option>');
      expect(html).toContain('name="previewFy" type="text" value="2025"');
      expect((await server.get(PAGE, { headers: { cookie: editorSession.cookie } })).status).toBe(403);
      const v = await version();
      const refused = await post(editorSession, { ...CUSTOM, intent: 'save', version: String(v) });
      expect(refused.status).toBe(403);
      expect(await version()).toBe(v);
    });

    it('loads a preset and previews it on the current data beside the saved method, saving nothing', async () => {
      const v = await version();
      const res = await post(officeSession, {
        preset: 'rag-tolerance-travel',
        intent: 'preset',
        version: String(v),
        previewFy: '2025',
      });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(textOf(/<table id="preview-counts">[\s\S]*?<\/table>/.exec(html)![0])).toBe(
        '判定ごとの件数 順調 1 やや遅れ 2 遅れ 1 判定なし 0',
      );
      expect(textOf(/<p id="preview-changed">.*?<\/p>/.exec(html)![0])).toBe('保存済みの方法と結果が異なる取組: 4件');
      expect(previewRows(html, '1-1')).toEqual([
        '1-1 相談窓口の充実 （変更あり） 実績 210 ÷ 目標 200 = 105.0%（判定は100.0%として） 順調↑',
        '相談件数 実績 210 ÷ 目標 200 = 105.0%',
      ]);
      // 37.8 ÷ 42 is 90.0 %, exactly the edge 10 % below the target: within the tolerance.
      expect(previewRows(html, '1-2')[0]).toBe('1-2 講座の開催 （変更あり） 実績 37.8 ÷ 目標 42 = 90.0% やや遅れ↓');
      // Red (40 %) but better than 2024's 20 %: raised to amber by the preset's compound rule.
      expect(previewRows(html, '1-3')[0]).toBe('1-3 見守り活動 （変更あり） 実績 20 ÷ 目標 50 = 40.0% やや遅れ↑');
      expect(previewRows(html, '2-1')).toEqual([
        '2-1 ごみの削減 （変更あり） 平均 57.5%（目標 60 ÷ 実績 80 = 75.0%（少ないほど良い指標）、実績 4 ÷ 目標 10 = 40.0%（令和6年度の実績。令和7年度は該当なし）） 遅れ',
        '苦情件数 目標 60 ÷ 実績 80 = 75.0%（少ないほど良い指標）',
        // 2025 is 該当なし: the 2024 actual stands in, and the arithmetic says so.
        '回収拠点数 実績 4 ÷ 目標 10 = 40.0%（令和6年度の実績。令和7年度は該当なし）',
      ]);
      // The form now holds the preset's data, the version the page was opened at, and nothing was saved.
      expect(html).toContain('name="status.tolerance.size" type="text" value="10"');
      expect(html).toContain(`name="version" value="${v}"`);
      expect(await version()).toBe(v);
      expect((await loadPlan(server.ctx.store.db, MIHON.org, MIHON.plan)).document.evaluation).toBeUndefined();
    });

    it('previews "none" as no verdict at all, the arithmetic still shown', async () => {
      const res = await post(officeSession, { intent: 'preview', version: String(await version()), previewFy: '2025' });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('この方法では判定を示しません。');
      expect(html).not.toContain('preview-counts');
      expect(html).not.toContain('preview-kpi-counts');
      expect(previewRows(html, '1-2')).toEqual(['1-2 講座の開催', '受講者数 37.8 ÷ 42 = 90.0%']);
      expect(textOf(/<p id="preview-changed">.*?<\/p>/.exec(html)![0])).toBe('保存済みの方法と結果が異なる取組: 0件');
    });

    it('refuses an invalid method with every problem beside its field, keeping the input', async () => {
      const v = await version();
      const res = await post(officeSession, {
        ...CUSTOM,
        'status.bands[0].level': 'S',
        'status.bands[1].from': '九十',
        'status.levels[2].label': '',
        previewFy: '2030',
        intent: 'preview',
        version: String(v),
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      const summary = textOf(/<div class="error-summary"[\s\S]*?<\/div>/.exec(html)![0]);
      expect(summary).toBe(
        [
          '入力内容に誤りがあります',
          '数値で入力してください（例: 1,234）',
          '空にはできません',
          '段階「S」はありません（段階: A, B, C）',
          '計画期間内の年度（2024～2026）を西暦で入力してください',
        ].join(' '),
      );
      expect(html).toContain('id="f-status-bands-0-level-error"');
      expect(html).toContain('name="status.bands[1].from" type="text" value="九十"');
      expect(html).toContain('name="status.bands[0].level" type="text" value="S"');
      expect(await version()).toBe(v);
    });

    it('saves through the plan schema, records the audit entry, and an older form gets 409 with its input kept', async () => {
      const v = await version();
      const preview = await (await post(officeSession, { ...CUSTOM, intent: 'preview', version: String(v) })).text();
      // 1-2's 90.0 % is not above 90 (edge excluded): C; its KPI reaches 90 and counts as achieved.
      expect(previewRows(preview, '1-2')).toEqual([
        '1-2 講座の開催 （変更あり） 実績 37.8 ÷ 目標 42 = 90% C',
        '受講者数 実績 37.8 ÷ 目標 42 = 90.0% 達成',
      ]);
      expect(textOf(/<table id="preview-counts">[\s\S]*?<\/table>/.exec(preview)![0])).toBe(
        '判定ごとの件数 A 1 B 0 C 3 判定なし 0',
      );
      expect(textOf(/<p id="preview-kpi-counts">.*?<\/p>/.exec(preview)![0])).toBe(
        '成果指標：達成 2、未達成 2、測定不能 0、集計対象外 1（分母 4）',
      );

      const saved = await post(officeSession, { ...CUSTOM, intent: 'save', version: String(v) });
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toBe(`${PAGE}?notice=plan-saved`);
      const doc = (await loadPlan(server.ctx.store.db, MIHON.org, MIHON.plan)).document;
      expect(doc.rollup.shareRounding).toBe('half-up');
      expect(doc.evaluation).toEqual({
        progress: { basis: 'level' },
        status: {
          key: 'status',
          name: '達成度',
          nameEn: 'Achievement',
          measure: 'progress',
          combine: { method: 'mean', cap: false },
          rounding: { mode: 'truncate', decimals: 0 },
          levels: [
            { key: 'A', label: 'A' },
            { key: 'B', label: 'B' },
            { key: 'C', label: 'C' },
          ],
          bands: [
            { level: 'A', from: 100, inclusive: true },
            { level: 'B', from: 90, inclusive: false },
            { level: 'C', inclusive: true },
          ],
        },
        kpiVerdict: {
          achievedFrom: 90,
          rounding: { mode: 'half-up', decimals: 1 },
          missing: { 'not-applicable': 'excluded' },
        },
      });
      const audit = (await listAuditEvents(server.ctx.store.db, office.user.organizationId)).filter(
        (e) => e.action === 'plan.evaluation',
      );
      expect(audit.map((e) => [e.actor, e.before, e.after])).toEqual([
        [
          office.user.id,
          { evaluation: null, shareRounding: null },
          { evaluation: doc.evaluation, shareRounding: 'half-up' },
        ],
      ]);

      // A second tab opened before the save still carries the old version.
      const stale = await post(officeSession, {
        ...CUSTOM,
        'status.name': '別の名称',
        intent: 'save',
        version: String(v),
      });
      expect(stale.status).toBe(409);
      const staleHtml = await stale.text();
      expect(staleHtml).toContain('ほかの画面で判定方法が保存されたため、保存できませんでした。');
      expect(staleHtml).toContain('name="status.name" type="text" value="別の名称"');
      expect((await loadPlan(server.ctx.store.db, MIHON.org, MIHON.plan)).document.evaluation?.status?.name).toBe(
        '達成度',
      );
    });

    it('after publishing, the API and the portal show the saved method’s verdicts', async () => {
      await publish('令和7年度実績反映版');
      const api = await (await server.get(`${API}/initiatives/1-2`)).json();
      expect(api.kpiStatus.level).toEqual({ key: 'C', label: 'C', labelEn: null });
      expect(api.kpiStatus.measure).toBe(90);
      expect(api.indicators[0].verdict).toEqual({
        fy: 2025,
        verdict: 'achieved',
        percent: 90,
        reason: null,
        label: { ja: '達成', en: 'Achieved' },
      });
      const page = textOf(await (await server.get(`/${MIHON.org}/${MIHON.plan}/initiatives/1-2`)).text());
      expect(page).toContain(
        '達成度（令和7年度） C 成果指標の達成率 実績 37.8 ÷ 目標 42 = 90% 達成率が100%以上は「A」、90%超は「B」、それ以外は「C」',
      );
      expect(page).toContain(
        '受講者数 令和7年度時点の進捗 実績 37.8 ÷ 目標 42 = 90.0% 成果指標の判定（令和7年度） 達成',
      );
      // The saved share rounding is half-up per item: the plan page says so, not 最大剰余法.
      const home = textOf(await (await server.get(`/${MIHON.org}/${MIHON.plan}/`)).text());
      expect(home).toContain('項目ごとに小数第1位までに四捨五入しているため、合計が100%にならないことがあります。');
      expect(home).not.toContain('最大剰余法');
    });

    it('a saved preset equals the preset’s bundle data', async () => {
      const v = await version();
      const loaded = await (
        await post(officeSession, {
          preset: 'sdg-growth-rate',
          intent: 'preset',
          version: String(v),
          previewFy: '2025',
        })
      ).text();
      const fields = Object.fromEntries(
        [...loaded.matchAll(/<input id="[^"]*" name="([^"]+)" type="text" value="([^"]*)"/g)].map((m) => [
          m[1]!,
          m[2]!,
        ]),
      );
      const selects = Object.fromEntries(
        [...loaded.matchAll(/<select id="[^"]*" name="([^"]+)"[\s\S]*?<\/select>/g)].map((m) => [
          m[1]!,
          /<option value="([^"]*)" selected=""/.exec(m[0])?.[1] ?? '',
        ]),
      );
      const res = await post(officeSession, {
        ...fields,
        ...selects,
        'status.key': 'status',
        intent: 'save',
        version: String(v),
      });
      expect(res.status).toBe(303);
      const doc = (await loadPlan(server.ctx.store.db, MIHON.org, MIHON.plan)).document;
      expect(doc.evaluation).toEqual(Evaluation.parse(EVALUATION_PRESETS['sdg-growth-rate'].evaluation));
    });

    it('edits each indicator’s own basis and tolerance beside the plan’s, previewed and saved on the node', async () => {
      const v = await version();
      const overrides = {
        ...CUSTOM,
        'override[1-2][kouza].basis': 'milestone',
        'override[1-1][soudan].toleranceUnit': 'percent',
        'override[1-1][soudan].toleranceSize': '5',
      };
      const bad = await post(officeSession, {
        ...overrides,
        'override[1-1][soudan].toleranceSize': 'x',
        intent: 'preview',
        version: String(v),
      });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('id="f-override-1-1-soudan-toleranceSize-error"');

      const preview = await (await post(officeSession, { ...overrides, intent: 'preview', version: String(v) })).text();
      // A milestone is done once the actual reaches 1: 100 %, so A; the saved SDG method gives no verdict.
      expect(previewRows(preview, '1-2')).toEqual([
        '1-2 講座の開催 （変更あり） 達成 → 100% A',
        '受講者数 達成 → 100% 達成',
      ]);
      const saved = await post(officeSession, { ...overrides, intent: 'save', version: String(v) });
      expect(saved.status).toBe(303);
      const loaded = await loadPlan(server.ctx.store.db, MIHON.org, MIHON.plan);
      const ind = (code: string) => loaded.nodes.find((n) => n.code === code)!.content.indicators[0]!;
      expect(ind('1-2').method).toEqual({ basis: 'milestone' });
      expect(ind('1-2').values.map((x) => x.actual)).toEqual([40, 37.8]);
      expect(ind('1-1').tolerance).toEqual({ percent: 5 });
      expect(ind('1-3').method).toBeUndefined();
      const audit = (await listAuditEvents(server.ctx.store.db, office.user.organizationId)).filter(
        (e) => e.action === 'node.evaluation',
      );
      expect(audit.map((e) => e.summary).sort()).toEqual(['1-1 相談窓口の充実', '1-2 講座の開催']);
      const page = await (await server.get(PAGE, { headers: { cookie: officeSession.cookie } })).text();
      expect(page).toContain('name="override[1-1][soudan].toleranceSize" type="text" value="5"');
    });
  });
}
