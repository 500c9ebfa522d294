import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { escapeCsvCell, unescapeCsvCell } from './escape';
import { readFiguresRows } from './rows';

// Cells as people and spreadsheets write them: delimiters, quotes, every kind of line break.
const cell = fc.string({ unit: fc.constantFrom('a', ' ', ',', ';', '\t', '"', "'", '\n', '\r', '\r\n', '=', 'é', '😀'), maxLength: 8 });

/** Line breaks in `s` by the rule every reader numbers lines by: LF, CRLF and a lone CR. */
function breaks(s: string): number {
  return s.match(/\r\n|\r|\n/g)?.length ?? 0;
}

describe('readFiguresRows (stage 1: rows, by the records tokenizer)', () => {
  test.prop(
    [fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n', '\r')],
    { numRuns: 300 },
  )('gives back every written cell, each row at the physical line it starts on', (table, delimiter, eol) => {
    // A plain first cell in every row, so that none is blank.
    const lines = ['h1', 'h2', 'h3'].join(delimiter);
    const written = table.map((cells) => ['x', ...cells.map((c) => escapeCsvCell(c, delimiter))].join(delimiter));
    const text = [lines, ...written].join(eol) + eol;
    const { header, rows, problems } = readFiguresRows(text, delimiter);
    expect(problems).toEqual([]);
    expect(header).toEqual({ line: 1, cells: ['h1', 'h2', 'h3'] });
    expect(rows.map((r) => r.cells.slice(1).map(unescapeCsvCell))).toEqual(table);
    let offset = lines.length + eol.length;
    rows.forEach((row, i) => {
      expect(row.line).toBe(1 + breaks(text.slice(0, offset)));
      offset += written[i]!.length + eol.length;
    });
  });

  it('skips blank rows above the header and below it, whatever their cell count', () => {
    const { header, rows, problems } = readFiguresRows('\n , \nop,value\n,,,\n"",""\nx,1\n   \n', ',');
    expect(problems).toEqual([]);
    expect(header).toEqual({ line: 3, cells: ['op', 'value'] });
    expect(rows).toEqual([{ line: 6, cells: ['x', '1'] }]);
  });

  it('reports each malformed row at its line and cell, and reads on', () => {
    const { rows, problems } = readFiguresRows('a,b\n1\n"2"x,y\n3,4,5\n6,7\n8,"open\nrest\n', ',');
    expect(rows).toEqual([{ line: 5, cells: ['6', '7'] }]);
    expect(problems.map((p) => [p.line, p.cell, p.code])).toEqual([
      [2, 1, 'column_count'],
      [3, 0, 'text_after_quote'],
      [4, 2, 'column_count'],
      [6, 1, 'unclosed_quote'],
    ]);
  });

  it('a malformed header row ends the reading', () => {
    expect(readFiguresRows('"a,b\n1,2\n', ',')).toEqual({
      header: undefined,
      rows: [],
      problems: [{ line: 1, cell: -1, code: 'bad_header', what: 'the header row has a quote that never closes; expected a header of column names' }],
    });
  });

  it('an empty text has no header', () => {
    expect(readFiguresRows('', ',')).toEqual({ header: undefined, rows: [], problems: [] });
    expect(readFiguresRows('\r\n,,\r\n', ',')).toEqual({ header: undefined, rows: [], problems: [] });
  });
});
