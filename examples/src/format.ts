import type { Estimate, Quantity } from '@icestat/core';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

const unitSuffix: Record<string, string> = {
  percent: '%',
  'percent-change': '%',
  'people-per-day': '/day',
  'people-per-year': '/year',
  ratio: '×',
  days: ' days',
};

function num(x: number, unit: string): string {
  return unit === 'people' || unit === 'count' || unit === 'days' ? whole.format(x) : one.format(x);
}

/** `nearly 500 [450–500]`, `48.0% [47.9–48.1]`, `9.2/day`. */
export function formatEstimate(e: Estimate | Quantity): string {
  const suffix = unitSuffix[e.unit] ?? '';
  const qualifier = 'qualifier' in e && e.qualifier !== 'exact' ? `${e.qualifier.replace('-', ' ')} ` : '';
  const point = `${qualifier}${num(e.value, e.unit)}${suffix}`;
  if (e.low === e.high && e.low === e.value) return point;
  return `${point} [${num(e.low, e.unit)}–${num(e.high, e.unit)}]`;
}
