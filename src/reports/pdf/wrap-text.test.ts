import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap-text.ts';

const byChars = (s: string) => [...s].length;

describe('wrapText', () => {
  it('breaks Japanese anywhere and keeps every character', () => {
    expect(wrapText('あいうえおかきく', 3, byChars)).toEqual(['あいう', 'えおか', 'きく']);
  });

  it('keeps Latin words whole and drops the space at the break', () => {
    expect(wrapText('Web会議 system導入', 8, byChars)).toEqual(['Web会議', 'system導入']);
  });

  it('does not start a line with a closing mark (禁則)', () => {
    expect(wrapText('あいう。えお', 3, byChars)).toEqual(['あい', 'う。え', 'お']);
  });

  it('does not end a line with an opening bracket', () => {
    expect(wrapText('あい「うえ」', 3, byChars)).toEqual(['あい', '「う', 'え」']);
  });

  it('splits a token longer than the line at characters', () => {
    expect(wrapText('https://example.jp/abc', 8, byChars)).toEqual(['https://', 'example.', 'jp/abc']);
  });

  it('honours newlines and keeps empty paragraphs', () => {
    expect(wrapText('あ\n\nい', 5, byChars)).toEqual(['あ', '', 'い']);
  });

  it('breaks only between phrases when given a segmenter, and inside a phrase only when it is wider than a line', () => {
    const segment = (t: string) => (t === '速やかな実施です' ? ['速やかな', '実施', 'です'] : [t]);
    expect(wrapText('速やかな実施です', 5, byChars, segment)).toEqual(['速やかな', '実施です']);
    expect(wrapText('速やかな実施です', 5, byChars)).toEqual(['速やかな実', '施です']);
    expect(wrapText('あいうえおかきく', 5, byChars, segment)).toEqual(['あいうえお', 'かきく']);
  });
});
