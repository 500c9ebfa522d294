import { IcestatError } from '@icestat/core';

/** Node's error codes for a file that is not there or not readable, in words. */
const systemErrors: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EPIPE: 'the output was closed',
};

/**
 * An error in one or two plain lines for the terminal: the message (an icestat error's first
 * lines, located), and the stack only when debugging.
 */
export function describeError(e: unknown, debug: boolean): string {
  let text: string;
  if (IcestatError.isInstance(e)) {
    const lines = e.message.split('\n');
    text = lines.length > 2 ? `${lines[0]}\n(${lines.length - 1} more lines: run with --debug to see them all)` : e.message;
    // The library speaks of options; on the command line they are flags.
    text = text.replace(/pass \{ encoding: '([\w-]+)' \}/g, 'pass --encoding $1').replace(/\{ encoding: '([\w-]+)' \}/g, '--encoding $1');
    // The library speaks of options; on the command line they are flags.
    if (e.code === 'not_determinable' && lines.length === 1)
      text += '\non the command line: map a column with --column "HEADER=FIELD", or leave the dimension out of --by (`icestat inspect FILE` lists the columns)';
  } else if (e instanceof Error && 'code' in e && typeof e.code === 'string' && systemErrors[e.code]) {
    const path = 'path' in e && typeof e.path === 'string' ? e.path : undefined;
    text = path ? `${path}: ${systemErrors[e.code]}` : `${systemErrors[e.code]} (${e.message})`;
  } else {
    text = e instanceof Error ? e.message : String(e);
    if (!debug) text += '\n(this looks like a bug in icestat: run again with --debug and report the output)';
  }
  const stack = debug && e instanceof Error && e.stack ? `\n${IcestatError.isInstance(e) ? `${e.message}\n` : ''}${e.stack}` : '';
  return `icestat: ${text.replaceAll('\n', '\nicestat: ')}${stack}\n`;
}
