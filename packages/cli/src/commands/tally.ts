import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createTally, type TallyDimension, type TallyResult } from '@icestat/core';
import type { LoadReport } from '@icestat/loaders/csv';
import { commonOptions, listValues, parseCommandArgs } from '../args';
import { dimensionFlag, parseDimension } from '../dimensions';
import {
  groupValueOf,
  mergeTallies,
  missingColumns,
  recordDateFields,
  recordTables,
  tallyInput,
  tallyInputWatched,
  type RecordReadOptions,
  type TallyOutcome,
} from '../engine';
import { parseColumnsOption } from '../column-option';
import { expandInputs, type Input } from '../inputs';
import type { CliIo } from '../io';
import { describeLoadReport, rejectionsCsv } from '../load-report';
import { parseHeaderRow, parseMissingValues } from '../read-options';
import { formatCount, tallyCsv, tallyTable } from '../output';
import { paintFor } from '../paint';
import { silentProgress, terminalProgress } from '../progress';
import { exitCodes, UsageError } from '../usage-error';

/** The text of `icestat tally --help`. */
export const help = `icestat tally — count the records of a record-level release

Usage: icestat tally FILE... --by DIMENSIONS [options]

FILE is a path (CSV or other delimited text, plain, .gz or .zip), a glob ("data/*.csv.gz",
quoted) or - for standard input. Several files of one table are tallied together; each gets its
own load report. The table (arrests, encounters, removals, detainers, detentions), the release's
header preset and the header row below ICE's banner lines are found from the file.

Options:
  --by LIST            dimensions, comma-separated: fiscal-year, month, day, state, aor,
                       criminality, citizenship, gender, apprehension-type, facility,
                       release-reason, case-category, threat-level, disposition, method,
                       departure-country (those the table has; none: one total)
  --where DIM=VALUE    count only these rows; repeat to allow more values (same dimension)
                       or narrow further (another dimension). VALUE as the release writes it
                       or as the tally shows it: aor=SEA, aor="Seattle Area of Responsibility",
                       criminality=convicted, fiscal-year=2016, state=missing
  --table NAME         ${recordTables.join(' | ')}
                       (default auto: picked from the header)
  --sheet NAME         a workbook's sheet, by name or number
  --date FIELD         the date field fiscal-year, month and day read, e.g. removalDate
                       (default: the table's main date — arrests: apprehensionDate,
                       removals: departedDate, detentions: bookInDate, …)
  --header-row N       the header's 1-based line (default: found below the banner lines)
  --missing-values L   cells that mean "no value", comma-separated (default NA,N/A,NULL,(null))
  --column H=FIELD     read column H as a record field over the preset, e.g.
                       "Area=apprehensionAor"; FIELD "extra" keeps it unread (repeatable)
  --strict-aors        reject a row whose AOR icestat does not know (by default it is kept and
                       counted under its own label, and listed in the load report)
  --encoding E         the text's encoding when not UTF-8: latin1, windows-1252, utf-16le, utf-16be
  --delimiter C        the delimiter (detected from the header by default)
  --format FORMAT      table | csv | json | vega-lite (default: table on a terminal, csv otherwise)
  --out PATH           write the result to PATH instead of standard output
  --rejections FILE    write every rejected row (file, line, column, code, reason, raw) as CSV
  --no-progress        no progress bar, and the fastest read (all cores on a large file);
                       the default when standard error is not a terminal
  --progress           read row by row as on a terminal (a partial report on Ctrl-C), even
                       when standard error is not one (no bar is drawn then)
  -h, --help           this help

The load report (rows read, accepted, rejected; the table, preset and header line; the banner
lines skipped; the columns mapped and unmapped; AOR values icestat does not know; the top
rejection reasons with their lines) goes to standard error. Ctrl-C stops the read and prints
the report of the rows read so far.

Examples:
  icestat tally arrests.csv --by aor,fiscal-year
  icestat tally arrests.csv --by fiscal-year --where criminality=convicted --format csv > fy.csv
  icestat tally EROArrests_FY2016.csv.gz --by aor --format csv
  icestat tally ICERemovals_FY2016.csv.gz --by fiscal-year --date removalDate
  icestat tally "releases/*.csv" --by aor --rejections rejected.csv
  gunzip -c arrests.csv.gz | icestat tally - --by criminality --format json
`;

const formats = ['table', 'csv', 'json', 'vega-lite'] as const;
type Format = (typeof formats)[number];

