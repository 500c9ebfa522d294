import { formatPath } from '@icestat/core/internal';

/** Where a JSON text stops being valid JSON, and what was expected there. */
export interface JsonSyntaxProblem {
  /** 0-based offset (UTF-16 code units) of the offending character. */
  readonly offset: number;
  /** What was expected and what arrived, e.g. `expected a value; got "}"`. */
  readonly what: string;
}

/** A key a JSON text must not hold, found while scanning. */
export interface JsonKeyProblem {
  /** Path of the key, e.g. `['operations', 0, '__proto__']`. */
  readonly path: readonly (string | number)[];
  /** 0-based offset of the key's opening quote. */
  readonly offset: number;
  /** For a duplicate key: offset of the first occurrence. */
  readonly firstOffset?: number;
}

/** The result of {@link scanJson}. */
export interface JsonScan {
  /** The first syntax error, if the text is not JSON. */
  readonly syntax?: JsonSyntaxProblem;
  /** Keys that occur twice in one object (`JSON.parse` silently keeps the last). */
  readonly duplicateKeys: readonly JsonKeyProblem[];
  /** `__proto__` keys, which could pollute object prototypes in code that merges the parsed value. */
  readonly protoKeys: readonly JsonKeyProblem[];
  /** With `offsets: true`: the offset where each value starts, by formatted path (`operations[0].figures[1]`). */
  readonly offsets?: ReadonlyMap<string, number>;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly what: string,
  ) {}
}

const numberRe = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const wordRe = /[A-Za-z0-9_$.+-]+/y;
const literals = ['true', 'false', 'null'] as const;

/**
 * Scans a JSON text without building values: finds the first syntax error with its offset and a
 * message that does not depend on the JavaScript engine, duplicate keys, `__proto__` keys, and
 * (optionally) where each value starts, so that errors found later can point at lines.
 *
 * @param text - The JSON text (without a byte-order mark).
 * @param options - `offsets: true` to record the offset of every value by path.
 * @returns What the scan found; `syntax` is undefined for valid JSON.
 * @throws Never.
 * @example
 * scanJson('{"a": }').syntax; // => { offset: 6, what: 'expected a value; got "}"' }
 */
export function scanJson(text: string, options: { readonly offsets?: boolean } = {}): JsonScan {
  const n = text.length;
  const duplicateKeys: JsonKeyProblem[] = [];
  const protoKeys: JsonKeyProblem[] = [];
  const offsets = options.offsets ? new Map<string, number>() : undefined;
  let pos = 0;

  const got = (at: number = pos): string => {
    if (at >= n) return 'the end of the text';
    if (text[at] === '"') {
      // A string shows as itself: got "publisher".
      const close = text.indexOf('"', at + 1);
      const literal = close === -1 || close - at > 30 ? `${text.slice(at, at + 24)}…` : text.slice(at, close + 1);
      return literal.replace(/[\n\r]/g, ' ');
    }
    wordRe.lastIndex = at;
    const word = wordRe.exec(text);
    const token = word ? word[0] : String.fromCodePoint(text.codePointAt(at) ?? 0);
    return JSON.stringify(token.length > 24 ? `${token.slice(0, 24)}…` : token);
  };
  const ws = (): void => {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
      else break;
    }
  };
  const string = (): string => {
    const start = pos;
    pos++;
    for (;;) {
      if (pos >= n) throw new Stop(start, 'a string is not closed: the text ends before its closing "');
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        pos++;
        return text.slice(start, pos);
      }
      if (c === 0x5c) {
        const e = text[pos + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) pos += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) pos += 6;
        else {
          const shown = e === undefined ? '\\' : `\\${e}`;
          throw new Stop(pos, `invalid escape ${JSON.stringify(shown)} in a string; expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`);
        }
      } else if (c < 0x20) {
        const code = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
        const hint = c === 0x0a ? '; write a line break as \\n' : c === 0x09 ? '; write a tab as \\t' : '';
        throw new Stop(pos, `a control character (${code}) inside a string${hint}`);
      } else pos++;
    }
  };
  const number = (): void => {
    const start = pos;
    numberRe.lastIndex = pos;
    const m = numberRe.exec(text);
    const end = m ? pos + m[0].length : pos;
    if (!m || /[0-9A-Za-z.+-]/.test(text[end] ?? '')) {
      wordRe.lastIndex = start;
      const token = wordRe.exec(text)?.[0] ?? text[start] ?? '';
      throw new Stop(start, `invalid number ${JSON.stringify(token)}; expected digits such as 12, -3.5 or 1e6`);
    }
    pos = end;
  };
  const value = (path: (string | number)[]): void => {
    ws();
    if (pos >= n) throw new Stop(pos, 'expected a value; got the end of the text');
    offsets?.set(formatPath(path), pos);
    const c = text[pos];
    if (c === '{') {
      object(path);
      return;
    }
    if (c === '[') {
      array(path);
      return;
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      number();
      return;
    }
    for (const lit of literals) {
      if (text.startsWith(lit, pos) && !/[A-Za-z0-9_$]/.test(text[pos + lit.length] ?? '')) {
        pos += lit.length;
        return;
      }
    }
    const quoteHint = c === "'" ? ' (JSON strings take double quotes)' : '';
    throw new Stop(pos, `expected a value; got ${got()}${quoteHint}`);
  };
  const object = (path: (string | number)[]): void => {
    pos++;
    ws();
    if (text[pos] === '}') {
      pos++;
      return;
    }
    const seen = new Map<string, number>();
    for (let first = true; ; first = false) {
      ws();
      if (text[pos] !== '"') {
        const trailing = !first && text[pos] === '}' ? ' (JSON allows no comma before "}")' : '';
        const expected = first ? 'a property name in double quotes or "}"' : 'a property name in double quotes after ","';
        throw new Stop(pos, `expected ${expected}; got ${got()}${trailing}`);
      }
      const keyOffset = pos;
      const raw = string();
      const key = JSON.parse(raw) as string;
      const earlier = seen.get(key);
      if (earlier !== undefined) duplicateKeys.push({ path: [...path, key], offset: keyOffset, firstOffset: earlier });
      else seen.set(key, keyOffset);
      if (key === '__proto__') protoKeys.push({ path: [...path, key], offset: keyOffset });
      ws();
      if (text[pos] !== ':') throw new Stop(pos, `expected ":" after the property name ${raw}; got ${got()}`);
      pos++;
      value([...path, key]);
      ws();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return;
      }
      throw new Stop(pos, `expected "," or "}" after the value of ${raw}; got ${got()}`);
    }
  };
  const array = (path: (string | number)[]): void => {
    pos++;
    ws();
    if (text[pos] === ']') {
      pos++;
      return;
    }
    for (let i = 0; ; i++) {
      value([...path, i]);
      ws();
      if (text[pos] === ',') {
        pos++;
        ws();
        if (text[pos] === ']') throw new Stop(pos, 'expected a value after ","; got "]" (JSON allows no comma before "]")');
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return;
      }
      throw new Stop(pos, `expected "," or "]" after an array item; got ${got()}`);
    }
  };

  try {
    value([]);
    ws();
    if (pos < n) throw new Stop(pos, `expected the end of the text after the JSON value; got ${got()}`);
  } catch (e) {
    if (e instanceof Stop) return { syntax: { offset: e.offset, what: e.what }, duplicateKeys, protoKeys };
    if (e instanceof RangeError) return { syntax: { offset: pos, what: 'the JSON nests too deeply to read' }, duplicateKeys, protoKeys };
    throw e;
  }
  return offsets ? { duplicateKeys, protoKeys, offsets } : { duplicateKeys, protoKeys };
}

