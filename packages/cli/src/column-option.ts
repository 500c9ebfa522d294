import { recordFieldNames } from './engine';
import { UsageError } from './usage-error';

/**
 * Reads `--column HEADER=FIELD` values into a column map (`extra` keeps a column unread).
 *
 * @param values - The option's values.
 * @param command - The command, for the usage error.
 * @returns Header → field (or `null`).
 */
export function parseColumnsOption(values: readonly string[], command: string): Record<string, string | null> {
  const columns: Record<string, string | null> = {};
  for (const c of values) {
    const eq = c.lastIndexOf('=');
    const field = c.slice(eq + 1).trim();
    if (eq <= 0 || (field !== 'extra' && !recordFieldNames.includes(field))) {
      throw new UsageError(`--column ${JSON.stringify(c)}: expected HEADER=FIELD, FIELD one of ${recordFieldNames.join(', ')}, or extra`, command);
    }
    columns[c.slice(0, eq).trim()] = field === 'extra' ? null : field;
  }
  return columns;
}
