import type { TallyDimension, TallyResult } from '@icestat/core';
import { escapeCsvCell } from '@icestat/loaders/csv';
import { dimensionColumn, dimensionFlag } from './dimensions';

const integer = new Intl.NumberFormat('en-US');

/** A tally as CSV: one column per dimension (snake_case), then `count`; cells formula-safe. */
export function tallyCsv(tally: TallyResult): string {
  const header = [...tally.by.map(dimensionColumn), 'count'].join(',');
  const lines = tally.rows.map((row) => [...tally.by.map((d) => escapeCsvCell(row[d] ?? '')), String(row.count)].join(','));
  return `${[header, ...lines].join('\n')}\n`;
}

/** Pads a table of cells to aligned columns; `right` columns are right-aligned. */
export function alignColumns(rows: readonly (readonly string[])[], right: ReadonlySet<number>): string[] {
  const widths: number[] = [];
  for (const r of rows) {
    for (const [i, c] of r.entries()) widths[i] = Math.max(widths[i] ?? 0, [...c].length);
  }
  return rows.map((r) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - [...c].length);
        return right.has(i) ? pad + c : i === r.length - 1 ? c : c + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** A tally as a table for a reader: dimensions, count with thousands separators, share of the total. */
export function tallyTable(tally: TallyResult, bold: (s: string) => string = (s) => s): string {
  if (tally.by.length === 0) {
    const [head, total] = alignColumns(
      [
        ['', 'count'],
        ['total', integer.format(tally.total)],
      ],
      new Set([1]),
    );
    return `${bold(head!)}\n${bold(total!)}\n`;
  }
  const share = (n: number): string => (tally.total === 0 ? '' : `${((100 * n) / tally.total).toFixed(1)}%`);
  const header = [...tally.by.map(dimensionFlag), 'count', 'share'];
  const body = tally.rows.map((row) => [...tally.by.map((d: TallyDimension) => row[d] ?? ''), integer.format(row.count), share(row.count)]);
  const total = [...tally.by.map((_, i) => (i === 0 ? 'total' : '')), integer.format(tally.total), tally.total === 0 ? '' : '100.0%'];
  const n = tally.by.length;
  const lines = alignColumns([header, ...body, total], new Set([n, n + 1]));
  const rule = '─'.repeat(Math.max(...lines.map((l) => [...l].length)));
  return `${[bold(lines[0]!), rule, ...lines.slice(1, -1), rule, bold(lines[lines.length - 1]!)].join('\n')}\n`;
}

/** A whole number with thousands separators. */
export function formatCount(n: number): string {
  return integer.format(n);
}
