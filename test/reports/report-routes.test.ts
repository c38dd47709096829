import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPublicEdition } from '../../src/app/index.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

describe('report downloads over HTTP', () => {
  let server: TestServer;
  const path = '/ogori/action-plan-2/downloads/edition.pdf';

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('serves the current edition as a PDF, cached with an ETag', async () => {
    const res = await server.get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="ogori-action-plan-2-fy2022.pdf"; filename*=UTF-8''${encodeURIComponent('もっとつながるまち小郡アクションプラン_令和4年度実績反映版.pdf')}`,
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"pdf-4-ja-[0-9a-f]{40}"$/);

    const again = await server.get(path);
    expect(Buffer.from(await again.arrayBuffer()).equals(body)).toBe(true);
    const notModified = await server.get(path, { headers: { 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
  });

  it('serves a named edition as immutable, and English on request', async () => {
    const { edition } = await getPublicEdition(server.ctx, { organizationSlug: 'ogori', planSlug: 'action-plan-2' });
    const res = await server.get(`${path}?edition=${edition.id}&lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('etag')).toBe(`"pdf-4-en-${edition.contentSha256.slice(0, 40)}"`);
    expect(res.headers.get('content-disposition')).toContain('filename="ogori-action-plan-2-fy2022-en.pdf"');
  });

  it('serves the edition workbook (the portal links to it) as an attachment with its own ETag', async () => {
    const res = await server.get('/ogori/action-plan-2/downloads/edition.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="ogori-action-plan-2-fy2022.xlsx"; filename*=UTF-8''${encodeURIComponent('もっとつながるまち小郡アクションプラン_令和4年度実績反映版.xlsx')}`,
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"xlsx-4-ja-[0-9a-f]{40}"$/);
    // The workbook is in Japanese whatever the page language; ?lang=en gives the same file.
    const en = await server.get('/ogori/action-plan-2/downloads/edition.xlsx?lang=en');
    expect(en.headers.get('etag')).toBe(etag);
    expect(
      (await server.get('/ogori/action-plan-2/downloads/edition.xlsx', { headers: { 'If-None-Match': etag } })).status,
    ).toBe(304);
    const downloads = await (await server.get('/ogori/action-plan-2/downloads')).text();
    expect(downloads).toContain(
      '<a href="/ogori/action-plan-2/downloads/edition.xlsx">Excel（版の全内容：取組、指標、年度ごとの評価、集計）</a>',
    );
  });

  it('answers 404 for an unknown plan and 400 for a bad parameter', async () => {
    expect((await server.get('/ogori/no-such-plan/downloads/edition.pdf')).status).toBe(404);
    expect((await server.get('/ogori/no-such-plan/downloads/edition.xlsx')).status).toBe(404);
    const bad = await server.get(`${path}?lang=fr`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('不正なパラメータです / Invalid query parameter\n');
  });
});
