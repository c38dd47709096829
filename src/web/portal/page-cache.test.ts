import { describe, expect, it } from 'vitest';
import { PageCache, pageBytes, renderedPage } from './page-cache.ts';

const page = (bytes: number) => renderedPage(new Uint8Array(bytes));

describe('PageCache', () => {
  it('keeps the most recently used pages within its bytes, however few they are', () => {
    const cache = new PageCache(100, 1000);
    cache.set('a', page(400));
    cache.set('b', page(400));
    expect(cache.get('a')?.body.byteLength).toBe(400); // a is now the most recently used
    cache.set('c', page(400));
    expect([cache.get('a') !== undefined, cache.get('b') !== undefined, cache.get('c') !== undefined]).toEqual([
      true,
      false,
      true,
    ]);
    expect([cache.size, cache.bytes]).toEqual([2, 800]);
  });

  it('counts the compressed copies made after a page went in, and never keeps a page larger than the budget', () => {
    const cache = new PageCache(100, 1000);
    const a = page(300);
    cache.set('a', a);
    cache.set('b', page(300));
    // A compressed copy of a is made on a later request (content-coding.ts adds it to the page).
    a.variants = { gzip: new Uint8Array(500) };
    expect(pageBytes(a)).toBe(800);
    cache.get('a');
    // 800 + 300 > 1000: b, the least recently used, goes.
    expect([cache.get('b'), cache.size, cache.bytes]).toEqual([undefined, 1, 800]);
    cache.set('big', page(1001));
    expect([cache.get('big'), cache.size]).toEqual([undefined, 1]);
  });

  it('still bounds the number of pages', () => {
    const cache = new PageCache(3, 1_000_000);
    for (const k of ['a', 'b', 'c', 'd']) cache.set(k, page(10));
    expect([cache.size, cache.get('a'), cache.bytes]).toEqual([3, undefined, 30]);
  });
});
