// Worker threads over byte ranges of one file. Each range is tokenised and tallied on its own
// core; core's `merge` joins the tallies (it is commutative and associative), and the reports are
// joined with their line numbers shifted. A range is cut just after a line feed, which is a row
// boundary unless it lies inside a quoted value; the range before it then ends inside a quote,
// and the whole file is read again on one thread. Node only: everything Node is imported lazily,
// so browser bundles never load it.
import type { IcestatErrorCode, IcestatIssue } from '@icestat/core';
import { IcestatError } from '@icestat/core/internal';
import { detectFormat } from '../../formats/detect';
import { decodeChunks } from '../../shared/input';
import { countLineBreaks, findHeader } from './dialect';
import type { ResolvedReadOptions } from './options';
import { createRowReader, type TallyNeeds } from './row-reader';
import type { RecordSource } from './read';
import { sumReports, swallowedRowReason, type LoadReport, type Rejection } from './report';
import { tallyText, type TextTally, type TextTallyPlan } from './tally-text';

/** What a worker is given: the file, its byte range, and the plan (with the header to read first). */
export interface RangeJob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly plan: TextTallyPlan;
}

const MIB = 1 << 20;
/**
 * The extra bytes this thread's range gets: a worker starts later (its thread and modules, ~45 ms)
 * and reads its first megabytes slower (its code not yet optimised). Measured on 1M arrest rows,
 * two threads: with 10 MB both finish within ~15 ms of each other; with 5, 2 or 0 MB the worker
 * finishes up to 70 ms after this thread.
 */
const STARTUP_BYTES = 10 * MIB;
/**
 * Bytes read at a time: 256 KiB, as for a whole file (`#node-files`), handed on as text in
 * 32 KiB pieces (`TEXT_PIECE` in shared/input.ts, which has the measurements: fewer, larger reads
 * are faster, while text chunks above V8's large-object size made peak memory grow with the file).
 */
export const READ_CHUNK = 256 * 1024;

function localPath(source: RecordSource): string | undefined {
  if (typeof source === 'string') return source;
  if (source instanceof URL && source.protocol === 'file:') return decodeURIComponent(source.pathname);
  return undefined;
}

/**
 * Tallies one byte range of a file (in a worker, or on this thread for the first range).
 *
 * @param job - The file, the range `[start, end)` and the plan.
 * @returns The range's tally and report, with line feeds counted for renumbering.
 * @example
 * const part = await tallyRange({ path: 'arrests.csv', start: 0, end: 1 << 24, plan });
 */
export async function tallyRange(job: RangeJob): Promise<TextTally> {
  const { createReadStream } = await import('node:fs');
  const stream = createReadStream(job.path, { start: job.start, end: job.end - 1, highWaterMark: READ_CHUNK });
  // Only the file's first byte can start a byte-order mark; a U+FEFF that starts a later range is text.
  return tallyText(decodeChunks(stream, { name: job.plan.file }, job.start === 0), job.plan);
}

/** A worker thread started before its job is known; {@link run} hands it the job. */
interface StartedWorker {
  terminate(): Promise<number>;
  run(job: RangeJob): Promise<TextTally>;
}

/**
 * Starts a tally worker thread with no job yet. Starting one takes a while (a new V8 isolate that
 * loads the module), so it starts before the file's header is searched and its cuts are chosen.
 */
