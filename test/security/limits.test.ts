import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, createAppContext, ensureSeeded } from '../../src/app/index.ts';
import { migrateToLatest, openDatabase, type Store } from '../../src/store/index.ts';
import { createWebApp } from '../../src/web/index.ts';
import { readOgoriBundle } from '../harness/app-fixture.ts';
import { buildStaff, openOgoriRound, readOgoriSheet, signInStaff } from '../harness/staff-factory.ts';
import { postStaffForm } from '../harness/staff-form.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';
import { rawRequest } from './raw-http.ts';
import { zipBomb } from './zip-file.ts';

const FORM_413 = '送信されたデータが大きすぎます（上限 1 MB）。\nThe request is too large (the limit is 1 MB).\n';
const UPLOAD_413 = '送信されたデータが大きすぎます（上限 10 MB）。\nThe request is too large (the limit is 10 MB).\n';
const ROUND = '/staff/plans/action-plan-2/rounds/2023';
const MB = 1024 * 1024;
const visible = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function staffSession(ctx: AppContext, email: string) {
  return signInStaff(ctx, email, 'limits');
}

function uploadForm(csrf: string, bytes: Uint8Array, name = 'keiei.xlsx') {
  const form = new FormData();
  form.set('_csrf', csrf);
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  return form;
}

