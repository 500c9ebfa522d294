import { createTally, type TallyDimension } from '@icestat/core';
import { unescapeCsvCell } from '@icestat/loaders/csv';
import { test as prop, fc } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { alignColumns, tallyCsv, tallyTable } from './output';

function tallyOf(by: TallyDimension[], groups: string[][]) {
  const t = createTally({ by });
  for (const g of groups) t.addGroup(g);
  return t.result();
}

describe('tallyCsv', () => {
  it('writes snake_case dimension columns, then count', () => {
    const t = tallyOf(
      ['fiscalYear', 'aor'],
      [
        ['FY2016', 'SEA'],
        ['FY2016', 'SEA'],
        ['FY2017', '(missing)'],
      ],
    );
    expect(tallyCsv(t)).toBe('fiscal_year,aor,count\nFY2016,SEA,2\nFY2017,(missing),1\n');
  });

  prop.prop([fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })), { maxLength: 30 })])(
    'parses back to the same groups and counts for any values (quotes, commas, line breaks, formulas)',
    (groups) => {
      const t = tallyOf(
        ['citizenship', 'gender'],
        groups.map(([a, b]) => [a, b]),
      );
      const rows = parse(tallyCsv(t), { columns: true }) as Record<string, string>[];
      expect(rows.map((r) => [unescapeCsvCell(r.citizenship!), unescapeCsvCell(r.gender!), Number(r.count)])).toEqual(
        t.rows.map((r) => [r.citizenship, r.gender, r.count]),
      );
      // No cell a spreadsheet would run as a formula.
      expect(rows.every((r) => Object.values(r).every((c) => !/^[=+\-@\t\r]/.test(c)))).toBe(true);
    },
  );
});

describe('tallyTable', () => {
  it('aligns the columns, separates thousands and gives each group’s share of the total', () => {
    const t = tallyOf(['criminality'], [...Array(1500).fill(['convicted']), ...Array(500).fill(['pending-charges'])]);
    expect(tallyTable(t)).toBe(
      [
        'criminality      count   share',
        '──────────────────────────────',
        'convicted        1,500   75.0%',
        'pending-charges    500   25.0%',
        '──────────────────────────────',
        'total            2,000  100.0%',
        '',
      ].join('\n'),
    );
  });

  it('gives an empty tally a zero total and no shares', () => {
    expect(tallyTable(tallyOf(['aor'], []))).toContain('total      0');
  });

  prop.prop([fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), fc.nat().map(String)), { minLength: 1, maxLength: 10 })])(
    'alignColumns starts each column at the same place on every line, and right-aligns the counts',
    (rows) => {
      const lines = alignColumns(rows, new Set([2])).map((l) => [...l]);
      const w0 = Math.max(...rows.map((r) => [...r[0]].length));
      const w1 = Math.max(...rows.map((r) => [...r[1]].length));
      lines.forEach((line, k) => {
        expect(line.slice(0, [...rows[k]![0]].length).join('')).toBe(rows[k]![0]);
        expect(line.slice(w0 + 2, w0 + 2 + [...rows[k]![1]].length).join('')).toBe(rows[k]![1]);
        expect(line.join('').endsWith(rows[k]![2])).toBe(true);
      });
      expect(new Set(lines.map((l) => l.length)).size).toBe(1);
      expect(lines[0]!.length).toBe(w0 + 2 + w1 + 2 + Math.max(...rows.map((r) => r[2].length)));
    },
  );
});

describe('tallyTable without dimensions', () => {
  it('shows the total alone', () => {
    expect(tallyTable(tallyOf([], [[], [], []]))).toBe('       count\ntotal      3\n');
  });
});