async function startWorker(): Promise<StartedWorker> {
  const { Worker } = await import('node:worker_threads');
  const here = import.meta.url;
  let worker: InstanceType<typeof Worker>;
  if (here.endsWith('.ts')) {
    // Running from TypeScript sources (the test suite): the worker loads them through tsx.
    const url = new URL('./tally-worker.ts', here).href;
    // tsx is a development dependency: this branch never runs from the published package.
    const tsx = JSON.stringify('tsx/esm/api');
    const boot = `import(${tsx}).then((api) => { api.register(); return import(${JSON.stringify(url)}); })`;
    worker = new Worker(boot, { eval: true, execArgv: ['--conditions=@icestat/source'] });
  } else {
    worker = new Worker(new URL(here.endsWith('.cjs') ? './tally-worker.cjs' : './tally-worker.js', here), {
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
  }
  const result = new Promise<TextTally>((resolve, reject) => {
    worker.once('message', (m: { ok: true; result: TextTally } | { ok: false; error: string; code?: IcestatErrorCode; issues?: IcestatIssue[] }) => {
      if (m.ok) resolve(m.result);
      else reject(m.code === undefined ? new Error(m.error) : new IcestatError(m.code, m.error, { issues: m.issues ?? [] }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`tally worker exited with code ${code}`));
    });
  });
  // A worker stopped before it was given a job rejects with no one waiting: that is no error.
  result.catch(() => {});
  return {
    terminate: () => worker.terminate(),
    run(job) {
      worker.postMessage(job);
      return result;
    },
  };
}

/**
 * Where to cut a file: byte offsets just after a line feed, about `size / n` apart, all after the
 * header row. The header row and the dialect come from `findHeader`, the search the row reader
 * itself runs, so every range reads the header one thread would. Returns `undefined` when the
 * file should be read on one thread (lone-CR line ends, no header within the first 64 KiB).
 */
async function plan(
  path: string,
  size: number,
  n: number,
  read: ResolvedReadOptions,
  needs: TallyNeeds,
): Promise<{ starts: number[]; header: string; delimiter: string; table: ResolvedReadOptions['table']; preset: string } | undefined> {
  const delimiter = read.delimiter;
  const { open } = await import('node:fs/promises');
  const fh = await open(path, 'r');
  try {
    const head = new Uint8Array(Math.min(size, 1 << 16));
    await fh.read(head, 0, head.length, 0);
    // gzip, zip and the like are read on one thread (byte ranges of compressed data mean nothing).
    if (detectFormat(head).format !== 'text') return undefined;
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom ? head.subarray(3) : head);
    const found = findHeader(text, 0, size <= head.length, delimiter);
    if (!found.found || found.end === -1 || found.dialect.eol !== '\n') return undefined;
    // The header may sit below title rows (ICE's banner): find it as the row reader does, by
    // reading the start of the file with it.
    let chosen: { line: number; table: ResolvedReadOptions['table']; preset: string } | undefined;
    const probe = createRowReader({
      file: '(probe)',
      read: { ...read, delimiter: found.dialect.delimiter, onRejection: 'collect', maxRejections: 0 },
      // The tally's needs, as one thread ranks the presets: with table auto, a header can map
      // more fields of one table but the tallied ones of another.
      needs,
      onHeader: (p) => {
        chosen = { line: 0, table: p.table, preset: p.preset };
      },
      onAccept: () => {},
    });
    try {
      probe.push(text);
    } catch {
      return undefined; // no usable header: one thread reports why
    }
    if (chosen === undefined) return undefined;
    const headerLine = probe.report().header.line;
    // Where that line starts, by the one line-numbering rule (LF, CRLF and a lone CR end a line).
    let headerStart = 0;
    for (let line = 1; line < headerLine; ) {
      if (headerStart >= text.length) return undefined;
      const c = text.charCodeAt(headerStart++);
      if (c === 10 || (c === 13 && text.charCodeAt(headerStart) !== 10)) line++;
    }
    const headerStop = text.indexOf('\n', headerStart);
    if (headerStop === -1) return undefined; // the header is the whole file
    const header = text.slice(headerStart, headerStop + 1);
    if ((header.split('"').length - 1) % 2 !== 0) return undefined; // a header with a quoted line break
    const headerEnd = new TextEncoder().encode(text.slice(0, headerStop + 1)).length + (bom ? 3 : 0);
    const starts = [0];
    const window = new Uint8Array(1 << 16);
    // The first range is read on this thread while the workers start up, so it gets a head
    // start's worth of extra bytes.
    const headStart = Math.min(STARTUP_BYTES, Math.floor(size / (2 * n)));
    const share = (size - headStart) / n;
    for (let k = 1; k < n; k++) {
      const nominal = Math.max(headerEnd, Math.floor(headStart + k * share));
      const { bytesRead } = await fh.read(window, 0, window.length, nominal);
      const i = window.subarray(0, bytesRead).indexOf(10);
      if (i === -1) continue; // a very long row: let the neighbouring range take it
      const s = nominal + i + 1;
      if (s > starts[starts.length - 1]! && s < size) starts.push(s);
    }
    return starts.length > 1 ? { starts, header, delimiter: found.dialect.delimiter, table: chosen.table, preset: chosen.preset } : undefined;
  } finally {
    await fh.close();
  }
}

/** A range's rejection with its lines moved to the file's (and its reason saying so). */
function shifted(r: Rejection, shift: number, maxRowLength: number): Rejection {
  if (shift === 0) return r;
  if (r.endLine === undefined || (r.code !== 'unclosed_quote' && r.code !== 'row_too_long')) return { ...r, line: r.line + shift };
  const line = r.line + shift;
  const endLine = r.endLine + shift;
  const quote = r.quote === undefined ? undefined : { line: r.quote.line + shift, column: r.quote.column };
  const reason = swallowedRowReason(r.code, line, endLine, quote, maxRowLength);
  return quote === undefined ? { ...r, line, endLine, reason } : { ...r, line, endLine, quote, reason };
}

function joinReports(file: string, parts: readonly TextTally[], headerLines: number, maxRejections: number, maxRowLength: number): LoadReport {
  // A part's lines start after the line breaks of the parts before it (less the header, which
  // every worker's range repeats).
  const shifts: number[] = [];
  let linesBefore = 0;
  parts.forEach((part, i) => {
    shifts.push(i === 0 ? 0 : linesBefore - headerLines);
    linesBefore += part.lineBreaks;
  });
  const joined = sumReports(
    file,
    parts.map((p) => p.report),
    maxRejections,
    (r, i) => shifted(r, shifts[i]!, maxRowLength),
  );
  const sorted = Object.fromEntries(
    Object.entries(joined.unknownValues).map(([f, v]) => [f, Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))]),
  );
  return { ...joined, unknownValues: sorted };
}

