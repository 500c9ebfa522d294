/**
 * @icestat/cli — the `icestat` command: tally record-level ICE releases, inspect a file, audit,
 * validate and chart icestat datasets from a terminal. The package root lets a program run the
 * command in-process, with its own streams.
 *
 * @packageDocumentation
 */
import { main } from './cli';
import type { CliIo } from './io';

export type { CliIo, OutStream } from './io';
export { processIo } from './io';

/**
 * Runs the `icestat` command in this process, as the bin would.
 *
 * @param argv - The arguments after `icestat`, e.g. `['tally', 'arrests.csv', '--by', 'aor']`.
 * @param io - Streams, environment and working directory; the process's own by default.
 * @returns The exit code: 0 fine, 1 the data has errors (audit, validate), 2 bad input or usage,
 *   130 interrupted.
 * @example
 * const code = await runIcestat(['audit', 'icestat-dataset.json', '--json']);
 * code; // => 0
 */
export function runIcestat(argv: readonly string[], io?: CliIo): Promise<number> {
  return main(argv, io);
}
