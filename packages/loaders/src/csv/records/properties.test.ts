import { fc, test } from '@fast-check/vitest';
import {
  arrestRecordSchema,
  createTally,
  IcestatError,
  tallyDimensions,
  type ArrestRecord,
  type TallyDimension,
  dimensionField,
  recordTables,
} from '@icestat/core';
import { describe, expect } from 'vitest';
import { blankLineCount, corruptedRecordsFile, expectedRecords, recordsFile, writeRecordsFile } from '../../__fixtures__/records/arbitraries';
import { trickleStream } from '../../__fixtures__/records/sources';
import { parseArrestRecords, readArrestRecords, type RecordSource } from './read';
import type { ReadArrestRecordsOptions } from './options';
import type { LoadReport } from './report';
import { tallyArrestRecords } from './tally';

const runs = Number(process.env.FC_RUNS ?? 200);

// The dimensions an arrests tally has: time, and those the arrests table names.
const arrestDimensions = tallyDimensions.filter((d) => d === 'fiscalYear' || d === 'month' || d === 'day' || d in recordTables.arrests.dimensions);
const dimensions: fc.Arbitrary<TallyDimension[]> = fc.subarray(arrestDimensions, { maxLength: 4 });
const chunkSize = fc.integer({ min: 1, max: 64 });

async function readAll(source: RecordSource, options: ReadArrestRecordsOptions): Promise<{ records: ArrestRecord[]; report: LoadReport }> {
  const reader = readArrestRecords(source, options);
  const records: ArrestRecord[] = [];
  for await (const r of reader) records.push(r);
  return { records, report: reader.report };
}

/** Runs `f`, allowing only the errors reading documents: `parse_error` for a broken header (and `also`). */
async function documented<T>(f: () => Promise<T> | T, also?: string): Promise<T | IcestatError> {
  try {
    return await f();
  } catch (e) {
    expect(IcestatError.isInstance(e) && (e.code === 'parse_error' || e.code === also)).toBe(true);
    return e as IcestatError;
  }
}

function expectConsistent(report: LoadReport, records: readonly ArrestRecord[], maxRejections: number): void {
  expect(report.accepted + report.rejected).toBe(report.rowsRead);
  expect(records).toHaveLength(report.accepted);
  expect(report.rejections).toHaveLength(Math.min(report.rejected, maxRejections));
  expect(report.rejectionsDropped).toBe(report.rejected - report.rejections.length);
  const lines = report.rejections.map((r) => r.line);
  expect(lines).toEqual([...lines].sort((a, b) => a - b));
  for (const line of lines) expect(line).toBeGreaterThan(1);
}

describe('record files, generated', () => {
  test.prop([recordsFile, chunkSize], { numRuns: runs })(
    'a valid file reads as exactly its records, from text and from a Web stream in any chunks',
    async (file, size) => {
      const text = writeRecordsFile(file);
      const options = { name: 'generated.csv' };
      const parsed = parseArrestRecords(text, options);
      expect(parsed.report).toMatchObject({
        rowsRead: file.rows.length,
        accepted: file.rows.length,
        rejected: 0,
        blankLines: blankLineCount(file),
        delimiter: file.delimiter,
      });
      expect(parsed.records).toStrictEqual(expectedRecords(file));
      for (const r of parsed.records) arrestRecordSchema.parse(r);
      const streamed = await readAll(trickleStream(new TextEncoder().encode(text), size), options);
      expect(streamed).toStrictEqual(parsed);
    },
  );

  test.prop([corruptedRecordsFile, chunkSize, fc.integer({ min: 0, max: 5 })], { numRuns: runs * 2 })(
    'a damaged file never throws but documented errors, and every row read is accepted or rejected',
    async ({ text }, size, maxRejections) => {
      const options = { name: 'damaged.csv', maxRejections };
      const parsed = await documented(() => parseArrestRecords(text, options));
      const streamed = await documented(() => readAll(trickleStream(new TextEncoder().encode(text), size), options));
      if (IcestatError.isInstance(parsed) || IcestatError.isInstance(streamed)) {
        expect(streamed).toStrictEqual(parsed);
        return;
      }
      expectConsistent(parsed.report, parsed.records, maxRejections);
      for (const r of parsed.records) arrestRecordSchema.parse(r);
      expect(streamed).toStrictEqual(parsed);
    },
  );

  test.prop([corruptedRecordsFile, dimensions, fc.boolean(), chunkSize], { numRuns: runs * 2 })(
    'the fast tally agrees with tallying every record read: same accepted rows, same rejections, same counts',
    async ({ text }, by, excludeDuplicates, size) => {
      const options = { name: 'damaged.csv', maxRejections: 10_000 };
      const fast = await documented(
        () => tallyArrestRecords(trickleStream(new TextEncoder().encode(text), size), { ...options, by, excludeDuplicates }),
        'not_determinable',
      );
      const slow = await documented(async () => {
        const { records, report } = await readAll({ text }, options);
        const tally = createTally({ by, excludeDuplicates });
        for (const r of records) tally.add(r);
        return { tally: tally.result(), report };
      });
      if (IcestatError.isInstance(slow)) {
        expect(IcestatError.isInstance(fast) && fast.code === 'parse_error').toBe(true);
        return;
      }
      // A dimension no column maps fails at once instead of counting every row as missing.
      const mapped = new Set<string>(slow.report.columns.mapped.map((m) => m.field));
      const lacking = by.filter((d) => !mapped.has(dimensionField(recordTables.arrests, d)));
      const hasHeader = slow.report.columns.mapped.length + slow.report.columns.extra.length > 0;
      if (hasHeader && lacking.length > 0) {
        expect(IcestatError.isInstance(fast) && fast.code === 'not_determinable').toBe(true);
        expect((fast as IcestatError).message).toContain(`"${lacking[0]}"`);
        return;
      }
      if (IcestatError.isInstance(fast)) throw fast;
      // `auto` ranks presets by the fields the request needs: a tally by `by` may name another
      // preset than a read of every field (a header-only file, say). Compare under the tally's.
      let same = slow;
      if (fast.report.preset !== slow.report.preset && fast.report.preset !== undefined) {
        const { records, report } = await readAll({ text }, { ...options, preset: fast.report.preset });
        const tally = createTally({ by, excludeDuplicates });
        for (const r of records) tally.add(r);
        same = { tally: tally.result(), report };
      }
      expect(fast.tally).toStrictEqual(same.tally);
      expect(fast.report).toStrictEqual(same.report);
      expect(fast.tally.seen).toBe(fast.report.accepted);
    },
  );
});
