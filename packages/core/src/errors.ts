import type * as z from 'zod';

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
export type IcestatErrorCode = 'invalid_input' | 'invalid_dataset' | 'insufficient_data' | 'not_determinable' | 'parse_error' | 'unsupported_encoding';

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
 * @param hints - The input that was parsed and the keys the model knows, so messages can say
 *   what arrived and suggest what was meant ({@link issueMessage}).
 * @returns One {@link IcestatIssue} per zod issue, its `path` formatted by {@link formatPath}.
 * @example
 * const r = quantitySchema.safeParse({ value: 5, unit: 'people', low: 6, high: 4 });
 * if (!r.success) toIcestatIssues(r.error.issues)[0]?.message;
 * // => 'low: must not exceed high (low 6, high 4)'
 */
export function toIcestatIssues(
  issues: readonly z.core.$ZodIssue[],
  hints: { readonly input?: unknown; readonly keys?: Iterable<string> } = {},
): IcestatIssue[] {
  return issues.flatMap((issue) => {
    const path = formatPath(issue.path);
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Every branch failed at the value itself (true/false or "unknown"): say all the forms.
      if (issue.errors.every((e) => e.length > 0 && e.every((x) => x.path.length === 0))) {
        const forms = issue.errors.flatMap((e) =>
          e.map((x) =>
            x.code === 'invalid_type'
              ? (expectedWords[x.expected] ?? x.expected)
              : x.code === 'invalid_value'
                ? x.values.map((v) => JSON.stringify(v)).join(' or ')
                : x.message,
          ),
        );
        const got = hints.input === undefined ? undefined : valueAt(hints.input, issue.path);
        return [
          { code: issue.code, path, message: `${path}: must be ${[...new Set(forms)].join(', or ')}${got === undefined ? '' : `; got ${typeName(got)}`}` },
        ];
      }
      // Otherwise the branch that got furthest into the value says what went wrong.
      const depth = (e: readonly z.core.$ZodIssue[]) => Math.max(...e.map((x) => x.path.length));
      const branch = [...issue.errors].filter((e) => e.length > 0).sort((a, b) => depth(b) - depth(a))[0];
      if (branch)
        return toIcestatIssues(
          branch.map((x) => ({ ...x, path: [...issue.path, ...x.path] })),
          hints,
        );
    }
    return [{ code: issue.code, path, message: `${path}: ${issueMessage(issue, hints)}` }];
  });
}

/**
 * Wraps a failed zod parse in an {@link IcestatError} with code `invalid_dataset` (or the code
 * given), keeping zod's error under `cause` and every issue, located, under `issues`.
 *
 * @param what - What was being parsed, for the message ("dataset", "figure").
 * @param error - The `ZodError` from `safeParse`.
 * @param code - The error code; `invalid_dataset` by default.
 * @param hints - The input and the known keys, for messages that say what arrived and what was meant.
 * @returns An error whose message lists the first few issues.
 * @example
 * const r = datasetSchema.safeParse({});
 * if (!r.success) throw schemaError('dataset', r.error);
 */
