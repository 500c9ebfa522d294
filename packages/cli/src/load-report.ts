import type { LoadReport, Rejection } from '@icestat/loaders/csv';
import { escapeCsvCell } from '@icestat/loaders/csv';
import { formatCount } from './output';

/** Styling for stderr; identity functions when colour is off. */
export interface Paint {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly green: (s: string) => string;
}

const plain = (s: string): string => s;
/** No colour. */
export const noPaint: Paint = { bold: plain, dim: plain, red: plain, yellow: plain, green: plain };

const quoted = (s: string): string => JSON.stringify(s);

/**
 * The load report for a reader of stderr: rows read, accepted and rejected; the table, preset,
 * delimiter, header line, banner lines skipped and columns mapped and unmapped (unless
 * `countsOnly`); values icestat did not know; the most common rejection reasons, each with its
 * count and the first lines it hit.
 */
export function describeLoadReport(report: LoadReport, paint: Paint, options: { readonly stopped?: boolean; readonly countsOnly?: boolean } = {}): string {
  const out: string[] = [];
  const rejected = report.rejected > 0 ? paint.yellow(`${formatCount(report.rejected)} rejected`) : `${formatCount(report.rejected)} rejected`;
  const head = options.stopped ? paint.red('INTERRUPTED — partial counts, up to the rows read so far (the last may be cut off): ') : '';
  out.push(
    `${head}${paint.bold(report.file)}: ${formatCount(report.rowsRead)} rows read · ${formatCount(report.accepted)} accepted · ${rejected}` +
      (report.blankLines > 0 ? ` · ${formatCount(report.blankLines)} blank line${report.blankLines === 1 ? '' : 's'} skipped` : ''),
  );
  if (!options.countsOnly) describeReading(report, paint, out);
  describeUnknownValues(report, paint, out);
  if (report.rejected > 0) {
    const byCode = new Map<string, Rejection[]>();
    for (const r of report.rejections) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
    const top = [...byCode.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, 5);
    out.push(`  rejected rows, by reason${report.rejectionsDropped > 0 ? ` (among the first ${formatCount(report.rejections.length)} kept)` : ''}:`);
    for (const [code, list] of top) {
      const first = list[0]!;
      const lines = list
        .slice(0, 3)
        .map((r) => r.line)
        .join(', ');
      out.push(
        `    ${code.padEnd(22)} ${formatCount(list.length).padStart(7)}  lines ${lines}${list.length > 3 ? ', …' : ''} — e.g. line ${first.line}${first.column ? ` (${first.column})` : ''}: ${first.reason}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** The table, preset, header, banner lines and columns of a read. */
function describeReading(report: LoadReport, paint: Paint, out: string[]): void {
  out.push(
    paint.dim(
      `  table ${report.table} · preset ${report.preset === 'none' ? 'none (custom columns only)' : report.preset} · delimiter ${quoted(report.delimiter)} · header on line ${report.header.line}`,
    ),
  );
  if (report.header.bannerLines > 0) {
    out.push(
      paint.dim(
        `  ${report.header.bannerLines} banner line${report.header.bannerLines === 1 ? '' : 's'} above the header skipped: ${report.header.banner
          .filter((b) => b.trim() !== '')
          .map(quoted)
          .join(' · ')}`,
      ),
    );
  }
  out.push(paint.dim(`  columns: ${report.columns.mapped.length} mapped (${report.columns.mapped.map((m) => `${m.header} → ${m.field}`).join(', ')})`));
  if (report.columns.extra.length > 0) out.push(paint.dim(`  unmapped, kept as extra (${report.columns.extra.length}): ${report.columns.extra.join(', ')}`));
}

/** The values icestat did not know (an AOR that is none of ICE's offices), with how many rows held each. */
function describeUnknownValues(report: LoadReport, paint: Paint, out: string[]): void {
  for (const [field, values] of Object.entries(report.unknownValues)) {
    const list = Object.entries(values).sort((a, b) => b[1] - a[1]);
    if (list.length === 0) continue;
    out.push(
      paint.yellow(
        `  unknown ${field} values, kept and counted under their own label: ${list
          .slice(0, 5)
          .map(([v, n]) => `${quoted(v)} ×${formatCount(n)}`)
          .join(', ')}${list.length > 5 ? `, … (${list.length} in all)` : ''}`,
      ),
    );
  }
}

/** Every kept rejection as CSV (file, line, column, code, reason, raw row), formula-safe. */
export function rejectionsCsv(reports: readonly LoadReport[]): string {
  const lines = ['file,line,column,code,reason,raw'];
  for (const report of reports) {
    for (const r of report.rejections) {
      lines.push(
        [escapeCsvCell(report.file), String(r.line), escapeCsvCell(r.column ?? ''), r.code, escapeCsvCell(r.reason), escapeCsvCell(r.raw ?? '')].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
