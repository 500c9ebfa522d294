import { resolve } from 'node:path';
import type { InputSpec } from './engine';
import type { CliIo } from './io';
import { UsageError } from './usage-error';

/** A file argument and where to read it. */
export type Input = InputSpec & { readonly name: string };

const globChars = /[*?[\]{}]/;

/**
 * The files the arguments name: `-` is standard input (once), a pattern with `*`, `?`, `[…]` or
 * `{…}` is expanded (tinyglobby, sorted), anything else is a path as given.
 */
export async function expandInputs(args: readonly string[], io: CliIo, command: string): Promise<Input[]> {
  if (args.length === 0) throw new UsageError('expected a file (a path, a glob such as "data/*.csv", or - for standard input)', command);
  const out: Input[] = [];
  let stdin = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdin) throw new UsageError('standard input (-) can be read once only', command);
      stdin = true;
      out.push({ kind: 'stdin', stream: io.stdin, name: '(stdin)' });
    } else if (globChars.test(arg)) {
      const { glob } = await import('tinyglobby');
      const found = (await glob(arg, { cwd: io.cwd, onlyFiles: true, expandDirectories: false })).sort();
      if (found.length === 0) throw new UsageError(`no file matches ${JSON.stringify(arg)}`, command);
      for (const f of found) out.push({ kind: 'path', path: resolve(io.cwd, f), name: f });
    } else {
      out.push({ kind: 'path', path: resolve(io.cwd, arg), name: arg });
    }
  }
  return out;
}
