// Any table, any release preset, random damage: every row read is accepted or rejected, records
// are the accepted rows, and the parallel tally equals one thread's.
import { fc, test } from '@fast-check/vitest';
import { IcestatError, type TallyDimension, recordTables, type RecordTableSpec } from '@icestat/core';
import type { RecordFieldKind } from '@icestat/core/internal';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecords } from '../csv/records/read';
import { tallyRecords } from '../csv/records/tally';
import { headerPresets } from './presets';

const cells: Readonly<Record<RecordFieldKind, readonly string[]>> = {
  date: ['2016-10-01', '10/1/2015', '9/30/2016', '2024-06-27 12:50:00+00', '2024-06-27T12:50:00Z', '2017-02-30', '01/01/0001'],
  timestamp: ['2024-06-27 12:50:00', '2024-06-27T12:50:00Z', '2024-06-27', '6/27/2024 12:50 PM', 'soon'],
  time: ['12:50', '09:49:00', '25:00'],
  aor: ['Seattle Area of Responsibility', 'HQ Area of Responsibility', 'SEA', 'St. Paul Area of Responsibility', 'Springfield AOR'],
  state: ['WA', 'WASHINGTON', 'TEXAS', 'Atlantis'],
  criminality: ['1 Convicted Criminal', '2 Pending Criminal Charges', '3 Other Immigration Violator', '9 Unknown'],
  country: ['MEXICO', 'CHINA, PEOPLES REPUBLIC OF', 'MÉXICO', 'KOREA, SOUTH'],
  gender: ['Male', 'Female', 'Unknown', 'X'],
  apprehensionType: ['Targeted', 'Collateral', 'Other'],
  birthYear: ['1985', '1999.0', '1850'],
  boolean: ['YES', 'NO', 'maybe'],
  text: ['ERO Criminal Alien Program', 'NORTHWEST DET. CENTER', 'a "quoted" word', 'line\nbreak', 'pipe|comma,semi;colon'],
};
const common = ['', ' ', 'NA', 'NULL', '(null)', '(B)(6);(B)(7)(C) ', 'b(6), b(7)c', '(b)(7)e)'];

interface Generated {
  readonly text: string;
  readonly delimiter: string;
}

const file: fc.Arbitrary<Generated> = fc
  .record({
    preset: fc.constantFrom(...headerPresets),
    pick: fc.array(fc.nat(), { minLength: 2, maxLength: 8 }),
    delimiter: fc.constantFrom(',', '|', ';'),
    banner: fc.constantFrom(0, 5, 6),
    seed: fc.array(fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), { maxLength: 30 }),
    damage: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), what: fc.constantFrom('"', '\n', ',', '|', '', 'x', '\r') }), {
      maxLength: 4,
    }),
  })
  .map(({ preset, pick, delimiter, banner, seed, damage }) => {
    const spec = recordTables[preset.table] as RecordTableSpec;
    const entries = Object.entries(preset.columns).filter(([, f]) => f !== null) as [string, string][];
    const chosen = [...new Set(pick.map((i) => i % entries.length))].map((i) => entries[i]!);
    const quote = (c: string): string => (/["\r\n,|;]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const lines: string[] = [];
    const width = Math.max(chosen.length, 1);
    const titles = [
      'ERO-LESA Statistical Tracking Unit',
      'For Official Use Only (FOUO)/Pre-decisional',
      '2019-ICFO-53623',
      '',
      'ERO Removals for FY2016',
      'Please review the last tab',
    ];
    for (let i = 0; i < banner; i++) lines.push([quote(titles[i]!), ...Array<string>(width - 1).fill('')].join(delimiter));
    lines.push(chosen.map(([h]) => quote(h)).join(delimiter));
    for (const row of seed) {
      lines.push(
        chosen
          .map(([, field], j) => {
            const pool = [...cells[(spec.fields as Record<string, RecordFieldKind>)[field] ?? 'text'], ...common];
            return quote(pool[row[j % 8]! % pool.length]!);
          })
          .join(delimiter),
      );
    }
    let text = `${lines.join('\n')}\n`;
    for (const d of damage) {
      const at = Math.floor(d.at * text.length);
      text = text.slice(0, at) + d.what + text.slice(d.what === '' ? at + 1 : at);
    }
    return { text, delimiter };
  });

function documented(e: unknown): string {
  if (!IcestatError.isInstance(e)) throw e;
  expect(['parse_error', 'not_determinable']).toContain(e.code);
  return e.code;
}

const dir = mkdtempSync(join(tmpdir(), 'icestat-tables-'));
let n = 0;

describe('any table, any preset, random damage', { timeout: 180_000 }, () => {
  it('a lone CR above the header: workers read the header one thread finds (a counterexample)', async () => {
    const path = join(dir, 'lone-cr.csv');
    writeFileSync(path, `\rApprehension Date,Apprehension Time\n${'2016-10-01,12:50\n'.repeat(3)}`);
    const one = await tallyRecords(path, { by: [], workers: 1 });
    expect(one.report).toMatchObject({ rowsRead: 3, accepted: 3, blankLines: 1, header: { line: 2 } });
    expect(await tallyRecords(path, { by: [], workers: 3, minBytesPerWorker: 1 })).toStrictEqual(one);
  });

  test.prop([file], { numRuns: 150 })('every row read is accepted or rejected; records are the accepted rows', ({ text }) => {
    let out: ReturnType<typeof parseRecords>;
    try {
      out = parseRecords(text, { table: 'auto' });
    } catch (e) {
      documented(e);
      return;
    }
    const { records, report } = out;
    expect(report.accepted + report.rejected).toBe(report.rowsRead);
    expect(records).toHaveLength(report.accepted);
    expect(report.rejections.length + report.rejectionsDropped).toBe(report.rejected);
    for (const r of report.rejections) expect(r.line).toBeGreaterThan(report.header.line);
  });

  test.prop([file, fc.constantFrom<TallyDimension[]>([], ['fiscalYear'], ['aor'], ['criminality', 'month'])], { numRuns: 12 })(
    'the parallel tally equals one thread, report and all',
    async ({ text }, by) => {
      const path = join(dir, `f${n++}.csv`);
      writeFileSync(path, text);
      const run = async (workers: number) => {
        try {
          return await tallyRecords(path, { by, workers, minBytesPerWorker: 1 });
        } catch (e) {
          return { error: documented(e), message: (e as Error).message };
        }
      };
      const one = await run(1);
      expect(await run(3)).toStrictEqual(one);
      if ('report' in one) expect(one.report.accepted + one.report.rejected).toBe(one.report.rowsRead);
    },
  );
});