/**
 * The parallel path of {@link tallyArrestRecords}: for a file path on Node, large enough and with
 * rejections collected, tallies byte ranges in worker threads and joins them. Returns
 * `undefined` when the file should be read on one thread instead — small, not a path, lone-CR
 * line ends, one core, workers unavailable, or a cut that fell inside a quoted value.
 *
 * @param source - What `tallyArrestRecords` was given.
 * @param textPlan - The tally plan.
 * @param options - `workers` and `minBytesPerWorker`.
 * @returns Each range's tally snapshot (for the caller to merge) and the joined report, or `undefined`.
 * @throws {@link IcestatError} `invalid_input` for a `workers` that is not `'auto'` or a whole number ≥ 1.
 * @example
 * const joined = await tallyInParallel('arrests.csv', plan, { by: ['aor'], workers: 2 });
 */
export async function tallyInParallel(
  source: RecordSource,
  textPlan: TextTallyPlan,
  options: { readonly workers?: number | 'auto'; readonly minBytesPerWorker?: number; readonly encoding?: string },
): Promise<{ snapshots: TextTally['snapshot'][]; report: LoadReport } | undefined> {
  const workers = options.workers ?? 'auto';
  if (workers !== 'auto' && !(Number.isInteger(workers) && workers >= 1)) {
    throw new IcestatError('invalid_input', `workers: expected 'auto' or a whole number of at least 1; received ${String(workers)}`);
  }
  const minBytes = options.minBytesPerWorker ?? 8 * MIB;
  const path = localPath(source);
  if (workers === 1 || path === undefined || textPlan.read.onRejection !== 'collect') return undefined;
  // Text in another encoding is decoded on one thread (the ranges are cut and decoded as UTF-8).
  if (options.encoding !== undefined && !/^utf-?8$/i.test(options.encoding)) return undefined;
  if (typeof process === 'undefined' || typeof process.versions?.node !== 'string') return undefined;

  const { stat } = await import('node:fs/promises');
  const { availableParallelism, cpus } = await import('node:os');
  const size = (await stat(path)).size;
  const cores = workers === 'auto' ? Math.min(typeof availableParallelism === 'function' ? availableParallelism() : cpus().length, 8) : workers;
  const n = Math.min(cores, Math.floor(size / Math.max(1, minBytes)));
  if (n < 2) return undefined;
  // The workers start while this thread searches the header and chooses the cuts.
  const started: StartedWorker[] = [];
  const given = new Set<StartedWorker>();
  let settled = false;
  let parts: TextTally[];
  let headerLines: number;
  try {
    const starting = Array.from({ length: n - 1 }, () =>
      startWorker().then((w) => {
        started.push(w);
        return w;
      }),
    );
    // Worker threads unavailable (a sandbox): one thread.
    const ready = Promise.all(starting);
    ready.catch(() => {});
    const cut = await plan(path, size, n, textPlan.read, {
      by: textPlan.by,
      ...(textPlan.date ? { date: textPlan.date } : {}),
      duplicates: textPlan.excludeDuplicates,
    });
    if (!cut) return undefined;

    const ranges = cut.starts.map((start, i) => ({ path, start, end: cut.starts[i + 1] ?? size }));
    // The later ranges read the header row with the delimiter found in it, as one thread would,
    // as the table and preset the first range reads. The first reads the file's start itself, with
    // the options as given: a delimiter given there would change which rows above the header are
    // blank (any detectable delimiter counts there).
    const read = { ...textPlan.read, delimiter: cut.delimiter };
    const later = { ...read, table: cut.table, preset: cut.preset === 'none' ? read.preset : cut.preset, headerRow: 1 };
    try {
      const threads = await ready;
      parts = await Promise.all(
        ranges.map((r, i) => {
          if (i === 0) return tallyRange({ ...r, plan: { ...textPlan, countLines: true } });
          const thread = threads[i - 1]!;
          given.add(thread);
          return thread.run({ ...r, plan: { ...textPlan, read: later, header: cut.header, countLines: true } });
        }),
      );
    } catch (e) {
      if (IcestatError.isInstance(e)) throw e;
      return undefined; // workers unavailable (a sandbox, a bundle without the worker file): one thread
    }
    headerLines = countLineBreaks(cut.header, 0, cut.header.length);
    settled = true;
  } finally {
    // One range failing leaves the others nothing to do, and a worker given no job (the cuts gave
    // fewer ranges than threads started, or none) would wait for one: stop them. After success
    // each worker given a job has posted its result and ends by itself (exit code 0).
    for (const w of started) if (!settled || !given.has(w)) void w.terminate();
  }
  // A range that ends inside a quote was cut inside a quoted value: the next one started mid-row.
  if (parts.slice(0, -1).some((p) => p.endedInsideQuote)) return undefined;

  return {
    snapshots: parts.map((p) => p.snapshot),
    report: joinReports(textPlan.file, parts, headerLines, textPlan.read.maxRejections, textPlan.read.maxRowLength),
  };
}
