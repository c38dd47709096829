import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPublicEdition, login, resolveStaffSession } from '../../src/app/index.ts';
import { editionWorkbook } from '../../src/reports/index.ts';
import { decodeEntities, textOf } from '../harness/html-text.ts';
import { buildStaff, openOgoriRound, TEST_PASSWORD } from '../harness/staff-factory.ts';
import { DIALECTS } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';
import { hostileBundle, XSS_PAYLOADS } from './hostile-bundle.ts';
import { pct } from './hostile-values.ts';
import { unsafeMarkup } from './html-safety.ts';

/**
 * XSS and formula payloads in every text field of a plan, put there by import (738 fields of the Ogori plan)
 * and through the staff forms (report, comment, review note, user name), come out as inert text: HTML pages
 * of the portal and the workspace contain no markup they did not write and show the payload literally; the
 * API returns it as JSON strings; the PDF shows it as text; Excel cells hold it as text, never as a formula;
 * CSV cells that a spreadsheet would run start with an apostrophe.
 */
const BASE = '/ogori/action-plan-2';
const TASK = '/staff/plans/action-plan-2/rounds/2023/tasks/1-1';
const squeeze = (s: string) => s.replace(/\s+/g, '');
const spaced = (s: string) => s.replace(/\s+/g, ' ').trim();
const FORMULA = /^[=+\-@\t\r]/;

