import { stat } from 'node:fs/promises';
import { tallyDimensionFields, type TallyDimension } from '@icestat/core';
import { parseColumnsOption } from '../column-option';
import { commonOptions, parseCommandArgs } from '../args';
import { dimensionFlag } from '../dimensions';
import { peekInput, tallyInput, type RecordReadOptions } from '../engine';
import { expandInputs } from '../inputs';
import type { CliIo } from '../io';
import { describeLoadReport } from '../load-report';
import { alignColumns, formatCount } from '../output';
import { paintFor } from '../paint';
import { exitCodes, UsageError } from '../usage-error';

/** The text of `icestat inspect --help`. */
export const help = `icestat inspect — show how icestat reads a record-level file

Usage: icestat inspect FILE [options]

Shows the first lines as written, the delimiter, the column preset detected, which columns are read
as which record field and which are kept unread, a sample of records as read, and the row counts
(read, accepted, rejected, with the top rejection reasons); then suggests a tally command.

Options:
  --no-count           skip the row counts (which read the whole file)
  --column H=FIELD     read column H as a record field (as for tally)
  --date COLUMN        the column whose dates the tally uses (as for tally)
  --delimiter C        the delimiter (detected by default)
  --json               the result as JSON
  -h, --help           this help

Examples:
  icestat inspect arrests.csv
  head -n 1000 arrests.csv | icestat inspect -
`;

/** Dimensions worth suggesting, in the order a reporter asks for them. */
const suggested = ['fiscalYear', 'aor', 'criminality', 'state'] as const satisfies readonly TallyDimension[];

