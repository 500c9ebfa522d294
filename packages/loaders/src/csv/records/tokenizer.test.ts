import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createCsvTokenizer, ROW_OK, ROW_TEXT_AFTER_QUOTE, ROW_TOO_LONG, ROW_UNCLOSED_QUOTE, type RowProblem } from './tokenizer';

interface Row {
  cells: string[];
  line: number;
  problem: RowProblem;
  problemCell: number;
  raw: string;
}

function tokenize(chunks: readonly string[], delimiter = ',', eol: '\n' | '\r' = '\n', maxRowLength = 1 << 20): Row[] {
  const rows: Row[] = [];
  const tok = createCsvTokenizer({
    delimiter,
    eol,
    maxRowLength,
    onRow: (r) => {
      const cells: string[] = [];
      for (let i = 0; i < r.count; i++) cells.push(r.cell(i));
      rows.push({ cells, line: r.line, problem: r.problem, problemCell: r.problemCell, raw: r.raw() });
    },
  });
  for (const c of chunks) tok.push(c);
  tok.end();
  return rows;
}

const cells = (rows: readonly Row[]): string[][] => rows.map((r) => r.cells);

/**
 * An independent, character-at-a-time reading of the same rules (RFC 4180 quoting; `\n` ends a
 * row and a `\r` before it is dropped; text after a closing quote and a quote that never closes
 * are flagged). Lines are numbered as every icestat reader numbers them: LF, CRLF and a lone CR
 * each end a line. The tokenizer must agree with it on every input, however it is chunked.
 */
function reference(text: string, delim: string): Omit<Row, 'raw'>[] {
  const rows: Omit<Row, 'raw'>[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    line = text.slice(0, i).split(/\r\n|\r|\n/).length;
    const rowLine = line;
    const out: string[] = [];
    let problem: RowProblem = ROW_OK;
    let problemCell = -1;
    for (;;) {
      if (text[i] === '"') {
        i++;
        let v = '';
        let closed = false;
        while (i < n) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              v += '"';
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          if (text[i] === '\n') line++;
          v += text[i++];
        }
        out.push(v);
        if (!closed) {
          problem = ROW_UNCLOSED_QUOTE;
          problemCell = out.length - 1;
          break;
        }
        if (i >= n) break;
        if (text[i] === delim) {
          i++;
          continue;
        }
        if (text[i] === '\n') {
          i++;
          line++;
          break;
        }
        if (text[i] === '\r' && (i + 1 >= n || text[i + 1] === '\n')) {
          i += 2;
          if (i <= n) line++;
          break;
        }
        if (problem === ROW_OK) {
          problem = ROW_TEXT_AFTER_QUOTE;
          problemCell = out.length - 1;
        }
        out.pop();
      }
      const start = i;
      while (i < n && text[i] !== delim && text[i] !== '\n') i++;
      let v = text.slice(start, i);
      if (i < n && text[i] === delim) {
        out.push(v);
        i++;
        continue;
      }
      if (v.endsWith('\r')) v = v.slice(0, -1);
      out.push(v);
      if (i < n) {
        i++;
        line++;
      }
      break;
    }
    rows.push({ cells: out, line: rowLine, problem, problemCell });
  }
  return rows;
}

