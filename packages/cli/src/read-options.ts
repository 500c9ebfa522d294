import { UsageError } from './usage-error';

/**
 * Reads `--header-row N`: the header's 1-based line.
 *
 * @param text - The option's value.
 * @param command - The command, for the usage error.
 * @returns The line number.
 */
export function parseHeaderRow(text: string, command: string): number {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--header-row ${JSON.stringify(text)}: expected the header's line, a whole number from 1`, command);
  }
  return n;
}

/**
 * Reads `--missing-values NA,NULL` (repeatable): the cells that mean "no value", besides blank.
 *
 * @param values - The option's values, each comma-separated.
 * @returns The cells, trimmed, empty ones left out.
 */
export function parseMissingValues(values: readonly string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