/** `--date removal-date` or `removalDate`: a date field of some table, checked against the table by the library. */
function parseDateField(text: string): string {
  const field = text.trim().replace(/[-_\s]+([a-zA-Z])/g, (_, c: string) => c.toUpperCase());
  if (!recordDateFields.includes(field)) {
    throw new UsageError(`--date ${JSON.stringify(text)}: expected a date field, one of ${recordDateFields.join(', ')}`, 'tally');
  }
  return field;
}

function parseWhere(values: readonly string[]): Map<TallyDimension, Set<string>> {
  const where = new Map<TallyDimension, Set<string>>();
  for (const w of values) {
    const eq = w.indexOf('=');
    if (eq <= 0) throw new UsageError(`--where ${JSON.stringify(w)}: expected DIMENSION=VALUE, e.g. criminality=convicted`, 'tally');
    const dim = parseDimension(w.slice(0, eq), '--where', 'tally');
    const value = groupValueOf(dim, w.slice(eq + 1));
    if (value === undefined) {
      throw new UsageError(`--where ${JSON.stringify(w)}: "${w.slice(eq + 1)}" is not a value icestat knows for ${dimensionFlag(dim)}`, 'tally');
    }
    where.set(dim, (where.get(dim) ?? new Set()).add(value));
  }
  return where;
}

/** The tally of the rows that pass `where`, grouped by `by` only (the where-dimensions summed over). */
function applyWhere(result: TallyResult, by: readonly TallyDimension[], where: ReadonlyMap<TallyDimension, ReadonlySet<string>>): TallyResult {
  if (where.size === 0) return result;
  // Values as written (countries, facilities, release reasons, …) match whatever their case and spacing.
  const key = (v: string): string => v.trim().replace(/\s+/g, ' ').toUpperCase();
  const keys = [...where].map(([d, values]) => [d, new Set([...values].map(key))] as const);
  const kept = result.rows.filter((row) => keys.every(([d, values]) => values.has(key(row[d] ?? ''))));
  const t = createTally({ by, table: result.table, date: result.date });
  t.merge({
    by,
    excludeDuplicates: false,
    seen: kept.reduce((n, r) => n + r.count, 0),
    excluded: { duplicates: 0 },
    groups: kept.map((row) => [by.map((d) => row[d] ?? ''), row.count] as const),
  });
  return t.result();
}

function chooseFormat(asked: string | undefined, out: string | undefined, io: CliIo): Format {
  if (asked !== undefined) {
    if (!(formats as readonly string[]).includes(asked))
      throw new UsageError(`--format ${JSON.stringify(asked)}: expected one of ${formats.join(', ')}`, 'tally');
    return asked as Format;
  }
  if (out !== undefined) {
    if (/\.vl\.json$/i.test(out)) return 'vega-lite';
    if (/\.json$/i.test(out)) return 'json';
    return 'csv';
  }
  return io.stdout.isTTY === true ? 'table' : 'csv';
}

function reportSummary(report: LoadReport) {
  const { rejections, ...rest } = report;
  return { ...rest, rejectionsKept: rejections.length };
}

async function render(
  format: Format,
  tally: TallyResult,
  reports: readonly LoadReport[],
  where: ReadonlyMap<TallyDimension, ReadonlySet<string>>,
  bold: (s: string) => string,
): Promise<string> {
  switch (format) {
    case 'table':
      return tallyTable(tally, bold);
    case 'csv':
      return tallyCsv(tally);
    case 'json': {
      const filter = Object.fromEntries([...where].map(([d, v]) => [d, [...v]]));
      return `${JSON.stringify({ ...tally, ...(where.size > 0 ? { where: filter } : {}), files: reports.map(reportSummary) }, null, 2)}\n`;
    }
    case 'vega-lite': {
      const { tallyRowsSpec } = await import('../tally-spec');
      return `${JSON.stringify(
        tallyRowsSpec(
          tally,
          reports.map((r) => r.file),
        ),
        null,
        2,
      )}\n`;
    }
  }
}

