// Issue #10 item 10: every public entry checks its arguments. A wrong type is an IcestatError
// (`invalid_input`) naming the parameter; a `safe…` function never throws, whatever it is given.
import { fc, test } from '@fast-check/vitest';
import { IcestatError } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import {
  escapeCsvCell,
  needsFormulaGuard,
  unescapeCsvCell,
  loadDataset,
  loadFiguresCsv,
  parseArrestRecords,
  parseDataset,
  parseFiguresCsv,
  readArrestRecords,
  safeLoadDataset,
  safeLoadFiguresCsv,
  safeParseDataset,
  safeParseFiguresCsv,
  stringifyDataset,
  stringifyFiguresCsv,
  tallyArrestRecords,
  writeDataset,
  writeFiguresCsv,
} from '../index';
// The column normalisers are public on the `/csv` entry only.
import {
  isRedactionMarker,
  normaliseAor,
  normaliseApprehensionType,
  normaliseBirthYear,
  normaliseBoolean,
  normaliseCriminality,
  normaliseDate,
  normaliseGender,
  normaliseHeader,
  normaliseState,
  normaliseTime,
  planColumns,
  timeOfDate,
} from '../csv/index';

const wrong: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a Buffer', Buffer.from('{"title":"x"}')],
  ['a Uint8Array', new Uint8Array([123, 125])],
  ['an array', ['a']],
  ['a boolean', true],
  ['a symbol', Symbol('x')],
  ['a function', () => 'x'],
];

/** The error `f` throws (or rejects with), which must be an IcestatError. */
async function error(f: () => unknown): Promise<IcestatError> {
  try {
    await f();
  } catch (e) {
    if (IcestatError.isInstance(e)) return e;
    throw new Error(`expected an IcestatError; got ${String(e)}`, { cause: e });
  }
  throw new Error('expected an error');
}

describe('wrong argument types give invalid_input naming the parameter', () => {
  it.each(wrong)('text of the parsers: %s', async (_, x) => {
    for (const [f, name] of [
      [parseDataset, 'parseDataset'],
      [parseFiguresCsv, 'parseFiguresCsv'],
      [parseArrestRecords, 'parseArrestRecords'],
    ] as const) {
      const e = await error(() => (f as (t: unknown) => unknown)(x));
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(new RegExp(`^${name}: text: expected a string; received `));
    }
  });

  it('says how to pass bytes: decode them first', async () => {
    const e = await error(() => parseDataset(Buffer.from('{}') as unknown as string));
    expect(e.message).toBe(
      'parseDataset: text: expected a string; received a Buffer of 2 bytes (decode bytes first, e.g. new TextDecoder().decode(bytes), or read a file with loadDataset)',
    );
  });

  it.each(wrong.filter(([, x]) => typeof x !== 'function'))('sources of the loaders: %s', async (_, x) => {
    // Bytes are a file's content to the record readers (a workbook, Parquet or CSV, told apart by content).
    const bytes = x instanceof Uint8Array;
    for (const [f, name] of [
      [loadDataset, 'loadDataset'],
      [loadFiguresCsv, 'loadFiguresCsv'],
      ...(bytes
        ? []
        : ([
            [(s: unknown) => readArrestRecords(s as string), 'readArrestRecords'],
            [(s: unknown) => tallyArrestRecords(s as string, { by: [] }), 'tallyArrestRecords'],
          ] as const)),
    ] as const) {
      const e = await error(() => (f as (s: unknown) => unknown)(x));
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(new RegExp(`^${name}: source: expected a path, URL`));
    }
  });

  it('options that are not objects, and option values of the wrong type', async () => {
    const cases: [() => unknown, RegExp][] = [
      [() => parseDataset('{}', 5 as never), /^parseDataset: options: expected an object \(or nothing\); received the number 5$/],
      [() => parseDataset('{}', { name: 7 } as never), /^parseDataset: options\.name: expected a string; received the number 7$/],
      [
        () => parseFiguresCsv('a\n', { delimiter: '|' } as never),
        /^parseFiguresCsv: options\.delimiter: expected one of ",", ";", "\\t"; received the string "\|"$/,
      ],
      [() => stringifyFiguresCsv({ operations: [] } as never, { newline: '\r' } as never), /^stringifyFiguresCsv: options\.newline: expected one of/],
      [() => tallyArrestRecords({ text: 'a\n' }, null as never), /^tallyArrestRecords: options: expected an object \(or nothing\); received null$/],
      [
        () => tallyArrestRecords({ text: 'a\n' }, undefined as never),
        /^tallyArrestRecords: options\.by: expected an array of dimensions \(it may be empty\); received undefined$/,
      ],
      [
        () => tallyArrestRecords({ text: 'a\n' }, { by: 'aor' } as never),
        /^tallyArrestRecords: options\.by: expected an array of dimensions \(it may be empty\); received the string "aor"$/,
      ],
      [
        () => tallyArrestRecords({ text: 'a\n' }, { by: [], excludeDuplicates: 'yes' } as never),
        /^tallyArrestRecords: options\.excludeDuplicates: expected true or false/,
      ],
      [() => readArrestRecords({ text: 'a\n' }, { columns: 'x' } as never), /^columns: expected an object mapping headers to record fields/],
      [() => readArrestRecords({ text: 'a\n' }, { delimiter: 1 } as never), /^delimiter: expected one character/],
      [() => readArrestRecords({ text: 5 } as never), /^readArrestRecords: source\.text: expected a string; received the number 5$/],
      [() => parseArrestRecords('a\n', null as never), /^parseArrestRecords: options: expected an object/],
      [() => stringifyDataset(null as never), /^stringifyDataset: dataset: expected a dataset object; received null$/],
      [() => writeDataset({ operations: [] } as never, 5 as never), /^writeDataset: path: expected a file path or URL; received the number 5$/],
      [() => writeFiguresCsv('x' as never, 'out.csv'), /^writeFiguresCsv: dataset: expected a dataset object/],
    ];
    for (const [f, message] of cases) {
      const e = await error(f);
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(message);
    }
  });
});

