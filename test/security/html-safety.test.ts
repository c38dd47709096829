import { describe, expect, it } from 'vitest';
import { unsafeMarkup } from './html-safety.ts';

describe('unsafeMarkup (the checker the injection and header suites rely on)', () => {
  it('finds inline scripts, handlers, style, script URLs and embedding elements', () => {
    const html = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<svg onload="alert(1)"></svg>',
      '<p style="color:red">x</p>',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<iframe src="/x"></iframe>',
      '<meta http-equiv="refresh" content="0;url=/x">',
      '<style>*{}</style>',
    ].join('');
    expect(unsafeMarkup(html).map((f) => f.split(':')[0])).toEqual([
      'inline script',
      'event handler onerror',
      'event handler onload',
      'style attribute',
      'href=javascript',
      'href=&#106;avascript',
      '<iframe>',
      'meta refresh',
      'inline <style> element',
    ]);
  });

  it('passes our own kind of markup, escaped payloads included', () => {
    const html =
      '<link rel="stylesheet" href="/assets/portal.css?v=1"><script src="/assets/search.js"></script>' +
      '<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><a href="/ogori/">x</a><input value="&quot;&gt;&lt;img onerror=x&gt;">';
    expect(unsafeMarkup(html)).toEqual([]);
  });
});
