import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPublicEdition } from '../../src/app/index.ts';
import { variantEtag } from '../../src/web/portal/content-coding.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

// node:http rather than fetch, which would decompress the body and hide the bytes on the wire.
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compressed variants and validators of published pages', () => {
  let server: TestServer;
  let lastModified: string;
  const home = '/ogori/action-plan-2/';

  beforeAll(async () => {
    server = await startTestServer();
    const found = await findPublicEdition(server.ctx, { organizationSlug: 'ogori', planSlug: 'action-plan-2' });
    lastModified = new Date(found.edition.publishedAt).toUTCString();
  });
  afterAll(() => server.close());

  const get = (path: string, headers: Record<string, string> = {}) => rawGet(server.url, path, headers);

  it('sends brotli or gzip to clients that ask, the same page as the uncompressed bytes, from the app and from memory', async () => {
    const plain = await get(home, { 'Accept-Encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.headers['last-modified']).toBe(lastModified);
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);

    // The first br request may reach the app or the hot path; the second is certainly from memory.
    for (let i = 0; i < 2; i++) {
      const br = await get(home, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect([br.headers['content-encoding'], br.headers.etag, br.headers.vary]).toEqual([
        'br',
        variantEtag(etag, 'br'),
        'Accept-Encoding',
      ]);
      expect(Number(br.headers['content-length'])).toBe(br.body.byteLength);
      expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    }
    const gzip = await get(home, { 'Accept-Encoding': 'br;q=0, gzip' });
    expect([gzip.headers['content-encoding'], gzip.headers.etag]).toEqual(['gzip', variantEtag(etag, 'gzip')]);
    expect(new Set([etag, variantEtag(etag, 'br'), variantEtag(etag, 'gzip')]).size).toBe(3);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    const none = await get(home, { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.equals(plain.body)).toBe(true);
  });

  it('answers 304 to the ETag of any variant and to If-Modified-Since, and 200 when the page is newer', async () => {
    const plain = await get(home, { 'Accept-Encoding': 'identity' });
    const etag = plain.headers.etag as string;
    const brTag = variantEtag(etag, 'br');
    const cases: [Record<string, string>, number][] = [
      [{ 'Accept-Encoding': 'br', 'If-None-Match': brTag }, 304],
      [{ 'Accept-Encoding': 'identity', 'If-None-Match': brTag }, 304],
      [{ 'Accept-Encoding': 'br', 'If-None-Match': '"other"' }, 200],
      [{ 'If-Modified-Since': lastModified }, 304],
      [{ 'If-Modified-Since': new Date(Date.parse(lastModified) - 1000).toUTCString() }, 200],
      // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
      [{ 'If-None-Match': '"other"', 'If-Modified-Since': lastModified }, 200],
    ];
    const statuses = [];
    for (const [headers] of cases) statuses.push((await get(home, headers)).status);
    expect(statuses).toEqual(cases.map(([, s]) => s));
    const notModified = await get(home, { 'Accept-Encoding': 'br', 'If-None-Match': brTag });
    expect([notModified.headers.etag, notModified.headers['last-modified'], notModified.body.byteLength]).toEqual([
      brTag,
      lastModified,
      0,
    ]);
  });

  it('never compresses downloads that are compressed already', async () => {
    const xlsx = await get('/ogori/action-plan-2/downloads/edition.xlsx', { 'Accept-Encoding': 'br, gzip' });
    expect([xlsx.status, xlsx.headers['content-encoding'], xlsx.body.subarray(0, 2).toString('latin1')]).toEqual([
      200,
      undefined,
      'PK',
    ]);
  });
});
