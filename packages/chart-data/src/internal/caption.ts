// Caption lines shared by the Vega-Lite and Chart.js builders; not part of the public API.
import type { ChartRow } from '../tidy/chart-row';

/** The caption line explaining the interval marks, with an example from the rows, or none. */
export function intervalLine(rows: readonly ChartRow[], mark: string): string[] {
  const example = rows.find((r) => r.determinable && r.high > r.low);
  if (!example) return [];
  return [`${mark} show the interval each number stands for (“${example.text}”).`];
}

/** The caption line explaining not-determinable bands, or none. */
export function bandLine(rows: readonly ChartRow[], mark = 'Dashed grey bands'): string[] {
  return rows.some((r) => !r.determinable) ? [`${mark}: not determinable from the data; the band spans what the data allows (reason in the tooltip).`] : [];
}

/** Breaks a caption line at spaces so no piece is longer than `max` characters (Vega does not wrap). */
export function wrap(line: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > max) {
      out.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** An axis title for rows' unit and metric: `arrests (people)`, `arrests per day`. */
export function valueTitle(rows: readonly ChartRow[]): string {
  const unit = rows[0]?.unit;
  const metrics = [...new Set(rows.map((r) => r.metric).filter((m): m is string => m !== undefined))];
  const metric = metrics.length === 0 ? 'number' : metrics.join(' or ');
  switch (unit) {
    case 'people-per-day':
      return `${metric} per day`;
    case 'people-per-year':
      return `${metric} per year`;
    case 'percent':
      return `${metric} (percent)`;
    case 'people':
      return `${metric} (people)`;
    case 'people-average':
      return `${metric} (people, average)`;
    case 'days-average':
      return `${metric} (days, average)`;
    default:
      return metric;
  }
}
