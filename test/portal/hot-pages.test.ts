import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HotPages } from '../../src/web/hot-pages.ts';
import { createWebApp } from '../../src/web/index.ts';
import { type AppFixture, createAppFixture } from '../harness/app-fixture.ts';

// A real server over the Ogori plan, with a hand-driven clock and a count of requests that reach the app.
let fixture: AppFixture;
let url: string;
let close: () => Promise<void>;
let clock = 0;
let reachedApp = 0;

beforeAll(async () => {
  fixture = await createAppFixture('sqlite');
  const hotPages = new HotPages({ now: () => clock });
  const app = createWebApp(fixture.ctx, { hotPages });
  const fetch = (req: Request, env: unknown) => {
    reachedApp++;
    return app.fetch(req, env as never);
  };
  await new Promise<void>((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0, createServer: hotPages.createServer }, (info) => {
      url = `http://127.0.0.1:${(info as AddressInfo).port}`;
      resolve();
    });
    close = () => new Promise((done) => server.close(() => done()));
  });
});
afterAll(async () => {
  await close?.();
  await fixture?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers });
const headersOf = (res: Response) => {
  const h = Object.fromEntries(res.headers);
  delete h.date;
  return h;
};

describe('hot path for published pages', () => {
  it('repeats a current page from memory for a second, with the same headers and bytes', async () => {
    const path = '/ogori/action-plan-2/initiatives/1-3';
    const before = reachedApp;
    const first = await get(path);
    const firstBody = await first.text();
    const second = await get(path);
    expect(reachedApp - before).toBe(1);
    expect(await second.text()).toBe(firstBody);
    expect(headersOf(second)).toEqual(headersOf(first));
    expect(second.headers.get('content-security-policy')).toContain("default-src 'self'");

    const notModified = await get(path, { 'If-None-Match': first.headers.get('etag')! });
    expect([notModified.status, reachedApp - before]).toEqual([304, 1]);
    expect(notModified.headers.get('etag')).toBe(first.headers.get('etag'));

    clock += 1001; // a second later the app is asked again (and checks the current edition)
    await (await get(path)).text();
    expect(reachedApp - before).toBe(2);
  });

  it('repeats addresses made of the parameters a page reads, not ones with parameters of no meaning', async () => {
    clock += 60_000; // whatever earlier tests kept has expired
    const search = `/ogori/action-plan-2/search?q=${encodeURIComponent('子育て')}`;
    const junk = '/ogori/action-plan-2/goals/2?utm_source=mail';
    const before = reachedApp;
    const bodies = [];
    for (const path of [search, search, junk, junk, junk]) bodies.push(await (await get(path)).text());
    // The search once; each request with the unknown parameter reaches the app (and its page cache).
    expect(reachedApp - before).toBe(4);
    expect(bodies[4]).toBe(bodies[2]);
    expect(bodies[4]).toContain('<h1');
  });

  it('keeps pages of a named edition for a minute, and never keeps errors, other methods or staff pages', async () => {
    const id = (await fixture.ctx.store.db.selectFrom('editions').select('id').executeTakeFirstOrThrow()).id;
    const before = reachedApp;
    const pinned = `/ogori/action-plan-2/goals/1?edition=${id}`;
    await (await get(pinned)).text();
    clock += 30_000;
    await (await get(pinned)).text();
    expect(reachedApp - before).toBe(1);

    for (const path of ['/ogori/action-plan-2/initiatives/99-9', '/healthz', '/staff/login']) {
      await (await get(path)).text();
      await (await get(path)).text();
    }
    await (await fetch(`${url}/ogori/action-plan-2/`, { method: 'HEAD' })).text();
    expect(reachedApp - before).toBe(8);
  });
});
