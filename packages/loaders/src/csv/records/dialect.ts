/** The delimiters auto-detection chooses from, in order of preference on a tie. */
export const detectableDelimiters = [',', ';', '\t', '|'] as const;

/** How a CSV file is written: its delimiter and line end. */
export interface CsvDialect {
  readonly delimiter: string;
  /** `\n` for LF and CRLF files, `\r` for old Mac files that end lines with a lone CR. */
  readonly eol: '\n' | '\r';
}

/** Text longer than this without a line break is judged on what there is (64 Ki characters). */
export const DETECT_LIMIT = 1 << 16;

/**
 * Guesses a file's delimiter and line end from its first non-blank line: the delimiter that
 * occurs most often outside quotes (`,` `;` tab `|`, that order on a tie; `,` when none does).
 * Counting beats uDSV's "first one found" on headers such as `Site (a|b),County`.
 *
 * @param text - The start of the file.
 * @param eof - Whether `text` is the whole file.
 * @param delimiter - A delimiter the caller already knows; only the line end is detected then.
 * @returns The dialect, or `undefined` when `text` does not yet hold a whole first line.
 * @example
 * detectDialect('Apprehension Date;Apprehension AOR\r\n2017-09-25;PHI\r\n', false);
 * // => { delimiter: ';', eol: '\n' }
 */
export function detectDialect(text: string, eof: boolean, delimiter?: string): CsvDialect | undefined {
  // Skip leading blank lines; the header is the first line with something on it.
  let start = 0;
  for (;;) {
    let i = start;
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) break;
    start = i + 1;
  }
  const lf = text.indexOf('\n', start);
  const cr = text.indexOf('\r', start);
  let end: number;
  let eol: '\n' | '\r' = '\n';
  if (cr !== -1 && (lf === -1 || cr < lf)) {
    if (cr + 1 >= text.length && !eof && text.length < DETECT_LIMIT) return undefined; // CR or CRLF?
    end = cr;
    if (text.charCodeAt(cr + 1) !== 10) eol = '\r';
  } else if (lf !== -1) {
    end = lf;
  } else {
    if (!eof && text.length < DETECT_LIMIT) return undefined;
    end = text.length;
  }
  if (delimiter !== undefined) return { delimiter, eol };
  const counts = [0, 0, 0, 0];
  let quoted = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      const k = (detectableDelimiters as readonly string[]).indexOf(c!);
      if (k !== -1) counts[k]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  return { delimiter: detectableDelimiters[best]!, eol };
}
