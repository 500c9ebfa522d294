import type { Readable, Writable } from 'node:stream';

/** A stream the command writes to, with what Node knows of the terminal behind it. */
export type OutStream = Pick<Writable, 'write'> & { readonly isTTY?: boolean; readonly columns?: number };

/**
 * What a run of the command talks to: its output streams, standard input, the environment and the
 * working directory. The bin passes the process's own; tests pass buffers.
 */
export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * The process's own streams, environment and working directory.
 *
 * @returns A {@link CliIo} for `process`.
 * @example
 * const code = await runIcestat(['--version'], processIo());
 */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** Whether colour may be written to a stream: a terminal, and `NO_COLOR` unset or empty (no-color.org). */
export function colourAllowed(stream: OutStream, env: CliIo['env']): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}