/**
 * Runs `icestat tally`.
 *
 * @param argv - The arguments after `tally`.
 * @param io - Streams, environment and working directory.
 * @returns The exit code.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('tally', {
    args: [...argv],
    allowPositionals: true,
    strict: true,
    allowNegative: true,
    options: {
      ...commonOptions,
      by: { type: 'string', multiple: true },
      where: { type: 'string', multiple: true },
      table: { type: 'string' },
      sheet: { type: 'string' },
      date: { type: 'string' },
      'header-row': { type: 'string' },
      'missing-values': { type: 'string', multiple: true },
      column: { type: 'string', multiple: true },
      delimiter: { type: 'string' },
      encoding: { type: 'string' },
      'strict-aors': { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      rejections: { type: 'string' },
      progress: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.stdout.write(help);
    return exitCodes.ok;
  }
  const by = listValues(values.by).map((d) => parseDimension(d, '--by', 'tally'));
  const repeated = by.find((d, i) => by.indexOf(d) !== i);
  if (repeated) throw new UsageError(`--by names ${dimensionFlag(repeated)} twice`, 'tally');
  const where = parseWhere(values.where ?? []);
  const format = chooseFormat(values.format, values.out, io);
  const options: RecordReadOptions = {
    ...(values.table !== undefined ? { table: values.table } : {}),
    ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
    ...(values.date !== undefined ? { date: parseDateField(values.date) } : {}),
    ...(values['header-row'] !== undefined ? { headerRow: parseHeaderRow(values['header-row'], 'tally') } : {}),
    ...(values['missing-values'] !== undefined ? { missingValues: parseMissingValues(values['missing-values']) } : {}),
    ...(values.column ? { columns: parseColumnsOption(values.column, 'tally') } : {}),
    ...(values.delimiter !== undefined ? { delimiter: values.delimiter } : {}),
    ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
    ...(values['strict-aors'] === true ? { strictAors: true } : {}),
    maxRejections: values.rejections !== undefined ? Infinity : 1000,
  };
  const inputs = await expandInputs(positionals, io, 'tally');
  const tallyBy = [...by, ...[...where.keys()].filter((d) => !by.includes(d))];
  const paint = paintFor(io.stderr, io.env);
  const watched = values.progress ?? io.stderr.isTTY === true;

  const outcomes: TallyOutcome[] = [];
  const stop = new AbortController();
  const onSigint = (): void => {
    if (stop.signal.aborted || !watched) {
      io.stderr.write('\nicestat: interrupted; nothing was written\n');
      process.exit(exitCodes.interrupted);
    }
    stop.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    for (const input of inputs) {
      const outcome = watched ? await watchedTally(input, tallyBy, options, io, stop.signal) : await tallyInput(input, tallyBy, options);
      outcomes.push(outcome);
      io.stderr.write(describeLoadReport(outcome.report, paint, { stopped: outcome.stopped }));
      for (const h of missingColumns(outcome.report)) io.stderr.write(paint.yellow(`warning: ${outcome.report.file} has no column "${h}" (--column)\n`));
      if (outcome.stopped) break;
    }
  } finally {
    process.off('SIGINT', onSigint);
  }
  const reports = outcomes.map((o) => o.report);
  const all =
    outcomes.length === 1
      ? outcomes[0]!.tally
      : mergeTallies(
          outcomes.map((o) => o.tally),
          tallyBy,
        );
  if (outcomes.some((o) => o.stopped)) {
    io.stderr.write(paint.red(`icestat: interrupted; ${formatCount(all.seen)} rows counted so far; no result written\n`));
    return exitCodes.interrupted;
  }
  if (values.rejections !== undefined) await writeFile(resolve(io.cwd, values.rejections), rejectionsCsv(reports));
  const tally = applyWhere(all, by, where);
  if (outcomes.length > 1)
    io.stderr.write(
      `all ${outcomes.length} files: ${formatCount(reports.reduce((n, r) => n + r.rowsRead, 0))} rows read · ${formatCount(all.total)} accepted\n`,
    );
  if (values.date !== undefined && tallyBy.some((d) => d === 'fiscalYear' || d === 'month' || d === 'day')) {
    io.stderr.write(`dates: fiscal-year, month and day are those of the field ${options.date}\n`);
  }
  if (where.size > 0) {
    const text = [...where].map(([d, v]) => `${dimensionFlag(d)} = ${[...v].join(' or ')}`).join(' and ');
    io.stderr.write(`where ${text}: ${formatCount(tally.total)} of ${formatCount(all.total)} accepted rows\n`);
  }
  const bold = values.out === undefined ? paintFor(io.stdout, io.env).bold : (t: string) => t;
  const text = await render(format, tally, reports, where, bold);
  if (values.out !== undefined) {
    await writeFile(resolve(io.cwd, values.out), text);
    io.stderr.write(`wrote ${values.out} (${format})\n`);
  } else io.stdout.write(text);
  return exitCodes.ok;
}

async function watchedTally(input: Input, by: readonly TallyDimension[], options: RecordReadOptions, io: CliIo, signal: AbortSignal): Promise<TallyOutcome> {
  const size = input.kind === 'path' ? (await stat(input.path).catch(() => undefined))?.size : undefined;
  const progress = io.stderr.isTTY === true ? await terminalProgress(io.stderr, input.name, size) : silentProgress;
  try {
    return await tallyInputWatched(input, by, options, { progress: (bytes, rows) => progress.update(bytes, rows), signal });
  } finally {
    progress.stop();
  }
}
