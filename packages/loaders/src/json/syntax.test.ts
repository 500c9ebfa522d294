import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { lineColumn, lineLocator, parseJsonSafely, scanJson } from './syntax';

describe('scanJson', () => {
  it.each([
    ['{"a": }', 6, 'expected a value; got "}"'],
    ['{"a":1,}', 7, 'expected a property name in double quotes after ","; got "}" (JSON allows no comma before "}")'],
    ['{"a" 1}', 5, 'expected ":" after the property name "a"; got "1"'],
    ['[1,2', 4, 'expected "," or "]" after an array item; got the end of the text'],
    ['[1,]', 3, 'expected a value after ","; got "]" (JSON allows no comma before "]")'],
    ['{"a":"x', 5, 'a string is not closed: the text ends before its closing "'],
    ['tru', 0, 'expected a value; got "tru"'],
    ['{"a":1}x', 7, 'expected the end of the text after the JSON value; got "x"'],
    ['"a\\qb"', 2, 'invalid escape "\\\\q" in a string; expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX'],
    ['{"a":"b\nc"}', 7, 'a control character (U+000A) inside a string; write a line break as \\n'],
    ['', 0, 'expected a value; got the end of the text'],
    ["{'a': 1}", 1, 'expected a property name in double quotes or "}"; got "\'"'],
    ["['a']", 1, 'expected a value; got "\'" (JSON strings take double quotes)'],
    ['[01]', 1, 'invalid number "01"; expected digits such as 12, -3.5 or 1e6'],
    ['[-]', 1, 'invalid number "-"; expected digits such as 12, -3.5 or 1e6'],
    ['{"title": "A" "publisher": 1}', 14, 'expected "," or "}" after the value of "title"; got "publisher"'],
  ])('locates the error in %j', (text, offset, what) => {
    expect(scanJson(text).syntax).toEqual({ offset, what });
  });

  it('finds no error in valid JSON, and agrees with JSON.parse', () => {
    for (const text of ['{}', '[]', '0', '-0.5e-3', '"\\u00e9"', 'null', ' {"a": [1, {"b": true}], "c": null} ']) {
      expect(scanJson(text).syntax).toBeUndefined();
    }
  });

  test.prop([fc.json()])('accepts whatever JSON.stringify writes', (text) => {
    expect(scanJson(text).syntax).toBeUndefined();
  });

  test.prop([fc.string({ maxLength: 12 })])('reports an error exactly when JSON.parse throws', (text) => {
    let throws = false;
    try {
      JSON.parse(text);
    } catch {
      throws = true;
    }
    expect(scanJson(text).syntax !== undefined).toBe(throws);
  });

  it('records duplicate and __proto__ keys with their paths', () => {
    const scan = scanJson('{"a": 1, "b": [{"__proto__": {}}], "a": 2}');
    expect(scan.duplicateKeys).toEqual([{ path: ['a'], offset: 35, firstOffset: 1 }]);
    expect(scan.protoKeys).toEqual([{ path: ['b', 0, '__proto__'], offset: 16 }]);
  });

  it('records where each value starts, by path', () => {
    const offsets = scanJson('{"a": [10, {"b": "x"}]}', { offsets: true }).offsets;
    expect(offsets?.get('(root)')).toBe(0);
    expect(offsets?.get('a[1].b')).toBe(17);
  });
});

describe('lineColumn', () => {
  it('counts LF, CRLF and CR as one line break each, and columns in code points', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('a\rb\rc', 4)).toEqual({ line: 3, column: 1 });
    expect(lineColumn('“😀”x', 4)).toEqual({ line: 1, column: 4 });
  });
});

describe('parseJsonSafely', () => {
  it('rejects duplicate and __proto__ keys that JSON.parse lets through', () => {
    expect(parseJsonSafely('{"a":1,"a":2}')).toEqual({ ok: false, offset: 7, what: 'duplicate key "a" (its first value would be lost)', path: ['a'] });
    expect(parseJsonSafely('{"__proto__":{"x":1}}')).toMatchObject({ ok: false, offset: 1, path: ['__proto__'] });
    expect(parseJsonSafely('{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } });
  });
});

describe('lineLocator', () => {
  /** The naive reading: walk every character up to the offset. */
  function naive(text: string, offset: number): { line: number; column: number } {
    const end = Math.max(0, Math.min(offset, text.length));
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < end; i++) {
      const c = text[i];
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
        line++;
        lineStart = i + 1;
      }
    }
    let column = 1;
    for (let i = lineStart; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
      column++;
    }
    return { line, column };
  }
  const texty = fc
    .array(fc.oneof(fc.constantFrom('\n', '\r', '\r\n', '😀', 'é', 'a', '“'), fc.string({ maxLength: 3 })), { maxLength: 30 })
    .map((p) => p.join(''));
  test.prop([texty, fc.array(fc.integer({ min: -2, max: 200 }), { maxLength: 20 })])('places every offset as walking the text does', (text, offsets) => {
    const at = lineLocator(text);
    for (const o of offsets) expect(at(o)).toEqual(naive(text, o));
  });

  it('locates 300,000 offsets in a 300,000-character line in one pass (issue #10 item 7)', () => {
    const text = `[${'0,'.repeat(150_000)}0]`;
    const at = lineLocator(text);
    let last = { line: 0, column: 0 };
    for (let o = 0; o < text.length; o++) last = at(o);
    expect(last).toEqual({ line: 1, column: text.length });
  });
});
