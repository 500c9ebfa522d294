import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../__fixtures__/testing';
import { escapeCsvCell, needsFormulaGuard, unescapeCsvCell } from './escape';

const dangerous = ['=', '+', '-', '@', '\t', '\r'];

/** Parses one CSV row of `width` cells with the loaders' tokenizer. */
function parseRow(line: string, width: number, delimiter: string): string[] {
  const rows = csvRows(line, delimiter);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toHaveLength(width);
  return rows[0]!;
}

// Text as people and attackers write it: the characters that break CSV writers and spreadsheets.
const awkward = fc.string({
  unit: fc.constantFrom('a', ' ', ',', ';', '\t', '"', "'", '\n', '\r', '\r\n', '=', '+', '-', '@', 'é', '“', '\ufeff', '😀'),
  maxLength: 12,
});
const anyText = fc.oneof(awkward, fc.string({ unit: 'binary', maxLength: 12 }));
const delimiter = fc.constantFrom(',', ';', '\t');

describe('escapeCsvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['nearly 500, said ICE', '"nearly 500, said ICE"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['-5 percent', "'-5 percent"],
    ['@handle', "'@handle"],
    ['\tindented', "'\tindented"],
    ['\rreturn', '"\'\rreturn"'],
    ["'=already guarded", "''=already guarded"],
    ["''", "'''"],
    ["'tis", "'tis"],
    ["'", "'"],
    ['\ufeffbom', '"\ufeffbom"'],
  ])('escapes %j as %j', (value, cell) => {
    expect(escapeCsvCell(value)).toBe(cell);
  });
  it('quotes for the delimiter in use only', () => {
    expect(escapeCsvCell('a;b', ';')).toBe('"a;b"');
    expect(escapeCsvCell('a;b', ',')).toBe('a;b');
    expect(escapeCsvCell('a\tb', '\t')).toBe('"a\tb"');
  });
});

describe('unescapeCsvCell', () => {
  it('removes exactly one guard quote, and only before a formula character or a quote', () => {
    expect(unescapeCsvCell("'=SUM(A1:A9)")).toBe('=SUM(A1:A9)');
    expect(unescapeCsvCell("''=x")).toBe("'=x");
    expect(unescapeCsvCell("'''")).toBe("''");
    expect(unescapeCsvCell("'tis")).toBe("'tis");
    expect(unescapeCsvCell("'")).toBe("'");
    expect(unescapeCsvCell('-5')).toBe('-5');
  });
});

describe('escape properties', () => {
  test.prop([anyText])('unescape undoes the formula guard', (s) => {
    const guarded = needsFormulaGuard(s) ? `'${s}` : s;
    expect(unescapeCsvCell(guarded)).toBe(s);
  });

  test.prop([fc.array(anyText, { minLength: 1, maxLength: 4 }), delimiter])('any strings survive escape → parse → unescape', (cells, d) => {
    // A leading and a trailing plain cell, so that no row is blank.
    const line = ['x', ...cells.map((c) => escapeCsvCell(c, d)), 'z'].join(d);
    const parsed = parseRow(line, cells.length + 2, d);
    expect(parsed.slice(1, -1).map(unescapeCsvCell)).toEqual(cells);
  });

  test.prop([anyText, delimiter])('a written cell never starts with = + - @ tab or CR, quoted or not', (s, d) => {
    const cell = escapeCsvCell(s, d);
    expect(dangerous).not.toContain(cell[0]);
    const content = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
    expect(dangerous).not.toContain(content[0]);
  });
});
