import { tallyDimensions, type TallyDimension } from '@icestat/core';
import { UsageError } from './usage-error';

/** A dimension as the command line spells it: `fiscal-year`, `apprehension-type`. */
export function dimensionFlag(d: TallyDimension): string {
  return d.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** A dimension as a CSV column: `fiscal_year` (what R and pandas keep as it is). */
export function dimensionColumn(d: TallyDimension): string {
  return d.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Reads a dimension as typed: `fiscal-year`, `fiscal_year`, `fiscalYear` and `FY` all mean
 * `fiscalYear`.
 */
export function parseDimension(text: string, option: string, command: string): TallyDimension {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[-_\s]/g, '');
  const aliases: Readonly<Record<string, TallyDimension>> = { fy: 'fiscalYear', year: 'fiscalYear', country: 'citizenship', type: 'apprehensionType' };
  const found = tallyDimensions.find((d) => d.toLowerCase() === key) ?? aliases[key];
  if (!found) {
    throw new UsageError(`${option} ${JSON.stringify(text)}: expected one of ${tallyDimensions.map(dimensionFlag).join(', ')}`, command);
  }
  return found;
}
