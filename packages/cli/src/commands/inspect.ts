import { stat } from 'node:fs/promises';
import { dimensionField, recordTables, type RecordTableName, type RecordTableSpec, type TallyDimension } from '@icestat/core';
import { parseColumnsOption } from '../column-option';
import { commonOptions, parseCommandArgs } from '../args';
import { dimensionFlag } from '../dimensions';
import { inspectInput, type RecordReadOptions } from '../engine';
import { expandInputs } from '../inputs';
import type { CliIo } from '../io';
import { describeLoadReport } from '../load-report';
import { alignColumns, formatCount } from '../output';
import { paintFor } from '../paint';
import { parseHeaderRow, parseMissingValues } from '../read-options';
import { exitCodes, UsageError } from '../usage-error';

/** The text of `icestat inspect --help`. */
export const help = `icestat inspect — show how icestat reads a record-level file

Usage: icestat inspect FILE [options]

Shows what the file is (format, compression, encoding, delimiter, a workbook's sheets), where its
header is and the banner lines above it, the record table and release preset detected, which
columns are read as which record field and which are kept unread, sample rows as written and as
read, and the row counts (read, accepted, rejected, with the top rejection reasons); then suggests
a tally command for the table detected.

Options:
  --no-count           skip the row counts (which read the whole file)
  --table NAME         read it as this table (as for tally; default auto)
  --sheet NAME         a workbook's sheet (as for tally)
  --header-row N       the header's 1-based line (as for tally)
  --missing-values L   cells that mean "no value" (as for tally)
  --column H=FIELD     read column H as a record field (as for tally)
  --strict-aors        reject a row whose AOR icestat does not know (by default it is kept and
                       counted under its own label, and listed in the load report)
  --encoding E         the text's encoding when not UTF-8: latin1, windows-1252, utf-16le, utf-16be
  --delimiter C        the delimiter (detected by default)
  --json               the result as JSON
  -h, --help           this help

Examples:
  icestat inspect EROArrests_FY2016.csv.gz
  head -n 1000 arrests.csv | icestat inspect -
`;

