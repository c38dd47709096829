import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReport, openReportingRound, reviewReport, saveReport, systemActor } from '../../src/app/index.ts';
import { listUploadConflicts } from '../../src/store/index.ts';
import { hiddenFieldsOf, textOf } from '../harness/html-text.ts';
import { resaveWithLibreOffice } from '../harness/libreoffice.ts';
import { buildStaff, signInStaff, type TestStaff } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

const ROUND = '/staff/plans/action-plan-2/rounds/2023';
const round = { organizationSlug: 'ogori', planSlug: 'action-plan-2', fy: 2023 };

// The 課 workbook edited the way clerks do (exceljs, then re-saved by LibreOffice) while a colleague works in the
// browser form: the upload merges per initiative and per field, over real HTTP.
for (const dialect of DIALECTS) {
  describe(`the 課 workbook merges per field with what others saved meanwhile (${dialect})`, () => {
    let server: TestServer;
    let clerk: TestStaff;
    let colleague: TestStaff;
    beforeAll(async () => {
      server = await startTestServer({ database: dialect, now: () => new Date('2024-04-15T00:00:00Z') });
      clerk = await buildStaff(server.ctx, { role: 'department-editor', department: 'keiei-senryaku' });
      colleague = await buildStaff(server.ctx, { role: 'department-editor', department: 'keiei-senryaku' });
      await openReportingRound({ ctx: server.ctx, actor: systemActor(), ...round, dueDate: '2024-05-31' });
    }, 60_000);
    afterAll(() => server.close());

    async function download(as: TestStaff) {
      const s = await signInStaff(server.ctx, as.email, 'wm');
      const res = await server.get(`${ROUND}/workbook?department=keiei-senryaku`, { headers: { cookie: s.cookie } });
      expect(res.status).toBe(200);
      return res.arrayBuffer();
    }

    async function edited(
      file: ArrayBuffer,
      change: (items: ExcelJS.Worksheet, cell: Cell, wb: ExcelJS.Workbook) => void,
    ) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file);
      const items = wb.getWorksheet('取組')!;
      const headers = (items.getRow(1).values as string[]).slice(1);
      const cell: Cell = (code, header) => {
        let r = 2;
        while (items.getCell(`A${r}`).value !== code) r++;
        return items.getRow(r).getCell(headers.indexOf(header) + 1);
      };
      change(items, cell, wb);
      return wb.xlsx.writeBuffer();
    }

    async function upload(as: TestStaff, data: ArrayBuffer | Uint8Array) {
      const s = await signInStaff(server.ctx, as.email, 'wm');
      const form = new FormData();
      form.set('_csrf', s.csrf);
      form.set('file', new Blob([new Uint8Array(data)]), 'keiei.xlsx');
      const res = await server.get(`${ROUND}/workbook`, { method: 'POST', body: form, headers: { cookie: s.cookie } });
      return { status: res.status, text: textOf(await res.text()) };
    }

    const values = async (code: string) =>
      (await getReport({ ctx: server.ctx, actor: clerk.actor, ...round, code })).values;
    const page = async (as: TestStaff, path: string) => {
      const s = await signInStaff(server.ctx, as.email, 'wm');
      const res = await server.get(path, { headers: { cookie: s.cookie } });
      return { status: res.status, html: await res.text(), s };
    };
    const keptOf = async (as: TestStaff) =>
      listUploadConflicts(server.ctx.store.db, { organizationId: as.actor.organizationId, userId: as.user.id });
    // The sheet version of 1-1 the clerk's first file was made from.
    let versionAtDownload = 0;

    it('applies what only the clerk changed, keeps what only the colleague changed, and lists both-changed fields', async () => {
      const file = await download(clerk);
      // Meanwhile a colleague saves 1-1 in the browser form: 実績, rating and comment.
      const view = await getReport({ ctx: server.ctx, actor: colleague.actor, ...round, code: '1-1' });
      versionAtDownload = view.version;
      await saveReport({
        ctx: server.ctx,
        actor: colleague.actor,
        ...round,
        code: '1-1',
        expectedVersion: view.version,
        values: { ...view.values, actual: '同僚が入力した実績', rating: '60', comment: '同僚のコメント' },
        submit: false,
      });
      // The clerk, on the older file, types 実績 too (both changed), the next year's 計画 (only the clerk), and
      // leaves rating and comment as they were; on 1-2 (nobody else touched it) a rating.
      const filled = await edited(file, (_items, cell) => {
        cell('1-1', '令和5年度 実績').value = '担当者が入力した実績';
        cell('1-1', '令和6年度 計画').value = '担当者の計画';
        cell('1-2', '自己評価（目標達成率）').value = '50%';
      });
      const resaved = await resaveWithLibreOffice(filled);
      const res = await upload(clerk, resaved);
      expect(res.status).toBe(200);
      expect(res.text).toContain('2件の取組を下書き保存しました。 変更のない取組: 6件');
      expect(res.text).toContain(
        '1-1 車座トーク、出前トークの利用者アップ 下書き保存しました。まだ提出していません' +
          'ファイルの出力後に他の人が変更していたため、変更が重ならない項目だけを反映しました。' +
          '1項目が他の人の変更と重なったため、その項目は保存されている内容のままです（下の表で選んでください）。 ' +
          '1-2 市長発信用SNS開設 下書き保存しました。まだ提出していません ',
      );
      expect(res.text).toContain(
        '他の人の変更と重なった項目 ' +
          'ファイルを出力した後に、同じ項目を他の人が変更していました。これらの項目は保存されている内容のままです。取組ごとの「項目ごとに選ぶ」から、どちらにするかを選んでください（選ぶまでホーム画面の「あなたを待っている作業」に表示されます）。 ' +
          '番号 項目 セル 出力時の内容 あなたの入力 保存されている内容 ' +
          '1-1 令和5年度 実績 取組!H2 （空欄） 担当者が入力した実績 同僚が入力した実績 ' +
          '1-1 車座トーク、出前トークの利用者アップ: 項目ごとに選ぶ',
      );
      expect(await values('1-1')).toMatchObject({
        actual: '同僚が入力した実績',
        plans: { '2024': '担当者の計画' },
        rating: '60',
        comment: '同僚のコメント',
      });
      expect((await values('1-2')).rating).toBe('50');
    }, 180_000);

    it('keeps the conflicting field for the clerk until they choose: home, conflict page, the form save', async () => {
      const kept = (await keptOf(clerk)).map(({ id: _i, organizationId: _o, userId: _u, taskId: _t, ...k }) => k);
      expect(kept).toEqual([
        {
          departmentCode: 'keiei-senryaku',
          field: 'actual',
          fy: 2023,
          indicatorKey: null,
          sheet: '取組',
          cell: 'H2',
          baseValue: '',
          yours: '担当者が入力した実績',
          theirs: '同僚が入力した実績',
          baseVersion: versionAtDownload,
          createdAt: '2024-04-15T00:00:00.000Z',
        },
      ]);
      // Waiting work on the clerk's home, not on the colleague's (the conflict is the uploader's to decide).
      const home = textOf((await page(clerk, '/staff/')).html);
      expect(home).toContain(
        'Excelの取込で選択が必要な取組（1件） 入力待ち（8件） 差し戻された取組（0件） 期限超過（0件） ' +
          'Excelの取込で選択が必要な取組（1件） 1-1 車座トーク、出前トークの利用者アップ （1項目）',
      );
      expect(textOf((await page(colleague, '/staff/')).html)).not.toContain('Excelの取込');
      expect(textOf((await page(clerk, `${ROUND}/tasks/1-1`)).html)).toContain(
        '取り込んだExcelファイルの1項目が、他の人の変更と重なっています。 項目ごとに選ぶ',
      );
      const conflicts = await page(clerk, `${ROUND}/tasks/1-1/conflicts`);
      expect(conflicts.status).toBe(200);
      expect(textOf(conflicts.html)).toContain(
        `あなたが取り込んだExcelファイル（取組!H2）のこれらの項目は、ファイルの出力後に他の人も変更していたため、保存されている内容のままです。最後に保存した人: ${colleague.user.displayName}（`,
      );
      expect(textOf(conflicts.html)).toContain(
        '項目 保存されている内容 Excelファイルの内容 ' +
          '令和5年度の実績（1行に1項目） 同僚が入力した実績 この項目は保存されている内容にする 担当者が入力した実績 この項目はあなたの入力にする 選んだ内容で保存する',
      );
      // The choice (the file's 実績) goes through the form's save; the colleague's other fields stay.
      const form = new URLSearchParams(hiddenFieldsOf(conflicts.html, '/tasks/1-1/resolve'));
      form.set('take.actual', 'yours');
      const res = await server.get(`${ROUND}/tasks/1-1/resolve`, {
        method: 'POST',
        body: form,
        headers: { cookie: conflicts.s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect([res.status, res.headers.get('location')]).toEqual([303, `${ROUND}/tasks/1-1?notice=saved`]);
      expect(await values('1-1')).toMatchObject({
        actual: '担当者が入力した実績',
        plans: { '2024': '担当者の計画' },
        rating: '60',
        comment: '同僚のコメント',
      });
      expect(await keptOf(clerk)).toEqual([]);
      expect(textOf((await page(clerk, '/staff/')).html)).not.toContain('Excelの取込');
      const gone = await page(clerk, `${ROUND}/tasks/1-1/conflicts`);
      expect(gone.status).toBe(303);
      // The history says in words what each write changed, the upload's too (not "report.import-xlsx").
      const history = textOf((await page(clerk, '/staff/plans/action-plan-2/history/1-1')).html);
      expect(history).toContain(
        '報告を保存 （工程表） 1-1 車座トーク、出前トークの利用者アップ ' +
          '追加 令和5年度の実績: 担当者が入力した実績 削除 令和5年度の実績: 同僚が入力した実績 ' +
          '2024/04/15 09:00 department-editor keiei-senryaku Excelファイルから報告を取り込み （工程表） 1-1 車座トーク、出前トークの利用者アップ ' +
          '追加 令和6年度の計画: 担当者の計画 削除 令和6年度の計画: アンケートなどで参加者の声を把握する',
      );
      expect(history).toContain(
        '報告を保存 （工程表、評価） 1-1 車座トーク、出前トークの利用者アップ ' +
          '追加 令和5年度の実績: 同僚が入力した実績 追加 令和5年度の評価のコメント: 同僚のコメント 令和5年度の評価: なし → 60%',
      );
    });

    it('forgets the kept fields when the clerk keeps the saved content, and a newer file replaces them', async () => {
      const file = await download(clerk);
      const view = await getReport({ ctx: server.ctx, actor: colleague.actor, ...round, code: '1-2' });
      await saveReport({
        ctx: server.ctx,
        actor: colleague.actor,
        ...round,
        code: '1-2',
        expectedVersion: view.version,
        values: { ...view.values, comment: '同僚のコメント' },
        submit: false,
      });
      const twice = await edited(file, (_items, cell) => {
        cell('1-2', 'コメント').value = '最初のファイルのコメント';
      });
      expect((await upload(clerk, twice)).status).toBe(200);
      const again = await edited(file, (_items, cell) => {
        cell('1-2', 'コメント').value = '次のファイルのコメント';
      });
      expect((await upload(clerk, again)).status).toBe(200);
      expect((await keptOf(clerk)).map((k) => [k.field, k.cell, k.yours, k.theirs])).toEqual([
        ['comment', 'K3', '次のファイルのコメント', '同僚のコメント'],
      ]);
      const conflicts = await page(clerk, `${ROUND}/tasks/1-2/conflicts`);
      const form = new URLSearchParams(hiddenFieldsOf(conflicts.html, '/tasks/1-2/conflicts/forget'));
      const res = await server.get(`${ROUND}/tasks/1-2/conflicts/forget`, {
        method: 'POST',
        body: form,
        headers: { cookie: conflicts.s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect([res.status, res.headers.get('location')]).toEqual([
        303,
        `${ROUND}/tasks/1-2?notice=conflicts-kept-saved`,
      ]);
      expect(await keptOf(clerk)).toEqual([]);
      expect((await values('1-2')).comment).toBe('同僚のコメント');
    });

    it('leaves a kept conflict off the home while the initiative is submitted, and shows it again once returned', async () => {
      const boss = await buildStaff(server.ctx, { role: 'department-approver', department: 'keiei-senryaku' });
      const file = await download(clerk);
      const view = await getReport({ ctx: server.ctx, actor: colleague.actor, ...round, code: '4-1' });
      await saveReport({
        ctx: server.ctx,
        actor: colleague.actor,
        ...round,
        code: '4-1',
        expectedVersion: view.version,
        values: { ...view.values, rating: '80', comment: '同僚のコメント' },
        submit: false,
      });
      const older = await edited(file, (_items, cell) => {
        cell('4-1', 'コメント').value = 'ファイルのコメント';
      });
      expect((await upload(clerk, older)).status).toBe(200);
      const waiting = 'Excelの取込で選択が必要な取組（1件） 4-1 市制施行50周年記念事業の実施 （1項目）';
      expect(textOf((await page(clerk, '/staff/')).html)).toContain(waiting);
      // The colleague completes and submits 4-1: nothing is left for the clerk to decide while it is with the 課長.
      const now = await getReport({ ctx: server.ctx, actor: colleague.actor, ...round, code: '4-1' });
      await saveReport({
        ctx: server.ctx,
        actor: colleague.actor,
        ...round,
        code: '4-1',
        expectedVersion: now.version,
        values: { ...now.values, actual: '記念式典を開催' },
        submit: true,
      });
      expect(textOf((await page(clerk, '/staff/')).html)).not.toContain('Excelの取込');
      await reviewReport({
        ctx: server.ctx,
        actor: boss.actor,
        ...round,
        code: '4-1',
        decision: 'return',
        note: '写真を',
      });
      expect(textOf((await page(clerk, '/staff/')).html)).toContain(waiting);
      expect((await keptOf(clerk)).map((k) => [k.field, k.yours, k.theirs])).toEqual([
        ['comment', 'ファイルのコメント', '同僚のコメント'],
      ]);
    });

    it('refuses a renamed and a duplicated header at its cell after LibreOffice saved it, and writes nothing', async () => {
      const file = await download(clerk);
      const before = await values('1-1');
      const broken = await edited(file, (items, cell, wb) => {
        items.getCell('H1').value = '令和5年度の実績';
        cell('1-1', '令和6年度 計画').value = '反映されないはずの計画';
        wb.getWorksheet('指標')!.getCell('K1').value = '令和5年度 実績値';
      });
      // Renamed in Excel, then opened and saved once more in LibreOffice, as a clerk's colleague might.
      const res = await upload(clerk, await resaveWithLibreOffice(broken));
      expect(res.status).toBe(400);
      expect(res.text).toContain(
        '次の問題があるため、何も保存していません。 ' +
          '取組!H1: 列「令和5年度の実績」はこの様式にない列です（列名を変更したり列を追加したりしないでください） ' +
          '取組!A1: 列「令和5年度 実績」が見つかりません ' +
          '指標!K1: 列「令和5年度 実績値」が重複しています（列をコピーしないでください） ' +
          '指標!A1: 列「令和5年度 実績の注記」が見つかりません 戻る',
      );
      expect(await values('1-1')).toEqual(before);
    }, 180_000);

    it('lays the workbook out for print and says whose it is; LibreOffice keeps it', async () => {
      const file = await download(clerk);
      const heights: (number | undefined)[][] = [];
      const resaved = await resaveWithLibreOffice(file);
      for (const data of [file, resaved]) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(data as ArrayBuffer);
        expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
          '記入方法',
          '取組',
          '指標',
        ]);
        const guide = wb.getWorksheet('記入方法')!;
        expect([guide.getCell('A1').text, guide.getCell('A3').text, guide.getCell('A4').text]).toEqual([
          '令和5年度 進捗状況調査（経営戦略課）',
          '担当課：経営戦略課',
          '対象年度：令和5年度',
        ]);
        const items = wb.getWorksheet('取組')!;
        const setup = items.pageSetup;
        expect([setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight, setup.printTitlesRow]).toEqual(
          [9, 'landscape', 1, 0, '1:1'],
        );
        heights.push(items.getRows(1, 9)!.map((r) => r.height));
        const entry = items.getCell('H2');
        expect((entry.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFF2CC');
        if (data === file) expect(entry.protection?.locked).toBe(false);
        expect((guide.getCell('A5').fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFF2CC');
      }
      // Each row as tall as its longest wrapped cell (15 pt a line), the same after LibreOffice saved it.
      expect(heights[0]).toEqual([33, 78, 63, 18, 48, 33, 63, 48, 48]);
      expect(heights[1]).toEqual(heights[0]);
      // Re-saved by LibreOffice, it still says whose it is when another 課 uploads it, and nothing is written.
      const kenko = await buildStaff(server.ctx, { role: 'department-editor', department: 'kenko' });
      const theirs = await upload(kenko, resaved);
      expect([
        theirs.status,
        theirs.text.includes('記入方法!A3: このファイルは経営戦略課の照会用です（あなたの担当は健康課です）'),
      ]).toEqual([403, true]);
    }, 180_000);
  });
}

type Cell = (code: string, header: string) => ExcelJS.Cell;