function chunked(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

describe('createCsvTokenizer', () => {
  it('reads quoted delimiters, quoted line breaks and doubled quotes (RFC 4180)', () => {
    const rows = tokenize(['a,"b,c","say ""hi""","two\nlines"\r\n1,2,3,4\r\n']);
    expect(cells(rows)).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 3]);
  });

  it('gives blank lines as one empty cell, and no row after the last line break', () => {
    expect(cells(tokenize(['a,b\n\n\r\nc,d\n']))).toEqual([['a', 'b'], [''], [''], ['c', 'd']]);
  });

  it('keeps empty trailing cells and reads a last row without a line break', () => {
    expect(cells(tokenize(['a,b,\n,,\nx,y']))).toEqual([
      ['a', 'b', ''],
      ['', '', ''],
      ['x', 'y'],
    ]);
  });

  it('reads files whose lines end with a lone CR', () => {
    const rows = tokenize(['a,b\r"c\rd",e\rf,g'], ',', '\r');
    expect(cells(rows)).toEqual([
      ['a', 'b'],
      ['c\rd', 'e'],
      ['f', 'g'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('keeps a quote inside an unquoted value as written', () => {
    expect(cells(tokenize(['5\'10",ab"c\n']))).toEqual([['5\'10"', 'ab"c']]);
  });

  it('flags text after a closing quote and reads on from the next delimiter', () => {
    const rows = tokenize(['a,"b"x,c\nd,e,f\n']);
    expect(rows[0]).toMatchObject({ problem: ROW_TEXT_AFTER_QUOTE, problemCell: 1, line: 1, raw: 'a,"b"x,c' });
    expect(rows[0]!.cells).toHaveLength(3);
    expect(rows[1]).toMatchObject({ cells: ['d', 'e', 'f'], problem: ROW_OK, line: 2 });
  });

  it('flags a quote that never closes: the rest of the input is that one row', () => {
    const rows = tokenize(['a,b\n1,"open\n2,3\n4,5\n']);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ line: 2, problem: ROW_UNCLOSED_QUOTE, problemCell: 1, cells: ['1', 'open\n2,3\n4,5\n'] });
  });

  it('does not hold a row longer than maxRowLength, and keeps counting lines through it', () => {
    const long = 'x'.repeat(300);
    const text = `a,b\n"${long}\n${long}",1\nc,d\n`;
    const rows = tokenize(chunked(text, [0.1, 0.2, 0.5, 0.9]), ',', '\n', 100);
    expect(rows.map((r) => [r.line, r.problem, r.cells])).toEqual([
      [1, ROW_OK, ['a', 'b']],
      [2, ROW_TOO_LONG, []],
      [4, ROW_OK, ['c', 'd']],
    ]);
    expect(rows[1]!.raw).toHaveLength(501);
  });

  it('reports a row too long to hold whose quote never closes as unclosed', () => {
    const rows = tokenize(['h1,h2\nv,"', 'y'.repeat(500), '\nmore,rows\n'], ',', '\n', 100);
    expect(rows.map((r) => [r.line, r.problem, r.problemCell])).toEqual([
      [1, ROW_OK, -1],
      [2, ROW_UNCLOSED_QUOTE, 1],
    ]);
  });

  it('numbers lines by one rule: a lone CR inside an LF file ends a line (issue #10 item 11)', () => {
    const rows = tokenize(['h1,h2\na\rb,c\nd,e\r\nf,"g\rh"\ni,j\n']);
    expect(cells(rows)).toEqual([
      ['h1', 'h2'],
      ['a\rb', 'c'],
      ['d', 'e'],
      ['f', 'g\rh'],
      ['i', 'j'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5, 7]);
  });

  it('says which lines an unclosed quote swallows and where the quote is, however the text is chunked', () => {
    const text = `h1,h2\nok,1\nbad,x "y" and "z\n${'more,rows\n'.repeat(40)}`;
    for (const [chunks, cap] of [
      [[text], 1 << 20],
      [chunked(text, [0.05, 0.3, 0.31, 0.7]), 1 << 20],
      [chunked(text, [0.2, 0.5]), 50],
    ] as const) {
      const found: unknown[] = [];
      const tok = createCsvTokenizer({
        delimiter: ',',
        eol: '\n',
        maxRowLength: cap,
        onRow: (r) => {
          if (r.problem !== ROW_OK) found.push({ line: r.line, endLine: r.endLine(), quote: r.strayQuote(), problem: r.problem });
        },
      });
      for (const c of chunks) tok.push(c);
      tok.end();
      // Quotes inside an unquoted value (`x "y" and "z`) are text: no row swallows the others.
      expect(found).toEqual([]);
    }
    const stray = `h1,h2\nok,1\nbad,"y\n${'more,rows\n'.repeat(40)}`;
    for (const [chunks, cap] of [
      [[stray], 1 << 20],
      [chunked(stray, [0.05, 0.3, 0.31, 0.7]), 1 << 20],
      [chunked(stray, [0.2, 0.5]), 50],
      [[stray], 50],
    ] as const) {
      const found: unknown[] = [];
      const tok = createCsvTokenizer({
        delimiter: ',',
        eol: '\n',
        maxRowLength: cap,
        onRow: (r) => {
          if (r.problem !== ROW_OK) found.push({ line: r.line, endLine: r.endLine(), quote: r.strayQuote(), problem: r.problem });
        },
      });
      for (const c of chunks) tok.push(c);
      tok.end();
      expect(found).toEqual([{ line: 3, endLine: 43, quote: { line: 3, column: 5 }, problem: ROW_UNCLOSED_QUOTE }]);
    }
  });

  it('says where a row too long to hold starts and ends, and the first quote whose value spans lines', () => {
    const text = `h1,h2\nok,"a\nb",1\n${'x,y\n'.repeat(5)}"\n${'z'.repeat(80)}\n",2\nlast,row\n`;
    for (const chunks of [[text], chunked(text, [0.1, 0.4, 0.45, 0.8])]) {
      const found: unknown[] = [];
      const tok = createCsvTokenizer({
        delimiter: ',',
        eol: '\n',
        maxRowLength: 40,
        onRow: (r) => found.push({ line: r.line, problem: r.problem, ...(r.problem === ROW_OK ? {} : { endLine: r.endLine(), quote: r.strayQuote() }) }),
      });
      for (const c of chunks) tok.push(c);
      tok.end();
      expect(found.slice(-2)).toEqual([
        { line: 9, problem: ROW_TOO_LONG, endLine: 11, quote: { line: 9, column: 1 } },
        { line: 12, problem: ROW_OK },
      ]);
    }
  });

  it('grows past 64 cells', () => {
    const row = Array.from({ length: 200 }, (_, i) => String(i));
    expect(cells(tokenize([`${row.join(',')}\n`]))).toEqual([row]);
  });

  const alphabet = fc.constantFrom('a', 'b', ' ', ',', ';', '"', '""', '\n', '\r\n', '\r', 'é', '“');
  const csvish = fc.array(alphabet, { maxLength: 120 }).map((parts) => parts.join(''));
  const runs = { numRuns: Number(process.env.FC_RUNS ?? 300) };
  const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

  test.prop([csvish, fc.constantFrom(',', ';')], runs)('agrees with a character-at-a-time reference reader', (text, delim) => {
    const rows = tokenize([text], delim).map(({ raw: _raw, ...r }) => r);
    expect(rows).toEqual(reference(text, delim));
  });

  test.prop([csvish, cuts], runs)('gives the same rows however the text is chunked', (text, points) => {
    expect(tokenize(chunked(text, points))).toEqual(tokenize([text]));
  });

  test.prop([csvish, cuts, fc.integer({ min: 1, max: 40 })], runs)(
    'under a row-length cap, gives the same rows however the text is chunked, and drops only longer rows',
    (text, points, cap) => {
      const capped = tokenize(chunked(text, points), ',', '\n', cap);
      expect(capped).toEqual(tokenize([text], ',', '\n', cap));
      const whole = tokenize([text]);
      expect(capped.map((r) => r.line)).toEqual(whole.map((r) => r.line));
      capped.forEach((r, i) => {
        if (r.problem === ROW_TOO_LONG || (r.problem === ROW_UNCLOSED_QUOTE && r.cells.length === 0)) return;
        expect(r).toEqual(whole[i]);
      });
    },
  );
});

describe("a row's bytes", () => {
  /** For each row, its cells read back from `bytes` (doubled quotes unescaped), or null when the tokenizer gave none. */
  function cellsFromBytes(chunks: readonly string[]): (string[] | null)[] {
    const out: (string[] | null)[] = [];
    const tok = createCsvTokenizer({
      delimiter: ',',
      eol: '\n',
      maxRowLength: 1 << 20,
      onRow: (r) => {
        const bytes = r.bytes;
        if (bytes === null) out.push(null);
        else
          out.push(
            Array.from({ length: r.count }, (_, i) => {
              const s = String.fromCharCode(...bytes.subarray(r.starts[i]!, r.ends[i]!));
              return r.escaped[i] === 1 ? s.replaceAll('""', '"') : s;
            }),
          );
      },
    });
    for (const c of chunks) tok.push(c);
    tok.end();
    return out;
  }

  it('are the ASCII text at the same offsets, in one chunk and across chunks', () => {
    expect(cellsFromBytes(['a,"b c"\nCHI,NOL\n'])).toEqual([
      ['a', 'b c'],
      ['CHI', 'NOL'],
    ]);
    expect(cellsFromBytes(['a,b\nCH', 'I,NOL\nx,y\n'])).toEqual([
      ['a', 'b'],
      ['CHI', 'NOL'],
      ['x', 'y'],
    ]);
  });

  it('are null for text that is not all ASCII, so no offset is read into the wrong byte', () => {
    expect(cellsFromBytes(['MÉXICO,x\n'])).toEqual([null]);
    expect(cellsFromBytes(['a,b\n', '“q”,1\n', 'c,d\n'])).toEqual([['a', 'b'], null, ['c', 'd']]);
  });

  test.prop([fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 8 })])(
    'when given, every cell read from them equals the cell read from the text',
    (parts) => {
      const text = `${parts.join('\n')}\n`;
      const fromText = tokenize([text]).map((r) => r.cells);
      cellsFromBytes([text]).forEach((row, i) => {
        if (row !== null) expect(row).toEqual(fromText[i]);
      });
    },
  );
});
