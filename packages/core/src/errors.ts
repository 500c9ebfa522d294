import type { z } from 'zod';

const marker = Symbol.for('icestat.error');

/**
 * The codes an {@link IcestatError} can carry, so callers can branch without parsing messages.
 *
 * - `invalid_input`: a value breaks the domain model (a negative count, `low` above `high`, …).
 * - `invalid_dataset`: a dataset failed schema validation; `issues` lists every problem.
 * - `insufficient_data`: a statistic cannot be computed from what was given.
 * - `not_determinable`: the data cannot answer the question asked (e.g. a criminal share under a
 *   definition the breakdown does not separate).
 * - `parse_error`: text could not be parsed (loaders add `line` and `column`).
 * - `unsupported_encoding`: the input's encoding or format is not one icestat reads.
 */
export type IcestatErrorCode =
  | 'invalid_input'
  | 'invalid_dataset'
  | 'insufficient_data'
  | 'not_determinable'
  | 'parse_error'
  | 'unsupported_encoding';

/** Where in a file an error happened; loaders fill what they know. */
export interface ErrorLocation {
  /** File name, path or URL, when known. */
  readonly file?: string;
  /** 1-based line. */
  readonly line?: number;
  /** Column name (CSV header) or 1-based column number. */
  readonly column?: string | number;
  /** JSON path such as `operations[2].figures[0].quantity.low`. */
  readonly path?: string;
}

/** A located, human-readable problem, derived from a zod issue or raised by a loader. */
export interface IcestatIssue extends ErrorLocation {
  /** Machine-readable kind, zod's issue code where it came from zod. */
  readonly code: string;
  /** What failed and what was expected, written for a reader of the data. */
  readonly message: string;
}

/**
 * The one error class icestat throws. Recognise it with {@link IcestatError.isInstance}, which
 * works across duplicate installs and between the ESM and CJS builds (unlike `instanceof`).
 *
 * @example
 * try {
 *   quantity(-3);
 * } catch (e) {
 *   if (IcestatError.isInstance(e)) console.log(e.code); // => 'invalid_input'
 * }
 */
export class IcestatError extends Error {
  readonly [marker] = true;
  /** Located problems, one per failed check; empty when the error is not about data. */
  readonly issues: readonly IcestatIssue[];

  constructor(
    readonly code: IcestatErrorCode,
    message: string,
    options: { cause?: unknown; issues?: readonly IcestatIssue[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IcestatError';
    this.issues = options.issues ?? [];
  }

  /**
   * Whether a value is an icestat error, from any copy of the package.
   *
   * @param e - Anything caught.
   * @returns `true` when `e` was thrown by icestat.
   * @example
   * IcestatError.isInstance(new Error('x')); // => false
   */
  static isInstance(e: unknown): e is IcestatError {
    return typeof e === 'object' && e !== null && marker in e;
  }
}

/**
 * Formats a zod issue path the way a reader navigates JSON: `operations[2].figures[0].quantity`.
 *
 * @param path - A zod issue path.
 * @returns The dotted path with array indices in brackets; `(root)` for an empty path.
 * @example
 * formatPath(['operations', 2, 'figures', 0, 'quantity', 'low']);
 * // => 'operations[2].figures[0].quantity.low'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Turns zod's issues into located icestat issues with a journalist-readable message each.
 *
 * @param issues - `error.issues` of a failed zod parse.
 * @returns One {@link IcestatIssue} per zod issue, its `path` formatted by {@link formatPath}.
 * @example
 * const r = quantitySchema.safeParse({ value: 5, unit: 'people', low: 6, high: 4 });
 * if (!r.success) toIcestatIssues(r.error.issues)[0]?.message;
 * // => 'low: must not exceed high (low 6, high 4)'
 */
export function toIcestatIssues(issues: readonly z.core.$ZodIssue[]): IcestatIssue[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path);
    return { code: issue.code, path, message: `${path}: ${issue.message}` };
  });
}

/**
 * Wraps a failed zod parse in an {@link IcestatError} with code `invalid_dataset` (or the code
 * given), keeping zod's error under `cause` and every issue, located, under `issues`.
 *
 * @param what - What was being parsed, for the message ("dataset", "figure").
 * @param error - The `ZodError` from `safeParse`.
 * @param code - The error code; `invalid_dataset` by default.
 * @returns An error whose message lists the first few issues.
 * @example
 * const r = datasetSchema.safeParse({});
 * if (!r.success) throw schemaError('dataset', r.error);
 */
export function schemaError(
  what: string,
  error: z.core.$ZodError,
  code: IcestatErrorCode = 'invalid_dataset',
): IcestatError {
  const issues = toIcestatIssues(error.issues);
  const shown = issues.slice(0, 5).map((i) => `  - ${i.message}`);
  const more = issues.length > 5 ? [`  … and ${issues.length - 5} more`] : [];
  const message = [`Invalid ${what}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, ...shown, ...more].join('\n');
  return new IcestatError(code, message, { cause: error, issues });
}
