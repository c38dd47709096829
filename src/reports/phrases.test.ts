import { describe, expect, it } from 'vitest';
import { loadPhrases, phrases } from './phrases.ts';

describe('Japanese phrases (BudouX parser and Japanese model, loaded without the package entry)', () => {
  // Files share loaded modules (vitest isolate: false), so another file may have loaded the model already.
  it('splits headings into phrases that join back to the text', async () => {
    const segment = await loadPhrases();
    expect(segment).toBe(await loadPhrases());
    expect(phrases('業務変革の推進')).toEqual(['業務変革の', '推進']);
    expect(phrases('速やかな実施')).toEqual(['速やかな', '実施']);
    expect(phrases('')).toEqual([]);
    const text = '市長発信用SNS開設による情報発信の強化';
    expect(phrases(text).join('')).toBe(text);
  });
});
