import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { recordDate } from '../../tables/values';
import { dateCellSlot, dateFastPathAllowed, dayText } from './date-cells';

/** The day a date cell read in place gives, or undefined: what the row reader takes from it. */
function dateCellAt(text: string, start: number, end: number): string | undefined {
  const slot = dateCellSlot(text, start, end);
  return slot < 0 ? undefined : dayText(slot);
}
import { normaliseDate } from './normalise';
import { parseArrestRecords } from './read';

const runs = Number(process.env.FC_RUNS ?? 2000);

/** What the general path gives a cell the fast path may answer for: a day, or nothing to say. */
function expected(cell: string): string | undefined {
  if (cell !== cell.trim()) return undefined;
  const d = normaliseDate(cell);
  return typeof d === 'string' ? d : undefined;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Date-shaped cells, valid or nearly: every shape releases write, with out-of-range parts, odd times and white space. */
const dateLike: fc.Arbitrary<string> = fc
  .record({
    iso: fc.boolean(),
    y: fc.oneof(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 0, max: 10_500 })),
    m: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    padParts: fc.boolean(),
    time: fc.option(
      fc.record({
        sep: fc.constantFrom(' ', 'T', 't', '  ', '_'),
        h: fc.integer({ min: 0, max: 25 }),
        m: fc.integer({ min: 0, max: 61 }),
        s: fc.option(fc.integer({ min: 0, max: 61 })),
        fraction: fc.constantFrom('', '.', '.0', '.123'),
        amPm: fc.constantFrom('', ' AM', ' PM', 'am', 'pm', ' P', ' XM'),
        offset: fc.constantFrom('', '+00', 'Z', '-05:00'),
        padHour: fc.boolean(),
      }),
    ),
    before: fc.constantFrom('', ' ', '\t', '0'),
    after: fc.constantFrom('', ' ', '\u00a0', '0', '/'),
  })
  .map(({ iso, y, m, d, padParts, time, before, after }) => {
    const day = iso ? `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` : `${padParts ? pad(m, 2) : m}/${padParts ? pad(d, 2) : d}/${pad(y, 4)}`;
    const t =
      time === null
        ? ''
        : `${time.sep}${time.padHour ? pad(time.h, 2) : time.h}:${pad(time.m, 2)}${time.s === null ? '' : `:${pad(time.s, 2)}${time.fraction}`}${time.amPm}${time.offset}`;
    return `${before}${day}${t}${after}`;
  });

/** Any text from the characters dates are written with. */
const dateChars = fc.string({ unit: fc.constantFrom(...'0123456789/-:.TAPMapm +Z'.split('')), maxLength: 28 });

/** A cell inside a row: the fast path must look only between its bounds. */
const context = fc.tuple(fc.string({ unit: fc.constantFrom(...'0123456789/-: ,"'.split('')), maxLength: 4 }), fc.string({ maxLength: 4 }));

describe('dateCellSlot', () => {
  it.each([
    ['2015-10-26', '2015-10-26'],
    ['2015-10-26 00:00:00', '2015-10-26'],
    ['2023-05-11T09:49', '2023-05-11'],
    ['2023-05-11 09:49:00.000', '2023-05-11'],
    ['10/1/2015', '2015-10-01'],
    ['6/1/2016', '2016-06-01'],
    ['02/29/2016', '2016-02-29'],
    ['10/26/2015 9:49 PM', '2015-10-26'],
    ['10/26/2015 21:49', '2015-10-26'],
  ])('reads %j as %j, as the general path does', (cell, day) => {
    expect(dateCellAt(cell, 0, cell.length)).toBe(day);
    expect(recordDate(cell)).toBe(day);
  });

  it.each([
    '01/01/0001', // ICE's missing-date sentinel: the general path calls it missing
    '0001-01-01',
    '2/29/2015', // no such day
    '2015-02-30',
    '10/26/0215', // a typo for a year
    '2024-06-27 12:50:00+00', // an offset: the general path strips it
    ' 10/1/2015', // white space: the general path trims it
    '10/1/2015 ',
    '(b)(6)',
    'NA',
    '',
    '10/26/2015 13:00 PM',
    '2015-10-26 24:00',
  ])('leaves %j to the general path', (cell) => {
    expect(dateCellAt(cell, 0, cell.length)).toBeUndefined();
  });

  it('reads a cell where it lies, looking at nothing past its bounds', () => {
    expect(dateCellAt('AZ,10/1/2015,CHI', 3, 12)).toBe('2015-10-01');
    expect(dateCellAt('1/1/20151', 0, 8)).toBe('2015-01-01'); // not the year 20151
    expect(dateCellAt('1/1/20151', 0, 7)).toBeUndefined(); // '1/1/201' would need the next character
    expect(dateCellAt('2015-10-26 09:49:00', 0, 16)).toBe('2015-10-26'); // '…09:49' is a time too
    expect(dateCellAt('2015-10-26 09:49:00', 0, 15)).toBeUndefined(); // '…09:4' is not
  });

  test.prop([fc.oneof(dateLike, dateChars), context], { numRuns: runs })(
    'answers exactly for the cells the general path reads as a day, with the same day, and leaves every other cell to it',
    (cell, [before, after]) => {
      const text = `${before}${cell}${after}`;
      const fast = dateCellAt(text, before.length, before.length + cell.length);
      expect(fast).toBe(expected(cell));
      if (fast !== undefined) expect(recordDate(cell)).toBe(fast);
    },
  );

  test.prop([fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(2999, 11, 31)), noInvalidDate: true }), fc.boolean()], { numRuns: runs })(
    'reads every day of years 1000–2999, in both shapes',
    (date, iso) => {
      const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      const day = `${y}-${pad(m, 2)}-${pad(d, 2)}`;
      const cell = iso ? day : `${m}/${d}/${y}`;
      expect(dateCellAt(cell, 0, cell.length)).toBe(day);
    },
  );
});

describe('dateFastPathAllowed', () => {
  it('allows the fast path unless a missing-value marker could be a date', () => {
    expect(dateFastPathAllowed(undefined)).toBe(true);
    expect(dateFastPathAllowed(['NA', 'NULL', '-'])).toBe(true);
    expect(dateFastPathAllowed([' 1900-01-01'])).toBe(false);
  });

  it('keeps a date-shaped missing-value marker missing in a read', () => {
    const text = 'apprehension_date,apprehension_aor\n1900-01-01,NOL\n2017-09-25,CHI\n';
    const { records, report } = parseArrestRecords(text, { missingValues: ['1900-01-01'] });
    expect(report.accepted).toBe(2);
    expect(records.map((r) => r.apprehensionDate)).toEqual([null, '2017-09-25']);
  });
});
