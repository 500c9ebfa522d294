// The entry the bin runs. Kept small on purpose: `icestat --version` and `icestat --help` load
// nothing else, and each command's module (with the loaders, vega, …) is imported only when
// that command runs.
import { readFileSync } from 'node:fs';
import { processIo, type CliIo } from './io';
import { exitCodes, UsageError } from './usage-error';

/** The commands, each in its own lazily loaded module. */
const commands = {
  tally: () => import('./commands/tally'),
  inspect: () => import('./commands/inspect'),
  audit: () => import('./commands/audit'),
  validate: () => import('./commands/validate'),
  chart: () => import('./commands/chart'),
} as const;
type CommandName = keyof typeof commands;

const topHelp = `icestat — tally, inspect, audit and chart immigration-enforcement data

Usage: icestat <command> [options]

Commands:
  tally FILE...      count the records of a record-level release by AOR, fiscal year, …
  inspect FILE       show how icestat reads a file: header, columns, a sample, row counts
  audit DATASET      recompute every claim and breakdown of an icestat dataset
  validate DATASET   check a dataset: schema, cross-references, evidence in the source texts
  chart DATASET      write SVG and Vega-Lite charts and a report.html for a dataset

Options:
  -h, --help         help (also after a command: icestat tally --help)
  -V, --version      the version of icestat
  --debug            show the stack trace of an error

Examples:
  icestat tally arrests.csv --by aor,fiscal-year
  icestat inspect arrests.csv
  icestat audit icestat-dataset.json

Exit codes: 0 fine · 1 the data has errors (audit, validate) · 2 bad input or usage · 130 interrupted.
Colour is off when NO_COLOR is set or the output is not a terminal.
`;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(commands, name);
}

/**
 * Writes an error for a reader: one or two plain lines (what went wrong, what to do), the stack
 * only with `--debug`.
 */
async function reportError(e: unknown, io: CliIo, debug: boolean): Promise<number> {
  if (e instanceof UsageError) {
    io.stderr.write(`icestat: ${e.message}\nicestat: see \`icestat ${e.command ? `${e.command} ` : ''}--help\`\n`);
    return exitCodes.badInput;
  }
  const { describeError } = await import('./describe-error');
  io.stderr.write(describeError(e, debug));
  return exitCodes.badInput;
}

/**
 * Runs the `icestat` command with the given arguments (without `node` and the script).
 *
 * @param argv - The arguments, e.g. `['tally', 'arrests.csv', '--by', 'aor']`.
 * @param io - Where to write and read; the process's own by default.
 * @returns The exit code: 0 fine, 1 data errors found, 2 bad input or usage, 130 interrupted.
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-V') {
      io.stdout.write(`${version()}\n`);
      return exitCodes.ok;
    }
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      if (first === 'help' && isCommand(rest[0])) return await (await commands[rest[0]]()).run(['--help'], io);
      io.stdout.write(topHelp);
      return first === undefined ? exitCodes.badInput : exitCodes.ok;
    }
    if (!isCommand(first)) {
      throw new UsageError(
        first.startsWith('-')
          ? `unknown option ${first} before the command`
          : `unknown command "${first}"; expected one of ${Object.keys(commands).join(', ')}`,
      );
    }
    const command = await commands[first]();
    return await command.run(rest, io);
  } catch (e) {
    return reportError(e, io, debug);
  }
}
