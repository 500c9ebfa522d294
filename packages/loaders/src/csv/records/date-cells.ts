// Date cells are most of the per-cell work of a record file: removals carry four date columns,
// and a date column holds thousands of distinct days (too many for the cell cache, which keeps a
// few hundred spellings). This module reads the shapes releases actually write — `YYYY-MM-DD`,
// `YYYY-MM-DD HH:MM[:SS]`, `M/D/YYYY`, `M/D/YYYY H:MM[ AM]` — where the cell lies in its chunk, by
// char codes: no slice, no trim, no regular expression, and the ISO text of each day built once.
// It answers only for a cell that is such a date; anything else (blank, a FOIA marker, ICE's
// `01/01/0001`, an offset after the time, a typo) is left to the general path, which decides.

const DIGIT_0 = 48;
const DASH = 45;
const SLASH = 47;
const COLON = 58;
const DOT = 46;
const SPACE = 32;
const UPPER_T = 84;

/** The value of `len` digits at `at` (all before `end`), or -1. */
function digitsIn(s: string, at: number, len: number, end: number): number {
  if (at + len > end) return -1;
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const d = s.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** A day that exists in years 1000–2999: the years a record's date may have. */
function isRealDay(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  if (m === 2) return d <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
  return d <= (m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_0 + 9;
}

/**
 * Whether `s[at..end)` is a time of day as a date cell may carry it: `H:MM`, `HH:MM`, `HH:MM:SS`,
 * `HH:MM:SS.fff`, and with `amPm` a trailing `AM`/`PM` (one space before it optional).
 */
function isTimeIn(s: string, at: number, end: number, amPm: boolean): boolean {
  let i = at;
  if (i >= end || !isDigit(s.charCodeAt(i))) return false;
  let h = s.charCodeAt(i) - DIGIT_0;
  i++;
  if (i < end && isDigit(s.charCodeAt(i))) {
    h = h * 10 + s.charCodeAt(i) - DIGIT_0;
    i++;
  }
  if (i >= end || s.charCodeAt(i) !== COLON) return false;
  const m = digitsIn(s, i + 1, 2, end);
  if (m < 0 || m > 59) return false;
  i += 3;
  if (i < end && s.charCodeAt(i) === COLON) {
    const sec = digitsIn(s, i + 1, 2, end);
    if (sec < 0 || sec > 59) return false;
    i += 3;
    if (i < end && s.charCodeAt(i) === DOT) {
      i++;
      const from = i;
      while (i < end && isDigit(s.charCodeAt(i))) i++;
      if (i === from) return false;
    }
  }
  if (amPm && i < end) {
    if (s.charCodeAt(i) === SPACE) i++;
    if (i + 1 >= end) return false;
    const a = s.charCodeAt(i) | 0x20;
    if ((a !== 97 /* a */ && a !== 112) /* p */ || (s.charCodeAt(i + 1) | 0x20) !== 109 /* m */ || h < 1 || h > 12) return false;
    h = (h % 12) + (a === 112 ? 12 : 0);
    i += 2;
  }
  return i === end && h <= 23;
}

// The ISO text of each day, built once: a direct-mapped table keyed by year × 512 + month × 32 + day,
// which holds 128 consecutive years without two days sharing a slot.
const DAY_SLOTS = 1 << 16;
const dayKeys = new Int32Array(DAY_SLOTS);
const dayTexts: string[] = new Array<string>(DAY_SLOTS).fill('');

/** The ISO text of a day, or `undefined` when it does not exist (only days that do are kept). */
function isoDay(y: number, m: number, d: number): string | undefined {
  // Parts out of range could alias another day's key: only in-range parts are looked up.
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2999) return undefined;
  const key = (y << 9) | (m << 5) | d;
  const slot = key & (DAY_SLOTS - 1);
  if (dayKeys[slot] === key) return dayTexts[slot]!;
  if (!isRealDay(y, m, d)) return undefined;
  const iso = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  dayKeys[slot] = key;
  dayTexts[slot] = iso;
  return iso;
}

/**
 * The ISO day of a date cell read where it lies, for the shapes releases write: ISO
 * `YYYY-MM-DD`, optionally followed by a space or `T` and a time, or US `M/D/YYYY`, optionally
 * followed by a space and a time (`9:49`, `9:49 PM`). The day must exist and its year be
 * 1000–2999, and a time must be valid; the cell must have no white space around it. Gives the
 * value {@link recordDate} gives for such a cell (it is a fast path of it, not another rule).
 *
 * @param text - The text holding the cell.
 * @param start - The cell's first offset.
 * @param end - The offset after its last character.
 * @returns The day as `YYYY-MM-DD`, or `undefined` when the cell is not one of those shapes (the
 *   caller then reads it the general way, which may still accept it, call it missing or redacted,
 *   or reject it).
 * @example
 * dateCellAt('x,10/1/2015,y', 2, 11); // => '2015-10-01'
 * dateCellAt('2015-10-26 09:49:00', 0, 19); // => '2015-10-26'
 * dateCellAt('01/01/0001', 0, 10); // => undefined
 */
export function dateCellAt(text: string, start: number, end: number): string | undefined {
  const len = end - start;
  if (len < 8 || !isDigit(text.charCodeAt(start))) return undefined;
  if (len >= 10 && text.charCodeAt(start + 4) === DASH && text.charCodeAt(start + 7) === DASH) {
    const y = digitsIn(text, start, 4, end);
    const m = digitsIn(text, start + 5, 2, end);
    const d = digitsIn(text, start + 8, 2, end);
    if (len > 10) {
      const sep = text.charCodeAt(start + 10);
      if ((sep !== SPACE && sep !== UPPER_T) || !isTimeIn(text, start + 11, end, false)) return undefined;
    }
    return isoDay(y, m, d);
  }
  // US M/D/YYYY: one or two digits of month and of day.
  let i = start;
  let m = text.charCodeAt(i++) - DIGIT_0;
  if (isDigit(text.charCodeAt(i))) m = m * 10 + text.charCodeAt(i++) - DIGIT_0;
  if (text.charCodeAt(i) !== SLASH) return undefined;
  i++;
  if (!isDigit(text.charCodeAt(i))) return undefined;
  let d = text.charCodeAt(i++) - DIGIT_0;
  if (isDigit(text.charCodeAt(i))) d = d * 10 + text.charCodeAt(i++) - DIGIT_0;
  if (text.charCodeAt(i) !== SLASH) return undefined;
  const y = digitsIn(text, i + 1, 4, end);
  i += 5;
  if (i < end && (text.charCodeAt(i) !== SPACE || !isTimeIn(text, i + 1, end, true))) return undefined;
  return isoDay(y, m, d);
}

/**
 * Whether the fast date path may be used with these missing-value markers: only when none of
 * them could be a date (none starts with a digit), so that a cell the fast path reads as a day
 * is never one the caller asked to treat as missing.
 *
 * @param markers - The read's `missingValues`, or `undefined` for the defaults (none a date).
 * @returns `true` when {@link dateCellAt} may answer before the missing-value check.
 * @example
 * dateFastPathAllowed(['NA', 'NULL']); // => true
 * dateFastPathAllowed(['1900-01-01']); // => false
 */
export function dateFastPathAllowed(markers: readonly string[] | undefined): boolean {
  return markers === undefined || !markers.some((m) => isDigit(m.trim().charCodeAt(0)));
}
