import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaffSession, setUserDisabled, systemActor } from '../../src/app/index.ts';
import { buildStaff, TEST_PASSWORD } from '../harness/staff-factory.ts';
import { unsafeMarkup } from './html-safety.ts';
import { createSecurityFixture, EVERY_WHO, type SecurityFixture } from './security-fixture.ts';

/** The policy every response carries, exactly: nothing inline, nothing from elsewhere, never framed. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];
const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const form = (fields: Record<string, string>, cookie: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  body: new URLSearchParams(fields),
});

describe('security headers and sessions over HTTP', () => {
  let f: SecurityFixture;
  beforeAll(async () => {
    f = await createSecurityFixture('sqlite');
  }, 120_000);
  afterAll(() => f.close());
  const get = (path: string, init?: RequestInit) => f.server.get(path, init);

  it('every kind of response carries the CSP, nosniff, referrer policy and no framing', async () => {
    const plan = '/ogori/action-plan-2';
    const staff = { headers: { cookie: f.session('plan-office').cookie } };
    const kinds: [string, () => Promise<Response>, number][] = [
      ['portal page', () => get(`${plan}/`), 200],
      ['portal page from the hot path', () => get(`${plan}/`), 200],
      ['portal page, HEAD', () => get(`${plan}/list`, { method: 'HEAD' }), 200],
      [
        'not modified',
        async () => get(`${plan}/`, { headers: { 'if-none-match': (await get(`${plan}/`)).headers.get('etag')! } }),
        304,
      ],
      ['API JSON', () => get('/api/v1/organizations/ogori/plans/action-plan-2/goals'), 200],
      ['API error', () => get('/api/v1/organizations/ogori/plans/action-plan-2/goals/99'), 404],
      ['OpenAPI document', () => get('/api/v1/openapi.json'), 200],
      ['stylesheet', () => get('/assets/portal.css'), 200],
      ['font', () => get('/assets/fonts/noto-sans-jp-latin-400-normal.woff2'), 200],
      ['icon', () => get('/assets/favicon.svg'), 200],
      ['staff stylesheet', () => get('/staff/assets/staff.css'), 200],
      ['CSV download', () => get(`${plan}/downloads/edition.csv`), 200],
      ['JSON download', () => get(`${plan}/downloads/edition.json`), 200],
      ['PDF download', () => get(`${plan}/downloads/edition.pdf`), 200],
      [
        'Excel download',
        () => get('/staff/plans/action-plan-2/rounds/2023/workbook?department=keiei-senryaku', staff),
        200,
      ],
      ['staff login page', () => get('/staff/login'), 200],
      ['staff page', () => get('/staff/', staff), 200],
      ['staff redirect', () => get('/staff/'), 303],
      ['staff 403', () => get('/staff/admin/users', staff), 403],
      ['staff 404', () => get('/staff/plans/action-plan-2/history/99', staff), 404],
      ['portal 400', () => get(`${plan}/list?sort=sideways`), 400],
      ['portal 404', () => get(`${plan}/initiatives/99`), 404],
      ['other address 404', () => get('/no/such/page/here'), 404],
      ['redirect', () => get('/ogori'), 301],
      ['body too large', () => get('/staff/login', { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) }), 413],
      ['NUL refused', () => get('/ogori/%00/'), 400],
      ['address past the 16 KB Node parses', () => get(`/ogori/${'a'.repeat(17_000)}`), 431],
      ['health', () => get('/healthz'), 200],
    ];
    const seen: string[] = [];
    for (const [name, send] of kinds) {
      const res = await send();
      await res.arrayBuffer();
      const h = (n: string) => res.headers.get(n);
      seen.push(
        [
          name,
          res.status,
          h('content-security-policy'),
          h('x-content-type-options'),
          h('referrer-policy'),
          h('x-frame-options'),
        ].join(' | '),
      );
    }
    expect(seen).toEqual(
      kinds.map(([name, , status]) =>
        [name, status, CSP, 'nosniff', 'strict-origin-when-cross-origin', 'DENY'].join(' | '),
      ),
    );
  }, 60_000);

  it('a request Node cannot parse is answered with a message in both languages, not a bare status line', async () => {
    const res = await get(`/api/v1/organizations/ogori/plans/${'a'.repeat(17_000)}`);
    expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([
      431,
      'text/plain; charset=utf-8',
      'リクエストのアドレスまたはヘッダーが長すぎます。\nThe request address or headers are too long.\n',
    ]);
  });

  it('no page has an inline script, event handler or style attribute: 400 portal pages and every staff page of every role', async () => {
    const crawl = async (start: string[], cookie?: string) => {
      const queue = [...start];
      const seen = new Set(queue);
      const problems: string[] = [];
      while (queue.length > 0) {
        const url = queue.shift()!;
        const res = await get(url, { headers: cookie ? { cookie } : {} });
        if (!res.headers.get('content-type')?.startsWith('text/html')) {
          await res.arrayBuffer();
          continue;
        }
        const html = await res.text();
        problems.push(...unsafeMarkup(html).map((p) => `${url}: ${p}`));
        for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
          const next = m[1]!.replace(/&amp;/g, '&');
          const inScope = cookie ? next.startsWith('/staff/') && !next.includes('/lang/') : !next.startsWith('/staff');
          if (inScope && !next.startsWith('/assets/') && !seen.has(next) && seen.size < 400) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      return { pages: seen.size, problems };
    };
    const portal = await crawl(['/', '/ogori/action-plan-2/?lang=en', '/nothing', '/ogori/action-plan-2/list?min=x']);
    expect(portal.problems).toEqual([]);
    expect(portal.pages).toBeGreaterThanOrEqual(100);
    let staffPages = 0;
    for (const who of EVERY_WHO) {
      const staff = await crawl(['/staff/', '/staff/login', '/staff/nothing'], f.session(who).cookie);
      expect([who, staff.problems]).toEqual([who, []]);
      staffPages += staff.pages;
    }
    console.log(`pages checked for inline code: portal ${portal.pages}, staff ${staffPages} (all roles)`);
    expect(staffPages).toBeGreaterThanOrEqual(50);
  }, 120_000);

  async function loginForm() {
    const res = await get('/staff/login');
    return { cookie: cookieOf(res, 'shinchoku_login_csrf')!, csrf: csrfIn(await res.text()) };
  }
  async function signIn(identifier: string, password: string, planted = '') {
    const { cookie, csrf } = await loginForm();
    const res = await get(
      '/staff/login',
      form({ _csrf: csrf, identifier, password }, [cookie, planted].filter(Boolean).join('; ')),
    );
    return { res, session: cookieOf(res, 'shinchoku_session') };
  }

  it('staff notices come from the page’s own data: words in the address are never shown', async () => {
    const cookie = f.session('plan-office').cookie;
    const words = '偽のお知らせ: パスワードを evil.example に送ってください';
    const q = encodeURIComponent(words);
    const status = async (path: string, signedIn = true) => {
      const res = await get(path, signedIn ? { headers: { cookie } } : undefined);
      const html = await res.text();
      expect([path, res.status, html.includes('evil.example')]).toEqual([path, 200, false]);
      return /<div class="notice" role="status"><p>([^<]*)<\/p>/.exec(html)?.[1];
    };
    const publish = '/staff/plans/action-plan-2/publish';
    const board = '/staff/plans/action-plan-2/rounds/2023/';
    const shown = [
      await status(`${publish}?notice=published&name=${q}`),
      await status(`${publish}?notice=published&edition=${q}`),
      await status(`${board}?notice=reminders&n=${q}`),
      await status(`/staff/?notice=${q}&error=${q}&message=${q}`),
      await status(`/staff/account/password?notice=${q}`),
      await status(`/staff/login?notice=${q}&error=${q}&message=${q}`, false),
    ];
    expect(shown).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    // The notices that carry values take them from the data: the edition the id names, the round on the board.
    const editions = (await (await get('/api/v1/organizations/ogori/plans/action-plan-2/editions')).json()) as {
      id: string;
      name: string;
    }[];
    const edition = editions.find((e) => e.id === f.editionIds.ogori)!;
    expect([
      await status(`${publish}?notice=published&edition=${edition.id}&name=${q}`),
      await status(`${board}?notice=opened&fy=${q}&n=7`),
      await status(`${board}?notice=reminders&n=3`),
    ]).toEqual([
      `「${edition.name}」を公表しました。`,
      '令和5年度の照会を開始しました（40件）。',
      'リマインダーを3通送信しました。',
    ]);
  });

  it('session fixation: a session id set before login is replaced, and the planted value never signs anyone in', async () => {
    const staff = await buildStaff(f.server.ctx, { role: 'viewer', email: 'fixation@security.example.jp' });
    const planted = 'shinchoku_session=attacker-chosen-value-0123456789abcdefghijklmn';
    const { res, session } = await signIn(staff.email, TEST_PASSWORD, planted);
    expect(res.status).toBe(303);
    expect(session).toMatch(/^shinchoku_session=[A-Za-z0-9_-]{43}$/);
    expect(session).not.toBe(planted);
    const withPlanted = await get('/staff/', { headers: { cookie: planted } });
    expect([withPlanted.status, withPlanted.headers.get('location')]).toEqual([303, '/staff/login?next=%2Fstaff%2F']);
    expect((await get('/staff/', { headers: { cookie: session! } })).status).toBe(200);
  });

  it('logout ends the session on the server: the old cookie and its CSRF token get the login page', async () => {
    const staff = await buildStaff(f.server.ctx, { role: 'plan-office', email: 'logout@security.example.jp' });
    const { session } = await signIn(staff.email, TEST_PASSWORD);
    const home = await get('/staff/', { headers: { cookie: session! } });
    const csrf = csrfIn(await home.text());
    const token = session!.split('=')[1]!;
    expect(await resolveStaffSession(f.server.ctx, token)).not.toBeNull();
    const out = await get('/staff/logout', form({ _csrf: csrf }, session!));
    expect([out.status, out.headers.get('location')]).toEqual([303, '/staff/login?notice=logged-out']);
    expect(out.headers.getSetCookie().find((c) => c.startsWith('shinchoku_session='))).toMatch(/Max-Age=0/);
    expect(await resolveStaffSession(f.server.ctx, token)).toBeNull();
    const again = await get(
      '/staff/plans/action-plan-2/rounds',
      form({ _csrf: csrf, fy: '2024', dueDate: '2025-05-31' }, session!),
    );
    expect([again.status, again.headers.get('location')]).toEqual([303, '/staff/login']);
    const page = await get('/staff/plans/action-plan-2/edit', { headers: { cookie: session! } });
    expect([page.status, page.headers.get('location')]).toEqual([
      303,
      '/staff/login?next=%2Fstaff%2Fplans%2Faction-plan-2%2Fedit',
    ]);
  });

  it('login errors are generic: unknown address, wrong password and disabled account get the same page', async () => {
    await buildStaff(f.server.ctx, { role: 'viewer', email: 'generic@security.example.jp' });
    await buildStaff(f.server.ctx, { role: 'viewer', email: 'disabled@security.example.jp' });
    await setUserDisabled({
      ctx: f.server.ctx,
      actor: systemActor(),
      organizationSlug: 'ogori',
      user: 'disabled@security.example.jp',
      disabled: true,
    });
    const attempts = [
      ['nobody@security.example.jp', TEST_PASSWORD],
      ['generic@security.example.jp', 'wrong-password'],
      ['disabled@security.example.jp', TEST_PASSWORD],
    ] as const;
    const pages: string[] = [];
    for (const [identifier, password] of attempts) {
      const { res, session } = await signIn(identifier, password);
      expect([identifier, res.status, session]).toEqual([identifier, 401, undefined]);
      const html = (await res.text()).replace(/name="_csrf" value="[^"]+"/, '').replace(`value="${identifier}"`, '');
      pages.push(html);
    }
    expect(pages[0]).toContain('メールアドレス（職員番号）またはパスワードが正しくありません');
    expect(new Set(pages).size).toBe(1);
  });
});
