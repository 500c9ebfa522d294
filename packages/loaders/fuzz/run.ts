// The fuzz engine: makes seeded, mutated record files, reads each every way the library offers,
// and checks every reading against the reference reader and the invariants.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { IcestatError, tallyDimensions, type ArrestRecord, type TallyDimension, type TallyResult, recordTables } from '@icestat/core';
import { parseArrestRecords, readArrestRecords, tallyArrestRecords, type LoadReport, type ReadArrestRecordsOptions, type RecordSource } from '../src/csv/index';
import { mutations, prng, realBanners, realHeads, recordFile, type Random } from './mutate';
import { referenceRead, referenceTally, type ReferenceResult } from './reference';

export interface FuzzOptions {
  readonly seed: number;
  /** Stop after this many files… */
  readonly files: number;
  /** …or this many milliseconds, whichever comes first. */
  readonly timeMs: number;
  /** Read with worker threads every `workersEvery` files (workers take a while to start). */
  readonly workersEvery: number;
  /** The real releases' folder (banners, first rows), if there. */
  readonly realDir?: string;
  /** Called after each file. */
  readonly onFile?: (i: number, mutationsApplied: readonly string[]) => void;
}

export interface Violation {
  readonly file: number;
  readonly way: string;
  readonly what: string;
  readonly mutations: readonly string[];
  /** Where the file was kept for reproducing, if it was. */
  readonly path?: string;
  readonly detail?: string;
}

export interface FuzzSummary {
  readonly files: number;
  readonly readings: number;
  readonly violations: Violation[];
  /** How often each mutation was applied. */
  readonly mutationCounts: Record<string, number>;
  readonly ms: number;
}

/** What a reading gives, reduced to what must agree across ways and with the reference. */
type Reduced = Pick<LoadReport, 'rowsRead' | 'accepted' | 'rejected' | 'blankLines' | 'delimiter'> & { rejections: unknown[] };
interface Seen {
  error?: string;
  records?: ArrestRecord[];
  report?: Reduced;
}

function reduceReport(report: LoadReport, withRaw: boolean): Reduced {
  return {
    rowsRead: report.rowsRead,
    accepted: report.accepted,
    rejected: report.rejected,
    blankLines: report.blankLines,
    delimiter: report.delimiter,
    rejections: report.rejections.map((r) => ({
      line: r.line,
      code: r.code,
      ...(r.column === undefined ? {} : { column: r.column }),
      ...(withRaw ? { raw: r.raw } : {}),
      ...(r.endLine === undefined ? {} : { endLine: r.endLine }),
      ...(r.quote === undefined ? {} : { quote: r.quote }),
    })),
  };
}

function referenceReport(ref: ReferenceResult, withRaw: boolean): Reduced {
  return {
    rowsRead: ref.rowsRead,
    accepted: ref.accepted,
    rejected: ref.rejected,
    blankLines: ref.blankLines,
    delimiter: ref.delimiter,
    rejections: ref.rejections.map((r) => ({
      line: r.line,
      code: r.code,
      ...(r.column === undefined ? {} : { column: r.column }),
      ...(withRaw ? { raw: r.raw } : {}),
      ...(r.endLine === undefined ? {} : { endLine: r.endLine }),
      ...(r.quote === undefined ? {} : { quote: r.quote }),
    })),
  };
}

async function caught<T>(f: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await f();
  } catch (e) {
    if (IcestatError.isInstance(e)) return { error: e.code };
    return { error: `THREW ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` };
  }
}

function webStream(bytes: Uint8Array, r: Random): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else {
        const size = 1 + Math.floor(r() * 9);
        controller.enqueue(bytes.slice(at, at + size));
        at += size;
      }
    },
  });
}

async function records(source: RecordSource, options: ReadArrestRecordsOptions): Promise<Seen> {
  const reader = readArrestRecords(source, options);
  const out: ArrestRecord[] = [];
  const r = await caught(async () => {
    for await (const rec of reader) out.push(rec);
    return true;
  });
  if (typeof r === 'object') return { error: r.error };
  return { records: out, report: reduceReport(reader.report, true) };
}