describe('request body limits (1 MB forms and JSON, 10 MB uploads)', () => {
  let server: TestServer;
  let s: { cookie: string; csrf: string };
  beforeAll(async () => {
    server = await startTestServer();
    const { ctx } = server;
    await openOgoriRound(ctx);
    const editor = await buildStaff(ctx, { role: 'department-editor', department: 'keiei-senryaku' });
    s = await staffSession(ctx, editor.email);
  });
  afterAll(() => server.close());

  const post = (path: string, body: BodyInit, type?: string) =>
    server.get(path, {
      method: 'POST',
      body,
      headers: { cookie: s.cookie, ...(type && { 'content-type': type }) },
    });

  it('answers a form over 1 MB with 413 and a message, on staff and public addresses alike', async () => {
    for (const path of [`${ROUND}/tasks/1-1/comments`, '/ogori/action-plan-2/', '/api/v1/organizations']) {
      const res = await postStaffForm(server, s, path, { text: 'x'.repeat(MB) });
      expect([path, res.status, res.headers.get('connection'), await res.text()]).toEqual([
        path,
        413,
        'close',
        FORM_413,
      ]);
    }
    const json = await post('/api/v1/organizations', JSON.stringify({ a: 'x'.repeat(MB) }), 'application/json');
    expect([json.status, await json.text()]).toEqual([413, FORM_413]);
  });

  it('takes a form just under the limit to the route, which judges its content', async () => {
    const fields = { text: 'x'.repeat(MB - 200) };
    expect(new URLSearchParams({ _csrf: s.csrf, ...fields }).toString().length).toBeLessThan(MB);
    const res = await postStaffForm(server, s, `${ROUND}/tasks/1-1/comments`, fields);
    expect(res.status).not.toBe(413);
    expect(res.status).toBeLessThan(500);
  });

  it('counts a chunked body as it arrives and stops it at the limit', async () => {
    const chunk = 'a'.repeat(0x80000);
    const bytes =
      `POST /staff/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
      `Transfer-Encoding: chunked\r\n\r\n${`80000\r\n${chunk}\r\n`.repeat(3)}0\r\n\r\n`;
    expect(await rawRequest(server.url, bytes)).toBe('HTTP/1.1 413 Payload Too Large');
  });

  it('limits the login form, which anyone may send, to 16 KB (a multipart of thousands of parts is not parsed)', async () => {
    const parts = new FormData();
    for (let i = 0; i < 5000; i++) parts.append(`f${i}`, 'x');
    const big = await post('/staff/login', parts);
    expect([big.status, await big.text()]).toEqual([
      413,
      '送信されたデータが大きすぎます（上限 16 KB）。\nThe request is too large (the limit is 16 KB).\n',
    ]);
    const small = await post('/staff/login', new URLSearchParams({ identifier: 'a@example.jp', password: 'x' }));
    expect(small.status).not.toBe(413);
  });

  it('answers an upload over 10 MB with 413, and reads one under it', async () => {
    const over = await post(`${ROUND}/workbook`, uploadForm(s.csrf, new Uint8Array(10 * MB)));
    expect([over.status, await over.text()]).toEqual([413, UPLOAD_413]);
    const under = await post(`${ROUND}/workbook`, uploadForm(s.csrf, new Uint8Array(9 * MB)));
    expect(under.status).toBe(400);
    expect(visible(await under.text())).toContain('!A1: Excelファイル（.xlsx）として読めません');
  });

  it('refuses a zip bomb (40 MB unpacked; sizes declared, hidden, or offsets shifted by prepended bytes) while unpacking it, and saves nothing', async () => {
    const before = await readOgoriSheet(server.ctx, '1-1');
    // 16 junk bytes in front shift every offset of the zip: the limit must hold all the same.
    const junk = Buffer.alloc(16, 0x41);
    const lying = zipBomb(40, true);
    for (const bomb of [zipBomb(40), lying, Buffer.concat([junk, lying])]) {
      expect(bomb.length).toBeLessThan(200_000);
      const started = performance.now();
      const res = await post(`${ROUND}/workbook`, uploadForm(s.csrf, bomb));
      expect(res.status).toBe(400);
      expect(visible(await res.text())).toContain(
        '!A1: ファイルを展開すると大きすぎます（Excelファイルとして扱えません）',
      );
      expect(performance.now() - started).toBeLessThan(5000);
    }
    const after = await readOgoriSheet(server.ctx, '1-1');
    expect(after.version).toBe(before.version);
  });
});

describe('upload throttling, shared by two app processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  const stores: Store[] = [];
  const apps: ReturnType<typeof createWebApp>[] = [];
  let clock = new Date('2024-04-15T09:00:00Z');
  let first: { cookie: string; csrf: string };
  let second: { cookie: string; csrf: string };

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    for (let i = 0; i < 2; i++) {
      const store = openDatabase(database.url);
      stores.push(store);
      if (i === 0) await migrateToLatest(store.db);
      const ctx = createAppContext(store, () => clock);
      if (i === 0) {
        await ensureSeeded(ctx, () => [readOgoriBundle()]);
        await openOgoriRound(ctx);
        const a = await buildStaff(ctx, { role: 'department-editor', department: 'keiei-senryaku' });
        const b = await buildStaff(ctx, { role: 'department-editor', department: 'keiei-senryaku' });
        first = await staffSession(ctx, a.email);
        second = await staffSession(ctx, b.email);
      }
      apps.push(createWebApp(ctx));
    }
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await database.drop();
  });

  const upload = async (app: number, who: { cookie: string; csrf: string }) => {
    const res = await apps[app]!.request(`http://localhost${ROUND}/workbook`, {
      method: 'POST',
      body: uploadForm(who.csrf, new TextEncoder().encode('not a workbook')),
      headers: { cookie: who.cookie },
    });
    return { status: res.status, text: visible(await res.text()) };
  };

  it('lets a user upload 20 times in 10 minutes across both processes, then answers 429 with a message', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await upload(i % 2, first)).status);
    expect(statuses).toEqual(Array(20).fill(400));
    for (const app of [0, 1]) {
      const refused = await upload(app, first);
      expect(refused.status).toBe(429);
      expect(refused.text).toContain(
        'アップロードが続いたため、しばらく受け付けません。10分ほどおいてから、もう一度お試しください',
      );
    }
    expect((await upload(1, second)).status).toBe(400);
  });

  it('lets the user upload again once the window has passed', async () => {
    clock = new Date(clock.getTime() + 11 * 60_000);
    expect((await upload(0, first)).status).toBe(400);
  });
});