/**
 * The 1-based line and column of an offset in a text. Lines break at LF, CRLF or a lone CR;
 * columns count Unicode code points, as editors do.
 *
 * @param text - The text.
 * @param offset - A 0-based offset in UTF-16 code units (clamped to the text).
 * @returns `{ line, column }`, both from 1.
 * @throws Never.
 * @example
 * lineColumn('{\n  "a": }', 9); // => { line: 2, column: 8 }
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return lineLocator(text)(offset);
}

/**
 * A locator of offsets in one text: the line starts (LF, CRLF, lone CR) and the surrogate pairs
 * are found once, then each offset is placed by binary search. Locating k offsets in a text of
 * n characters costs O(n + k log n), where calling {@link lineColumn} k times would cost O(k n).
 *
 * @param text - The text.
 * @returns A function from a 0-based UTF-16 offset (clamped) to its 1-based `{ line, column }`.
 * @throws Never.
 * @example
 * const at = lineLocator('a\r\nb\rc');
 * at(5); // => { line: 3, column: 1 }
 */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts: number[] = [0];
  const pairs: number[] = []; // offsets of the second halves of surrogate pairs
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) pairs.push(++i);
    }
  }
  /** How many values of a sorted list are below `x`. */
  const below = (list: readonly number[], x: number): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (offset) => {
    const end = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, text.length));
    const line = below(starts, end + 1); // starts at or before end
    const lineStart = starts[line - 1]!;
    // A surrogate pair is one character; an offset inside one counts the pair as passed.
    const column = end - lineStart + 1 - (below(pairs, end) - below(pairs, lineStart));
    return { line, column };
  };
}

/** The outcome of {@link parseJsonSafely}. */
export type SafeJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly offset: number; readonly what: string; readonly path?: readonly (string | number)[] };

/**
 * Parses JSON text, refusing what `JSON.parse` lets through silently: duplicate keys (the first
 * value would be lost) and `__proto__` keys (a prototype-pollution vector for code that merges
 * the result). Syntax errors come with an engine-independent offset and message.
 *
 * @param text - The JSON text.
 * @returns The value, or the first problem with its offset.
 * @throws Never.
 * @example
 * parseJsonSafely('{"a":1,"a":2}');
 * // => { ok: false, offset: 7, what: 'duplicate key "a" (its first value would be lost)', path: ['a'] }
 */
export function parseJsonSafely(text: string): SafeJsonResult {
  const scan = scanJson(text);
  if (scan.syntax) return { ok: false, offset: scan.syntax.offset, what: scan.syntax.what };
  const proto = scan.protoKeys[0];
  if (proto) return { ok: false, offset: proto.offset, what: protoKeyMessage, path: proto.path };
  const dup = scan.duplicateKeys[0];
  if (dup) {
    const key = dup.path[dup.path.length - 1];
    return { ok: false, offset: dup.offset, what: `duplicate key ${JSON.stringify(key)} (its first value would be lost)`, path: dup.path };
  }
  return { ok: true, value: JSON.parse(text) as unknown };
}

/** The message for a rejected `__proto__` key. */
export const protoKeyMessage = 'a "__proto__" key is not allowed (no icestat object has one, and it can pollute object prototypes)';