/** Dimensions worth suggesting, in the order a reporter asks for them. */
const suggested: readonly TallyDimension[] = ['fiscalYear', 'aor', 'criminality', 'state', 'facility', 'releaseReason'];

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
    options: {
      ...commonOptions,
      count: { type: 'boolean' },
      column: { type: 'string', multiple: true },
      delimiter: { type: 'string' },
      encoding: { type: 'string' },
      'strict-aors': { type: 'boolean' },
      table: { type: 'string' },
      sheet: { type: 'string' },
      'header-row': { type: 'string' },
      'missing-values': { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
  });
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
    ...(values['header-row'] !== undefined ? { headerRow: parseHeaderRow(values['header-row'], 'inspect') } : {}),
    ...(values['missing-values'] !== undefined ? { missingValues: parseMissingValues(values['missing-values']) } : {}),
    ...(values.column ? { columns: parseColumnsOption(values.column, 'inspect') } : {}),
    ...(values.delimiter !== undefined ? { delimiter: values.delimiter } : {}),
    ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
    ...(values['strict-aors'] === true ? { strictAors: true } : {}),
  };
  const size = input.kind === 'path' ? (await stat(input.path)).size : undefined;
  const { source, peek, count, notCounted } = await inspectInput(input, options, values.count !== false);
  const report = 'error' in peek ? undefined : peek.report;
  const table: RecordTableName | undefined = report && report.table !== 'auto' ? report.table : undefined;
  const warnings: string[] = [];
  if (source.problem) warnings.push(source.problem.replace(/pass \{ encoding: '([\w-]+)' \}/, 'pass --encoding $1'));
  if ('error' in peek) warnings.push(`the records could not be read: ${peek.error.message}`);

  // The dimensions the table offers whose field a column fills: the next command groups by two.
  const dims: TallyDimension[] = [];
  if (report && table) {
    const spec = recordTables[table] as RecordTableSpec;
    const mapped = new Set(report.columns.mapped.map((m) => m.field));
    for (const d of suggested) {
      const field = d === 'fiscalYear' || (spec.dimensions as Record<string, string>)[d] !== undefined ? dimensionField(spec, d) : undefined;
      if (field !== undefined && mapped.has(field)) dims.push(d);
    }
    if (!dims.includes('fiscalYear'))
      warnings.push(
        `no column is read as ${spec.mainDate}, the ${table} table's main date: a tally by fiscal year, month or day needs one (--column "HEADER=${spec.mainDate}")`,
      );
    if (spec.dimensions.aor !== undefined && !dims.includes('aor'))
      warnings.push(`no column is read as ${spec.dimensions.aor}: a tally by aor needs one (--column "HEADER=${spec.dimensions.aor}")`);
  }
  const shown = input.kind === 'stdin' ? '-' : /[\s"'$]/.test(input.name) ? JSON.stringify(input.name) : input.name;
  const otherEncoding = source.encoding !== undefined && source.encoding !== 'utf-8' && values.encoding === undefined ? source.encoding : undefined;
  // A workbook: the sheet with the widest header is most likely the records.
  const widest = source.sheets?.filter((x) => x.table).sort((a, b) => b.table!.header.length - a.table!.header.length)[0];
  const next = otherEncoding
    ? `icestat inspect ${shown} --encoding ${otherEncoding}`
    : widest && !table && values.sheet === undefined
      ? `icestat inspect ${shown} --sheet ${/^[\w-]+$/.test(widest.name) ? widest.name : JSON.stringify(widest.name)}`
      : 'error' in peek
        ? 'none until the records can be read (see the warnings)'
        : table
          ? ['icestat tally', shown, '--table', table, ...(dims.length > 0 ? ['--by', dims.slice(0, 2).map(dimensionFlag).join(',')] : [])].join(' ')
          : `icestat inspect ${shown} --table TABLE --column "HEADER=FIELD" (no record table was recognised)`;

  if (values.json) {
    const json = {
      file: input.name,
      bytes: size ?? null,
      format: source.format,
      description: source.description,
      compression: source.compression,
      encoding: source.encoding ?? null,
      delimiter: report?.delimiter ?? source.delimiter ?? null,
      sheets: source.sheets ?? null,
      header: report
        ? report.header
        : source.table
          ? { line: source.table.headerRow, bannerLines: source.table.bannerLines.length, banner: source.table.bannerLines }
          : null,
      table: report?.table ?? null,
      preset: report?.preset ?? null,
      columns: report?.columns ?? null,
      unknownValues: report?.unknownValues ?? null,
      sampleRows: source.table?.sampleRows ?? null,
      sample: 'error' in peek ? [] : peek.sample,
      counts: count ? { rowsRead: count.rowsRead, accepted: count.accepted, rejected: count.rejected, blankLines: count.blankLines } : null,
      warnings,
      next,
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return exitCodes.ok;
  }
  const paint = paintFor(io.stdout, io.env);
  const width = Math.max(60, (io.stdout.columns ?? 120) - 8);
  const out: string[] = [];
  const how = [
    source.description,
    ...(source.compression.length > 0 ? [`compression ${source.compression.join(' + ')}${source.entry ? ` (entry ${source.entry})` : ''}`] : []),
  ];
  if (source.encoding) how.push(`encoding ${source.encoding}${source.bom ? ' (with byte-order mark)' : ''}`);
  const delimiter = report?.delimiter ?? source.delimiter;
  if (delimiter !== undefined) how.push(`delimiter ${JSON.stringify(delimiter)}`);
  out.push(`${paint.bold(input.name)}${size !== undefined ? ` — ${formatCount(size)} bytes` : ''}`);
  out.push(`${paint.bold('Format')} ${how.join(' · ')}`);
  if (source.sheets) {
    out.push('', paint.bold(`Sheets (${source.sheets.length})`));
    for (const s of source.sheets) {
      out.push(
        `  ${s.name}${s.table ? ` — header on row ${s.table.headerRow}${s.table.bannerLines.length > 0 ? ` below ${s.table.bannerLines.length} banner line${s.table.bannerLines.length === 1 ? '' : 's'}` : ''}: ${cut(s.table.header.join(' · '), width)}` : ' — empty'}`,
      );
    }
  }
  const headerLine = report && report.header.line > 0 ? report.header.line : source.table?.headerRow;
  const banner = report && report.header.line > 0 ? report.header.banner : (source.table?.bannerLines ?? []);
  if (headerLine !== undefined) {
    out.push(
      '',
      `${paint.bold('Header')} on line ${headerLine}${banner.length > 0 ? `, below ${banner.length} banner line${banner.length === 1 ? '' : 's'} (skipped):` : ''}`,
    );
    for (const l of banner) out.push(`  ${paint.dim('│')} ${cut(l, width)}`);
  }
  out.push('', `${paint.bold('Table')} ${table ?? 'not recognised'}${report ? ` · ${paint.bold('preset')} ${report.preset}` : ''}`);
  if (report) {
    out.push('', paint.bold(`Columns read (${report.columns.mapped.length})`));
    const rows = report.columns.mapped.map((m) => [`  ${m.header}`, '→', m.field]);
    if (rows.length > 0) out.push(...alignColumns(rows, new Set()));
    else out.push('  (none)');
    out.push('', paint.bold(`Columns unmapped, kept in record.extra (${report.columns.extra.length})`));
    out.push(`  ${report.columns.extra.length > 0 ? cut(report.columns.extra.join(' · '), width * 3) : '(none)'}`);
  }
  if (source.table && source.table.sampleRows.length > 0) {
    out.push('', paint.bold(`Sample rows (${source.table.sampleRows.length}), as written`));
    for (const r of source.table.sampleRows) out.push(`  ${cut(r.join(' | '), width)}`);
  }
  if (!('error' in peek)) {
    out.push('', paint.bold(`Sample records (${Math.min(3, peek.sample.length)}), as read`));
    for (const r of peek.sample.slice(0, 3)) {
      const { extra: _extra, ...fields } = r;
      out.push(`  ${cut(JSON.stringify(fields), width)}`);
    }
  }
  out.push('', paint.bold('Rows'));
  if (count)
    out.push(
      ...describeLoadReport(count, paint, { countsOnly: true })
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`),
    );
  else
    out.push(
      `  ${notCounted ?? 'not counted'}${report ? `; in the first ${formatCount(report.rowsRead)} rows: ${formatCount(report.accepted)} accepted, ${formatCount(report.rejected)} rejected` : ''}`,
    );
  if (warnings.length > 0) {
    out.push('', paint.yellow('Warnings'));
    for (const w of warnings) out.push(`  ${paint.yellow('!')} ${w}`);
  }
  out.push('', `${paint.bold('Next')}: ${next}`);
  io.stdout.write(`${out.join('\n')}\n`);
  return exitCodes.ok;
}
