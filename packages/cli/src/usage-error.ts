/**
 * A mistake in how the command was called (an unknown option, a missing file argument): exit code
 * 2, and a pointer to `--help` instead of a stack trace.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point to, when there is one. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes: 0 fine, 1 the data has errors (audit, validate), 2 bad input or usage, 130 interrupted. */
export const exitCodes = Object.freeze({ ok: 0, dataErrors: 1, badInput: 2, interrupted: 130 });
