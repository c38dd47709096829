import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ogoriEdition } from '../../../test/harness/ogori-edition.ts';
import { buildSearchIndex, highlightRanges, type SearchIndex, searchIndex } from '../../app/index.ts';
import { searchClientScript, searchEngineSource } from './search-client.ts';

type Engine = { searchIndex: typeof searchIndex; highlightRanges: typeof highlightRanges };

/** The script's matching part, evaluated on its own the way a browser would run it. */
function engine(): Engine {
  return vm.runInNewContext(`${searchEngineSource()}\n({ searchIndex, highlightRanges });`) as Engine;
}

describe('the static search script', () => {
  const index: SearchIndex = JSON.parse(JSON.stringify(buildSearchIndex(ogoriEdition())));

  it.each(['給食', 'SNS', 'ｓｎｓ', 'SNS　子育て', 'ワクチン', '1-3', 'school', 'ｶﾞｲﾄﾞ', 'no such words'])(
    'finds exactly what the portal finds for %s',
    (q) => {
      const got = engine().searchIndex(index, q);
      expect(JSON.parse(JSON.stringify(got))).toEqual(JSON.parse(JSON.stringify(searchIndex(index, q))));
    },
  );

  it('finds 12-1 for 給食 and highlights like the portal', () => {
    const e = engine();
    expect(e.searchIndex(index, '給食').map((h) => h.code)).toEqual(['12-1']);
    expect(e.highlightRanges('市長発信用ＳＮＳ開設', 'sns')).toEqual([[5, 8]]);
    expect(e.highlightRanges('市長発信用ＳＮＳ開設', 'sns')).toEqual(highlightRanges('市長発信用ＳＮＳ開設', 'sns'));
  });

  it('is one strict function expression with nothing global, versioned by its content', () => {
    const { body, hash } = searchClientScript();
    expect(body.split('\n')[1]).toBe('(() => {');
    expect(body.trimEnd().endsWith('})();')).toBe(true);
    expect(hash).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // Parses as a script (no import/export left from the modules it was built from).
    expect(() => new vm.Script(body)).not.toThrow();
  });
});