describe('the helpers check their text too', () => {
  it.each(wrong)('%s', async (_, x) => {
    const helpers: [string, (v: unknown) => unknown][] = [
      ['normaliseCriminality', normaliseCriminality as never],
      ['normaliseAor', normaliseAor as never],
      ['normaliseState', normaliseState as never],
      ['normaliseGender', normaliseGender as never],
      ['normaliseApprehensionType', normaliseApprehensionType as never],
      ['normaliseBoolean', normaliseBoolean as never],
      ['normaliseDate', normaliseDate as never],
      ['timeOfDate', timeOfDate as never],
      ['normaliseTime', normaliseTime as never],
      ['normaliseBirthYear', normaliseBirthYear as never],
      ['isRedactionMarker', isRedactionMarker as never],
      ['normaliseHeader', normaliseHeader as never],
      ['needsFormulaGuard', needsFormulaGuard as never],
      ['escapeCsvCell', escapeCsvCell as never],
      ['unescapeCsvCell', unescapeCsvCell as never],
    ];
    for (const [name, f] of helpers) {
      const e = await error(() => f(x));
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(new RegExp(`^${name}: (text|header|value|cell): expected a string; received `));
    }
    if (!Array.isArray(x)) expect((await error(() => planColumns(x as never))).message).toMatch(/^planColumns: header: expected an array of header cells/);
  });
});

describe('safe… functions never throw, whatever they are given', () => {
  const anyInput = fc.oneof(
    fc.anything(),
    fc.uint8Array().map((b) => Buffer.from(b)),
    fc.uint8Array(),
    fc.constantFrom(null, undefined, 0, NaN, Symbol('s'), () => 1),
  );
  test.prop([anyInput, anyInput])('safeParseDataset and safeParseFiguresCsv return a result', (text, options) => {
    for (const f of [safeParseDataset, safeParseFiguresCsv]) {
      const r = (f as (t: unknown, o: unknown) => { success: boolean; error?: unknown })(text, options);
      expect(typeof r.success).toBe('boolean');
      if (!r.success) expect(IcestatError.isInstance(r.error)).toBe(true);
    }
  });

  test.prop([anyInput.filter((x) => typeof x !== 'string' && !(x instanceof URL)), anyInput])(
    'safeLoadDataset and safeLoadFiguresCsv resolve to a failure for a source of the wrong type',
    async (source, options) => {
      for (const f of [safeLoadDataset, safeLoadFiguresCsv]) {
        const r = await (f as (s: unknown, o: unknown) => Promise<{ success: boolean; error?: IcestatError }>)(source, options);
        if (typeof source === 'object' && source !== null && (typeof (source as ReadableStream).getReader === 'function' || Symbol.asyncIterator in source))
          continue;
        expect(r.success).toBe(false);
        expect(r.error?.code).toBe('invalid_input');
      }
    },
  );

  it('safeParseDataset(buffer): the reproducer, a failure naming the parameter', () => {
    const r = safeParseDataset(Buffer.from('{"title":"x"}') as unknown as string);
    expect(r.success).toBe(false);
    expect(!r.success && r.error.message).toMatch(/^safeParseDataset: text: expected a string; received a Buffer of 13 bytes/);
  });
});
