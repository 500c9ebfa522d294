import { parseArgs } from 'node:util';
import { UsageError } from './usage-error';

/** Options every command takes. */
export const commonOptions = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const;

type Config = Parameters<typeof parseArgs>[0] & object;

/**
 * Parses a command's arguments with node's `util.parseArgs` (strict: an unknown option is an
 * error; `--no-X` negates a boolean), turning its errors into {@link UsageError}s that name the
 * command. Pass the command's options merged with {@link commonOptions}.
 */
export function parseCommandArgs<const T extends Config>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>(config);
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/\. To specify a positional argument starting with a '-'.*$/s, '') : String(e);
    throw new UsageError(message, command);
  }
}

/** Splits comma-separated and repeated values: `--by aor,fiscal-year --by gender` → three. */
export function listValues(values: string | readonly string[] | undefined): string[] {
  const all = values === undefined ? [] : typeof values === 'string' ? [values] : values;
  return all
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