for (const dialect of DIALECTS) {
  describe(`injected markup and formulas stay inert on ${dialect}`, () => {
    let server: TestServer;
    const sessions = new Map<string, { cookie: string; csrf: string }>();
    let injected = 0;

    const page = async (url: string, who?: string) => {
      const res = await server.get(url, { headers: who ? { cookie: sessions.get(who)!.cookie } : {} });
      return { status: res.status, html: await res.text(), type: res.headers.get('content-type') ?? '' };
    };
    const postForm = (url: string, who: string, fields: Record<string, string>) =>
      server.get(url, {
        method: 'POST',
        headers: { cookie: sessions.get(who)!.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...fields, _csrf: sessions.get(who)!.csrf }),
      });

    beforeAll(async () => {
      const hostile = hostileBundle();
      injected = hostile.injected;
      server = await startTestServer({ database: dialect, bundles: () => [hostile.bundle] });
      const { ctx } = server;
      await openOgoriRound(ctx);
      const roles = {
        admin: { role: 'admin' },
        office: { role: 'plan-office' },
        editor: { role: 'department-editor', department: 'keiei-senryaku' },
        approver: { role: 'department-approver', department: 'keiei-senryaku' },
      } as const;
      for (const [who, spec] of Object.entries(roles)) {
        const staff = await buildStaff(ctx, { ...spec, email: `${who}@injection.example.jp` });
        const { token } = await login({ ctx, identifier: staff.email, password: TEST_PASSWORD, ip: 'inj' });
        sessions.set(who, {
          cookie: `shinchoku_session=${token}`,
          csrf: (await resolveStaffSession(ctx, token))!.csrfToken,
        });
      }
      // Through the staff forms: a report with payloads in every field, a comment, a review note, a user name.
      const form = await page(TASK, 'editor');
      const version = /name="version" value="(\d+)"/.exec(form.html)?.[1] ?? '';
      const names = [...form.html.matchAll(/name="((?:plan|kpi)\.[^"]+)"/g)].map((m) => m[1]!);
      const fields: Record<string, string> = { version, intent: 'submit', rating: '70' };
      fields.actual = XSS_PAYLOADS.join('\n');
      fields.comment = XSS_PAYLOADS.join(' ');
      for (const n of names) if (!n.endsWith('.actual') && !n.endsWith('.provisional')) fields[n] = XSS_PAYLOADS[0];
      expect((await postForm(TASK, 'editor', fields)).status).toBe(303);
      expect((await postForm(`${TASK}/comments`, 'office', { text: XSS_PAYLOADS[1] })).status).toBe(303);
      const review = await page(TASK, 'approver');
      const taskVersion = /name="taskVersion" value="(\d+)"/.exec(review.html)?.[1] ?? '';
      const returned = await postForm(`${TASK}/review`, 'approver', {
        decision: 'return',
        note: XSS_PAYLOADS[3],
        taskVersion,
      });
      expect(returned.status).toBe(303);
      const created = await postForm('/staff/admin/users', 'admin', {
        email: 'xss@injection.example.jp',
        displayName: XSS_PAYLOADS[4],
        role: 'viewer',
      });
      expect(created.status).toBe(200);
    }, 120_000);
    afterAll(() => server.close());

    it('injects payloads into the text fields of the imported plan', () => {
      expect(injected).toBe(738);
    });

    it('portal pages show every payload as text and contain no markup of it, in Japanese and English', async () => {
      const codes = ['1-1', '1-2', '1-3', '2-1', '9-1', '継1'];
      const urls = [
        '/',
        '/ogori/',
        `${BASE}/`,
        `${BASE}/goals/1`,
        ...codes.map((c) => `${BASE}/initiatives/${pct(c)}`),
        `${BASE}/list`,
        `${BASE}/departments/`,
        `${BASE}/departments/keiei-senryaku`,
        `${BASE}/downloads`,
        `${BASE}/editions`,
        `${BASE}/search?q=${pct('alert')}`,
      ];
      const unsafe: string[] = [];
      let text = '';
      for (const url of urls.flatMap((u) => [u, `${u}${u.includes('?') ? '&' : '?'}lang=en`])) {
        const { status, html } = await page(url);
        expect([url, status]).toEqual([url, 200]);
        unsafe.push(...unsafeMarkup(html).map((u) => `${url}: ${u}`));
        text += ` ${textOf(html)}`;
      }
      expect(unsafe).toEqual([]);
      expect(XSS_PAYLOADS.filter((p) => !text.includes(spaced(p)))).toEqual([]);
    });

    it('reflected input (search words, unknown codes, bad parameters, the login form’s next) stays text', async () => {
      const unsafe: string[] = [];
      for (const p of XSS_PAYLOADS) {
        const urls = [
          `${BASE}/search?q=${pct(p)}`,
          `${BASE}/initiatives/${pct(p)}`,
          `${BASE}/list?sort=${pct(p)}`,
          `/${pct(p)}`,
          `/staff/login?next=${pct(p)}`,
          `/staff/lang/en?back=${pct(p)}`,
        ];
        for (const url of urls) {
          const { status, html } = await page(url);
          expect(status).toBeLessThan(500);
          unsafe.push(...unsafeMarkup(html).map((u) => `${url}: ${u}`));
        }
        const search = await page(`${BASE}/search?q=${pct(p)}`);
        const value = /<input\b[^>]*\bname="q"[^>]*\bvalue="([^"]*)"/.exec(search.html)?.[1];
        // The search trims its words, so a payload led by a tab or CR comes back without it.
        expect(decodeEntities(value ?? '')).toBe(p.trim());
      }
      expect(unsafe).toEqual([]);
    });

    it('staff pages show every payload as text and contain no markup of it', async () => {
      const visits: [string, string][] = [
        ['/staff/', 'office'],
        ['/staff/plans/action-plan-2/rounds/2023/', 'office'],
        [TASK, 'office'],
        [TASK, 'editor'],
        ['/staff/plans/action-plan-2/rounds/2023/mine', 'editor'],
        ['/staff/plans/action-plan-2/history/1-1', 'office'],
        ['/staff/plans/action-plan-2/executive', 'office'],
        ['/staff/plans/action-plan-2/publish', 'office'],
        ['/staff/plans/action-plan-2/editions/diff', 'office'],
        ['/staff/plans/action-plan-2/edit', 'office'],
        ['/staff/plans/action-plan-2/nodes/1-1/edit', 'office'],
        ['/staff/admin/users', 'admin'],
      ];
      const unsafe: string[] = [];
      let text = '';
      for (const [url, who] of visits) {
        const { status, html } = await page(url, who);
        expect([url, status]).toEqual([url, 200]);
        unsafe.push(...unsafeMarkup(html).map((u) => `${url}: ${u}`));
        text += ` ${textOf(html)}`;
      }
      expect(unsafe).toEqual([]);
      expect(XSS_PAYLOADS.filter((p) => !text.includes(spaced(p)))).toEqual([]);
    });

    it('the API returns the payloads as JSON strings, exactly', async () => {
      const api = `/api/v1/organizations/ogori/plans/action-plan-2`;
      const urls = ['/api/v1/organizations', '/api/v1/organizations/ogori/plans', api, `${api}/editions`];
      urls.push(`${api}/goals`, `${api}/goals/1`, `${api}/initiatives`, `${api}/departments`);
      urls.push(`${api}/departments/keiei-senryaku`, `${api}/initiatives/1-1`, `${api}/initiatives/${pct('継1')}`);
      const strings: string[] = [];
      const collect = (v: unknown) => {
        if (typeof v === 'string') strings.push(v);
        else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x);
      };
      for (const url of urls) {
        const res = await server.get(url);
        expect([url, res.status, res.headers.get('content-type')?.split(';')[0]]).toEqual([
          url,
          200,
          'application/json',
        ]);
        collect(JSON.parse(await res.text()));
      }
      expect(XSS_PAYLOADS.filter((p) => !strings.some((s) => s.includes(p)))).toEqual([]);
    });

    it('the PDF shows the payloads as text and carries no scripts or launch actions', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-injection-'));
      try {
        for (const lang of ['ja', 'en']) {
          const res = await server.get(`${BASE}/downloads/edition.pdf?lang=${lang}`);
          expect(res.status).toBe(200);
          const bytes = Buffer.from(await res.arrayBuffer());
          const file = path.join(dir, `${lang}.pdf`);
          writeFileSync(file, bytes);
          const text = squeeze(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
          expect([lang, XSS_PAYLOADS.filter((p) => !text.includes(squeeze(p)))]).toEqual([lang, []]);
          expect(bytes.toString('latin1').match(/\/(JavaScript|JS|Launch|OpenAction|AA)\b/g)).toBeNull();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);

    it('Excel cells hold the payloads as text, never as formulas (edition and 課 workbooks)', async () => {
      const pub = await getPublicEdition(server.ctx, { organizationSlug: 'ogori', planSlug: 'action-plan-2' });
      const department = await server.get('/staff/plans/action-plan-2/rounds/2023/workbook?department=keiei-senryaku', {
        headers: { cookie: sessions.get('editor')!.cookie },
      });
      expect(department.status).toBe(200);
      const books = {
        edition: await editionWorkbook(pub.content),
        department: Buffer.from(await department.arrayBuffer()),
      };
      for (const [name, bytes] of Object.entries(books)) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
        const formulas: string[] = [];
        const texts: string[] = [];
        wb.eachSheet((ws) =>
          ws.eachRow((row) =>
            row.eachCell((cell) => {
              if (cell.type === ExcelJS.ValueType.Formula) formulas.push(`${ws.name}!${cell.address}`);
              // XML reads a bare CR as LF (end-of-line handling), so compare with CRs as LFs.
              if (typeof cell.value === 'string') texts.push(cell.value.replace(/\r/g, '\n'));
            }),
          ),
        );
        expect([name, formulas]).toEqual([name, []]);
        const missing = XSS_PAYLOADS.filter((p) => !texts.some((t) => t.includes(p.replace(/\r/g, '\n'))));
        expect([name, missing]).toEqual([name, []]);
      }
    });

    it('CSV cells a spreadsheet would run as formulas start with an apostrophe; the text is kept', async () => {
      for (const file of ['edition.csv', 'indicators.csv']) {
        const res = await server.get(`${BASE}/downloads/${file}`);
        const rows = parseCsv(await res.text(), { relax_column_count: true }) as string[][];
        const cells = rows.flat();
        expect([file, cells.filter((c) => FORMULA.test(c) && !/^-?\d+(\.\d+)?$/.test(c))]).toEqual([file, []]);
        const formulaPayloads = XSS_PAYLOADS.filter((p) => FORMULA.test(p));
        expect([file, formulaPayloads.filter((p) => !cells.some((c) => c.startsWith(`'${p}`)))]).toEqual([file, []]);
      }
    });
  });
}