/**
 * Runs the fuzz: files until `files` or `timeMs`.
 *
 * @param options - Seed, budget, and where the real releases are.
 * @returns What was tried and every invariant violation found.
 * @example
 * const { violations } = await runFuzz({ seed: 1, files: 50, timeMs: 60_000, workersEvery: 10 });
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const started = Date.now();
  const r = prng(options.seed);
  const banners = options.realDir ? await realBanners(options.realDir) : [];
  const heads = options.realDir ? await realHeads(options.realDir, 40) : [];
  const table = mutations(banners);
  const names = Object.keys(table);
  const mutationCounts: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const violations: Violation[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'icestat-fuzz-'));
  let readings = 0;
  let i = 0;
  try {
    for (; i < options.files && Date.now() - started < options.timeMs; i++) {
      // ---- the file
      let text = heads.length > 0 && r() < 0.1 ? heads[Math.floor(r() * heads.length)]! : recordFile(r);
      const applied: string[] = [];
      const count = Math.floor(r() * 4);
      for (let k = 0; k < count; k++) {
        const name = names[Math.floor(r() * names.length)]!;
        text = table[name]!(r, text);
        applied.push(name);
        mutationCounts[name]!++;
      }
      text = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?'); // files are UTF-8
      const maxRowLength = r() < 0.3 ? 32 + Math.floor(r() * 2000) : 1 << 20;
      const delimiter = r() < 0.1 ? [',', ';', '|', '\t'][Math.floor(r() * 4)] : undefined;
      const read: ReadArrestRecordsOptions = { maxRowLength, maxRejections: Infinity, ...(delimiter === undefined ? {} : { delimiter }) };
      const by = [...tallyDimensions].filter(
        (d) => (d === 'fiscalYear' || d === 'month' || d === 'day' || d in recordTables.arrests.dimensions) && r() < 0.25,
      ) as TallyDimension[];
      const excludeDuplicates = r() < 0.3;
      const path = join(dir, `f${i}.csv`);
      const bytes = new TextEncoder().encode(text);
      writeFileSync(path, bytes);

      const fail = (way: string, what: string, detail?: unknown): void => {
        const keep = join(dir, `..`, `icestat-fuzz-failure-${options.seed}-${i}.csv`);
        writeFileSync(keep, bytes);
        violations.push({
          file: i,
          way,
          what,
          mutations: applied,
          path: keep,
          ...(detail === undefined ? {} : { detail: JSON.stringify(detail).slice(0, 2000) }),
        });
      };

      // ---- the reference
      const ref = referenceRead(text, { maxRowLength, ...(delimiter === undefined ? {} : { delimiter }) });
      const expected: Seen = ref.error ? { error: ref.error } : { records: ref.records, report: referenceReport(ref, true) };
      const expectedTally = referenceTally(ref, by, excludeDuplicates);

      // ---- every way of reading records
      const ways: [string, () => Promise<Seen>][] = [
        [
          'parseArrestRecords',
          async () => {
            const p = await caught(async () => parseArrestRecords(text, read));
            return 'error' in p ? { error: p.error } : { records: p.records, report: reduceReport(p.report, true) };
          },
        ],
        ['readArrestRecords({ text })', () => records({ text }, read)],
        ['readArrestRecords(path)', () => records(path, read)],
        ['readArrestRecords(Node stream, tiny chunks)', () => records(createReadStream(path, { highWaterMark: 1 + Math.floor(r() * 16) }), read)],
        ['readArrestRecords(Web stream, tiny chunks)', () => records(webStream(bytes, r), read)],
      ];
      for (const [way, f] of ways) {
        readings++;
        const seen = await f();
        if (seen.error?.startsWith('THREW')) fail(way, 'threw something that is not an IcestatError', seen.error);
        else if (seen.report && seen.report.accepted + seen.report.rejected !== seen.report.rowsRead) fail(way, 'accepted + rejected ≠ rows read', seen.report);
        else if (!isDeepStrictEqual(seen.error, expected.error)) fail(way, 'error differs from the reference', { seen: seen.error, expected: expected.error });
        else if (!isDeepStrictEqual(seen.report, expected.report))
          fail(way, 'report differs from the reference', { seen: seen.report, expected: expected.report });
        else if (!isDeepStrictEqual(seen.records, expected.records))
          fail(way, 'records differ from the reference', { seen: seen.records?.slice(0, 5), expected: expected.records?.slice(0, 5) });
      }

      // ---- stopping at the first bad row: the error is the reference's first rejection
      readings++;
      {
        const way = "readArrestRecords(path, onRejection: 'throw')";
        const reader = readArrestRecords(path, { ...read, onRejection: 'throw' });
        let thrown: unknown;
        let count = 0;
        try {
          for await (const _ of reader) count++;
        } catch (e) {
          thrown = e;
        }
        const first = ref.rejections[0];
        if (ref.error) {
          if (!IcestatError.isInstance(thrown) || thrown.code !== ref.error)
            fail(way, 'error differs from the reference', { seen: String(thrown), expected: ref.error });
        } else if (first === undefined) {
          if (thrown !== undefined) fail(way, 'threw on a file the reference reads without rejections', String(thrown));
          else if (count !== ref.accepted) fail(way, 'records differ from the reference', { seen: count, expected: ref.accepted });
        } else if (
          !IcestatError.isInstance(thrown) ||
          thrown.code !== 'parse_error' ||
          thrown.issues[0]?.line !== first.line ||
          thrown.issues[0]?.code !== first.code
        ) {
          fail(way, 'did not stop at the first rejection', { seen: IcestatError.isInstance(thrown) ? thrown.issues[0] : String(thrown), expected: first });
        }
      }

      // ---- every way of tallying
      const tallyWays: [string, () => Promise<unknown>][] = [
        ['tallyArrestRecords(path, one thread)', () => tallyArrestRecords(path, { ...read, by, excludeDuplicates, workers: 1 })],
        ['tallyArrestRecords({ text })', () => tallyArrestRecords({ text }, { ...read, by, excludeDuplicates })],
        ['tallyArrestRecords(Web stream, tiny chunks)', () => tallyArrestRecords(webStream(bytes, r), { ...read, by, excludeDuplicates })],
      ];
      if (options.workersEvery > 0 && i % options.workersEvery === 0) {
        const workers = 2 + Math.floor(r() * 3);
        tallyWays.push([
          `tallyArrestRecords(path, ${workers} workers)`,
          () => tallyArrestRecords(path, { ...read, by, excludeDuplicates, workers, minBytesPerWorker: 1 }),
        ]);
      }
      for (const [way, f] of tallyWays) {
        readings++;
        const got = (await caught(f as () => Promise<{ tally: TallyResult; report: LoadReport }>)) as
          | { tally: TallyResult; report: LoadReport }
          | { error: string };
        if ('error' in got) {
          if (got.error.startsWith('THREW')) fail(way, 'threw something that is not an IcestatError', got.error);
          else if (!('error' in expectedTally) || expectedTally.error !== got.error)
            fail(way, 'tally error differs from the reference', { seen: got.error, expected: expectedTally });
          continue;
        }
        if ('error' in expectedTally) {
          fail(way, 'tally succeeded where the reference expects an error', { expected: expectedTally.error });
          continue;
        }
        if (got.tally.seen !== got.report.accepted) fail(way, 'tally.seen ≠ report.accepted', { seen: got.tally.seen, accepted: got.report.accepted });
        else if (got.report.accepted + got.report.rejected !== got.report.rowsRead) fail(way, 'accepted + rejected ≠ rows read', got.report);
        else if (!isDeepStrictEqual(got.tally, expectedTally)) fail(way, 'tally differs from the reference', { seen: got.tally, expected: expectedTally });
        else if (!isDeepStrictEqual(reduceReport(got.report, false), referenceReport(ref, false))) {
          fail(way, 'tally report differs from the reference', { seen: reduceReport(got.report, false), expected: referenceReport(ref, false) });
        }
      }
      options.onFile?.(i, applied);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { files: i, readings, violations, mutationCounts, ms: Date.now() - started };
}
