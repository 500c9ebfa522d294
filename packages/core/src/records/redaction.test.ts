import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isRedactionMarker } from './redaction';

// Every spelling seen in the real releases (nationwide FY2016, the Seattle production, the
// Deportation Data Project's 2025 and March-2026 releases), as the cells hold them.
const real = [
  '(B)(6);(B)(7)(C) ',
  '(B)(7)(E) ',
  '(b)(6),(b)(7)c)',
  '(b)(7)e)',
  '(b)(7)(E )',
  '(b)(6),(b)(7)(c )',
  'b(6), b(7)c',
  'b(6), b(7)C',
  '(b)(6), (b)(7)(c)',
  '(b)(6), (b)(7)(c) (b)(7)(e)',
  '(b)(6)(b)(7)(c)',
  '(b)(6) and (b)(7)(C)',
  '(b)(6)/(b)(7)(c)',
];

describe('isRedactionMarker', () => {
  it.each(real)('recognises %j', (s) => {
    expect(isRedactionMarker(s)).toBe(true);
  });

  it.each(['B7', 'b6', 'BOSTON', 'BEXAR', '10/1/2015', '2024-06-27 12:50:00', '(b)', 'b(x)', 'MEXICO', '237a2Aiii', '212a9CiII', '(B)(7)(E) Operation', ''])(
    'refuses %j',
    (s) => {
      expect(isRedactionMarker(s)).toBe(false);
    },
  );

  const letter = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
  const cased = (s: string) => fc.boolean().map((up) => (up ? s.toUpperCase() : s));
  const space = fc.constantFrom('', ' ', '  ');
  // A subparagraph letter with its parentheses, half of them, or none: (c) c) (c c (c ) …
  const sub = fc
    .tuple(letter.chain(cased), fc.constantFrom('()', '(', ')', ''), space)
    .map(([l, parens, sp]) => `${parens.includes('(') ? '(' : ''}${l}${sp}${parens.includes(')') ? ')' : ''}`);
  const citation = fc
    .tuple(cased('b'), fc.constantFrom('(b)', 'b'), fc.integer({ min: 1, max: 9 }), fc.array(sub, { maxLength: 2 }), space)
    .map(([b, form, n, subs, sp]) => `${form === '(b)' ? `(${b})` : b}${sp}(${n})${subs.join('')}`);
  const joiner = fc.tuple(fc.constantFrom('', ',', ';', '/', '&', ' and '), space).map(([j, sp]) => `${j}${sp}`);
  const marker = fc
    .tuple(space, citation, fc.array(fc.tuple(joiner, citation), { maxLength: 3 }), space)
    .map(([lead, first, rest, trail]) => `${lead}${first}${rest.map(([j, c]) => j + c).join('')}${trail}`);

  test.prop([marker], { numRuns: 500 })('accepts generated spellings', (s) => {
    expect(isRedactionMarker(s)).toBe(true);
  });

  // Ordinary cells: words, codes and dates, with no exemption number in parentheses.
  const ordinary = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9 ,.\-/]{0,30}$/),
    fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.tuple(fc.constantFrom('B', 'b'), fc.integer({ min: 0, max: 99 })).map(([b, n]) => `${b}${n}`),
  );
  test.prop([ordinary], { numRuns: 500 })('refuses ordinary values', (s) => {
    expect(isRedactionMarker(s)).toBe(false);
  });
});
