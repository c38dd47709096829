import fc from 'fast-check';

/**
 * Hostile and odd input for the fuzzer: classic payloads, unicode edge cases, numbers that are not quite
 * numbers, and random text from fast-check. Shared by the fuzz and injection suites.
 */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  "'; drop table plans; --",
  "' or '1'='1",
  '%',
  '_',
  '%_%',
  '\\',
  '\\\\%',
  '..',
  '../../../../etc/passwd',
  '..%2f..%2fpackage.json',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '</title><svg onload=alert(1)>',
  '=cmd|" /C calc"!A0',
  '+1',
  '-1',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '{"__proto__":{"polluted":1}}',
  '[]',
  '{}',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  '９９',
  '2023.5',
  '99999999999999999999999',
  '\u0000',
  '\uFEFF',
  '\u202E\u0645\u0631\u062D\u0628\u0627',
  '\u200B',
  'e\u0301\u0301\u0301',
  '𠮷野家',
  '👨‍👩‍👧‍👦',
  '\uD800',
  '\uDFFF\uD800',
  'ｓｎｓ',
  '継1',
  '令和５年度',
  'a'.repeat(5000),
  'あ'.repeat(3000),
] as const;

/** Percent-encodes UTF-8 bytes; unlike encodeURIComponent it takes lone surrogates (as U+FFFD). */
export function pct(s: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(s)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Raw fragments that are not valid percent-encoding or that confuse naive parsers. */
export const RAW_URL_JUNK = ['%', '%zz', '%E0%A4%A', '%ff%fe', '%00', '%2e%2e', '//', '/./', ';', '&&', '=', '#x', '?'];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** A string as it may appear in a form field: hostile, or huge (up to ~300 KB, under the 1 MB form limit). */
export const fieldValue = (valid: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileString },
    { weight: 3, arbitrary: fc.constantFrom(...valid) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('x', 'あ', '<', '%', '𠮷'), fc.integer({ min: 10_000, max: 100_000 }))
        .map(([c, n]) => c.repeat(n)),
    },
  );

/** Header values must be bytes: keep printable ASCII and Latin-1, replace the rest. */
export function headerSafe(s: string): string {
  return s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?').trim();
}