function cut(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, width - 1)}…` : s;
}

/**
 * Runs `icestat inspect`.
 *
 * @param argv - The arguments after `inspect`.
 * @param io - Streams, environment and working directory.
 * @returns The exit code.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('inspect', {
    args: [...argv],
    allowPositionals: true,
    strict: true,
    allowNegative: true,
    options: { ...commonOptions,
    count: { type: 'boolean' },
    column: { type: 'string', multiple: true },
    date: { type: 'string' },
    delimiter: { type: 'string' },
    table: { type: 'string' },
    sheet: { type: 'string' },
    json: { type: 'boolean' },
  } });
  if (values.help) {
    io.stdout.write(help);
    return exitCodes.ok;
  }
  const inputs = await expandInputs(positionals, io, 'inspect');
  if (inputs.length !== 1) throw new UsageError(`expected one file; received ${inputs.length}`, 'inspect');
  const input = inputs[0]!;
  const options: RecordReadOptions = {
    ...(values.table !== undefined ? { table: values.table } : {}),
    ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
    ...(values.date !== undefined ? { date: values.date } : {}),
    ...(values.column ? { columns: parseColumnsOption(values.column, 'inspect') } : {}),
    ...(values.delimiter !== undefined ? { delimiter: values.delimiter } : {}),
  };
  const size = input.kind === 'path' ? (await stat(input.path)).size : undefined;
  const peek = await peekInput(input, options);
  const count = values.count !== false && input.kind === 'path' ? (await tallyInput(input, [], options)).report : peek.whole ? peek.report : undefined;
  const mappedFields = new Set<string>(peek.report.columns.mapped.map((m) => m.field));
  const warnings: string[] = [];
  const headerCells = peek.report.columns.mapped.length + peek.report.columns.extra.length;
  if (peek.report.preset === 'none') {
    warnings.push('no column preset matched the header: no column is read as a record field unless named with --column');
  }
  const blankHeaders = peek.report.columns.extra.filter((h) => /^column \d+$/.test(h)).length;
  if (blankHeaders > 0 && blankHeaders >= headerCells / 2) {
    warnings.push(`${blankHeaders} of ${headerCells} header cells are blank: the first line may be a title or banner line above the real header, which this version of @icestat/loaders does not skip`);
  }
  // A column that is not read but whose header says what it holds: suggested with --column.
  const hints: Readonly<Record<(typeof suggested)[number], RegExp>> = {
    fiscalYear: /date/i,
    aor: /(^|[^a-z])aor([^a-z]|$)|area of responsibility/i,
    criminality: /criminality/i,
    state: /(^|[^a-z])state([^a-z]|$)/i,
  };
  const extraColumns = new Map<TallyDimension, string>();
  const dims: TallyDimension[] = [];
  for (const d of suggested) {
    const field = tallyDimensionFields[d];
    if (mappedFields.has(field)) {
      dims.push(d);
      continue;
    }
    const like = peek.report.columns.extra.find((h) => hints[d].test(h) && !/^column \d+$/.test(h));
    if (like && !(d === 'fiscalYear' && mappedFields.has('apprehensionDate'))) {
      extraColumns.set(d, `--column ${JSON.stringify(`${like}=${field}`)}`);
      dims.push(d);
    }
    warnings.push(`no column is read as ${field}: a tally by ${dimensionFlag(d)} would count every row as (missing)${like ? `; if "${like}" holds it: --column ${JSON.stringify(`${like}=${field}`)}` : ''}`);
  }
  const shown = input.kind === 'stdin' ? '-' : /[\s"'$]/.test(input.name) ? JSON.stringify(input.name) : input.name;
  const next = dims.length > 0 ? ['icestat tally', shown, ...dims.slice(0, 2).flatMap((d) => extraColumns.get(d) ?? []), '--by', dims.slice(0, 2).map(dimensionFlag).join(',')].join(' ') : `icestat inspect ${shown} --column "HEADER=FIELD" (no column is read as a date, AOR, criminality or state yet)`;

  if (values.json) {
    io.stdout.write(`${JSON.stringify({ file: input.name, bytes: size ?? null, head: peek.head, delimiter: peek.report.delimiter, preset: peek.report.preset, columns: peek.report.columns, sample: peek.sample, counts: count ? { rowsRead: count.rowsRead, accepted: count.accepted, rejected: count.rejected, blankLines: count.blankLines } : null, warnings, next }, null, 2)}\n`);
    return exitCodes.ok;
  }
  const paint = paintFor(io.stdout, io.env);
  const width = Math.max(60, (io.stdout.columns ?? 120) - 8);
  const out: string[] = [];
  out.push(`${paint.bold(input.name)}${size !== undefined ? ` — ${formatCount(size)} bytes` : ''}, plain text`);
  out.push('', paint.bold('First lines, as written'));
  peek.head.slice(0, 6).forEach((l, i) => out.push(`  ${paint.dim(String(i + 1).padStart(3))}  ${cut(l, width)}`));
  out.push('', `${paint.bold('Delimiter')} ${JSON.stringify(peek.report.delimiter)} · ${paint.bold('preset')} ${peek.report.preset}`);
  out.push('', paint.bold(`Columns read (${peek.report.columns.mapped.length})`));
  const rows = peek.report.columns.mapped.map((m) => [`  ${m.header}`, '→', m.field]);
  if (rows.length > 0) out.push(...alignColumns(rows, new Set()));
  else out.push('  (none)');
  out.push('', paint.bold(`Columns kept unread, in record.extra (${peek.report.columns.extra.length})`));
  out.push(`  ${peek.report.columns.extra.length > 0 ? cut(peek.report.columns.extra.join(' · '), width * 3) : '(none)'}`);
  out.push('', paint.bold(`Sample records (${peek.sample.length}), as read`));
  for (const r of peek.sample.slice(0, 3)) {
    const { extra: _extra, ...fields } = r;
    out.push(`  ${cut(JSON.stringify(fields), width)}`);
  }
  out.push('', paint.bold('Rows'));
  if (count) out.push(...describeLoadReport(count, paint).trimEnd().split('\n').map((l) => `  ${l}`));
  else out.push(`  not counted${input.kind === 'stdin' ? ' (standard input is read only once)' : ''}; in the first ${formatCount(peek.report.rowsRead)} rows: ${formatCount(peek.report.accepted)} accepted, ${formatCount(peek.report.rejected)} rejected`);
  if (warnings.length > 0) {
    out.push('', paint.yellow('Warnings'));
    for (const w of warnings) out.push(`  ${paint.yellow('!')} ${w}`);
  }
  out.push('', `${paint.bold('Next')}: ${next}`);
  io.stdout.write(`${out.join('\n')}\n`);
  return exitCodes.ok;
}