export function schemaError(
  what: string,
  error: z.core.$ZodError,
  code: IcestatErrorCode = 'invalid_dataset',
  hints: { readonly input?: unknown; readonly keys?: Iterable<string> } = {},
): IcestatError {
  const issues = toIcestatIssues(error.issues, hints);
  const shown = issues.slice(0, 5).map((i) => `  - ${i.message}`);
  const more = issues.length > 5 ? [`  … and ${issues.length - 5} more`] : [];
  const message = [`Invalid ${what}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, ...shown, ...more].join('\n');
  return new IcestatError(code, message, { cause: error, issues });
}

/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two short words. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The option a mistyped word most likely meant: the closest by edit distance, ignoring case,
 * spaces and dashes, when it is close enough (a third of the word's length, at least 1).
 *
 * @param input - What was written, e.g. `mexcio` or `evidnce`.
 * @param options - The words allowed.
 * @returns The suggestion, or `undefined` when nothing is close.
 * @example
 * closestWord('evidnce', ['evidence', 'source', 'note']); // => 'evidence'
 */
export function closestWord(input: string, options: Iterable<string>): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const x = norm(input);
  if (x === '') return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of options) {
    const d = editDistance(x, norm(option));
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(x.length / 3)) ? best : undefined;
}

/** What a zod error function is given; only the fields icestat reads. */
interface IssueLike {
  readonly code?: string;
  readonly input?: unknown;
}

/**
 * An error function for a closed vocabulary (`z.enum(values, { error })`): "is required" when
 * missing, else what arrived, "did you mean" (from `resolve`, which knows synonyms and full
 * names, or from spelling), and the allowed values.
 *
 * @param what - The vocabulary in words, e.g. "a qualifier".
 * @param options - The allowed values.
 * @param resolve - Maps other words for a value to it (`roughly` → `approximately`, `Salt Lake City` → `SLC`).
 * @returns The error function.
 * @example
 * const qualifierSchema = z.enum(['exact', 'approximately'], { error: vocabularyError('a qualifier', ['exact', 'approximately']) });
 * // "roughly" → 'must be a qualifier; got "roughly" — did you mean "approximately"? (one of exact, approximately)'
 */
export function vocabularyError(what: string, options: readonly string[], resolve?: (text: string) => string | undefined): (issue: IssueLike) => string {
  const list = options.length > 12 ? `${options.slice(0, 12).join(', ')}, …` : options.join(', ');
  return (issue) => {
    if (issue.input === undefined) return `is required: ${what} (one of ${list})`;
    if (typeof issue.input !== 'string') return `must be ${what}, written as text; got ${typeof issue.input} ${JSON.stringify(issue.input)}`;
    const text = issue.input;
    const meant = resolve?.(text) ?? closestWord(text, options);
    const hint = meant !== undefined && meant !== text ? ` — did you mean "${meant}"?` : '';
    return `must be ${what}; got "${text}"${hint} (one of ${list})`;
  };
}

/** zod's default wording of an issue, recognised so it can be replaced by icestat's. */
const zodDefault =
  /^(Invalid input|Invalid option|Invalid string|Invalid number|Unrecognized key|Too (small|big)|Invalid element|Invalid key|Invalid discriminator)/;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

const expectedWords: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  literal: 'the value given',
};

/**
 * A zod issue's message in icestat's words. Messages icestat wrote are kept; zod's defaults
 * ("Invalid input: expected string, received undefined", "Unrecognized key") are rewritten: "is
 * required", "must be text; got a number", "unknown key "evidnce" — did you mean "evidence"?".
 *
 * @param issue - A zod issue.
 * @param hints - The parsed input (to say what arrived) and the keys the model knows (for "did you mean").
 * @returns The message, without the path.
 * @example
 * issueMessage({ code: 'unrecognized_keys', keys: ['evidnce'], path: [], message: 'Unrecognized key: "evidnce"' }, { keys: ['evidence'] });
 * // => 'unknown key "evidnce" — did you mean "evidence"?'
 */
export function issueMessage(issue: z.core.$ZodIssue, hints: { readonly input?: unknown; readonly keys?: Iterable<string> } = {}): string {
  if (!zodDefault.test(issue.message)) return issue.message;
  const got = hints.input === undefined ? undefined : valueAt(hints.input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = hints.keys ? [...hints.keys] : [];
      return issue.keys
        .map((k) => {
          const meant = keys.length > 0 ? closestWord(k, keys) : undefined;
          return `unknown key "${k}"${meant ? ` — did you mean "${meant}"?` : ''}`;
        })
        .join('; ');
    }
    case 'invalid_type': {
      const want = expectedWords[issue.expected] ?? issue.expected;
      if (hints.input !== undefined && got === undefined) return `is required (${want})`;
      if (/received undefined/.test(issue.message)) return `is required (${want})`;
      return `must be ${want}${got === undefined ? '' : `; got ${typeName(got)}`}`;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      const meant = typeof got === 'string' ? closestWord(got, values) : undefined;
      return `must be ${values.length === 1 ? `"${values[0]}"` : `one of ${values.join(', ')}`}${got === undefined ? '' : `; got ${typeName(got)}`}${meant ? ` — did you mean "${meant}"?` : ''}`;
    }
    case 'invalid_union':
      return `matches none of the allowed forms${got === undefined ? '' : `; got ${typeName(got)}`}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`
        : issue.origin === 'string'
          ? 'must not be empty'
          : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `takes at most ${String(issue.maximum)} items`
        : issue.origin === 'string'
          ? `must be at most ${String(issue.maximum)} characters`
          : `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message.replace(/^Invalid input:?\s*/, 'is not valid: ');
  }
}
