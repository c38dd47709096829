import { describe, expect, it } from 'vitest';
import { absoluteLink, relativeLink, staticTarget } from './static-paths.ts';

const P = '/ogori/action-plan-2';
const E = '846bf917-38d0-4d14-b2b1-e5c55f8f22fd';

describe('staticTarget', () => {
  it.each([
    ['/', 'index.html', ''],
    ['/?lang=en', 'index.en.html', ''],
    [`/?edition=${E}`, 'index.html', ''],
    ['/404?lang=en', '404.en.html', ''],
    ['/ogori/', 'ogori/index.html', ''],
    [`${P}/`, 'ogori/action-plan-2/index.html', ''],
    [`${P}/?lang=ja`, 'ogori/action-plan-2/index.ja.html', ''],
    [`${P}/downloads/edition.pdf?lang=ja`, 'ogori/action-plan-2/downloads/edition.ja.pdf', ''],
    [`${P}/?edition=${E}&lang=en`, `ogori/action-plan-2/editions/${E}/index.en.html`, ''],
    [`${P}/goals/1?lang=en`, 'ogori/action-plan-2/goals/1.en.html', ''],
    [`${P}/goals/%E7%B6%99`, 'ogori/action-plan-2/goals/継.html', ''],
    [`${P}/initiatives/1-3`, 'ogori/action-plan-2/initiatives/1-3.html', ''],
    [`${P}/departments/`, 'ogori/action-plan-2/departments/index.html', ''],
    [`${P}/departments/kenko?edition=${E}`, `ogori/action-plan-2/editions/${E}/departments/kenko.html`, ''],
    [`${P}/list`, 'ogori/action-plan-2/list.html', ''],
    [`${P}/list?sort=code&lang=en`, 'ogori/action-plan-2/list.en.html', ''],
    [`${P}/list?sort=rating-desc`, 'ogori/action-plan-2/list-rating-desc.html', ''],
    [`${P}/search?lang=en`, 'ogori/action-plan-2/search.en.html', ''],
    [`${P}/search?q=${encodeURIComponent('給食')}`, 'ogori/action-plan-2/search.html', '?q=%E7%B5%A6%E9%A3%9F'],
    [`${P}/search-index.json?lang=en`, 'ogori/action-plan-2/search-index.json', ''],
    [`${P}/downloads`, 'ogori/action-plan-2/downloads.html', ''],
    [`${P}/downloads/edition.csv?bom=1&lang=en`, 'ogori/action-plan-2/downloads/edition-bom.csv', ''],
    [`${P}/downloads/indicators.csv`, 'ogori/action-plan-2/downloads/indicators.csv', ''],
    [`${P}/downloads/edition.json?lang=en`, 'ogori/action-plan-2/downloads/edition.json', ''],
    [`${P}/downloads/edition.pdf?lang=en`, 'ogori/action-plan-2/downloads/edition.en.pdf', ''],
    [`${P}/editions`, 'ogori/action-plan-2/editions.html', ''],
    ['/assets/portal.css?v=abc', 'assets/portal.css', '?v=abc'],
    ['/assets/fonts/noto-sans-jp-0-400-normal.woff2', 'assets/fonts/noto-sans-jp-0-400-normal.woff2', ''],
  ])('%s → %s', (url, file, query) => {
    expect(staticTarget(url)).toEqual({ file, query });
  });

  it.each([
    [`${P}/list?goal=1`, 'query goal of /ogori/action-plan-2/list?goal=1 is not exported'],
    [`${P}/list?sort=x`, 'sort=x'],
    [`${P}/?lang=fr`, `lang=fr in ${P}/?lang=fr`],
    [`${P}/downloads/edition.json?bom=1`, 'bom=1'],
    ['/api/v1/openapi.json', 'no static file for /api/v1/openapi.json'],
    [`${P}/goals/1/x`, `no static file for ${P}/goals/1/x`],
    [`${P}/goals/a%2Fb`, `unsafe path ${P}/goals/a%2Fb`],
    ['/staff/login', 'no static file for /staff/login'],
  ])('refuses %s', (url, message) => {
    expect(() => staticTarget(url)).toThrow(message);
  });
});

describe('links', () => {
  it('are relative to the linking file, percent-encoded per segment', () => {
    const from = 'ogori/action-plan-2/goals/1.html';
    expect(relativeLink(from, staticTarget(`${P}/initiatives/1-3?lang=en`))).toBe('../initiatives/1-3.en.html');
    expect(relativeLink(from, staticTarget(`${P}/initiatives/%E7%B6%991`), '#x')).toBe(
      '../initiatives/%E7%B6%991.html#x',
    );
    expect(relativeLink(from, staticTarget('/assets/portal.css?v=abc'))).toBe('../../../assets/portal.css?v=abc');
    expect(relativeLink(from, staticTarget(`${P}/goals/1`))).toBe('1.html');
    expect(relativeLink('index.html', staticTarget('/'))).toBe('index.html');
  });

  it('are absolute under the base path for 404.html', () => {
    expect(absoluteLink('/city/plan-site/', staticTarget(`${P}/list?lang=en`))).toBe(
      '/city/plan-site/ogori/action-plan-2/list.en.html',
    );
  });
});
