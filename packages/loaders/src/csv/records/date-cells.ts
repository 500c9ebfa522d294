// Date cells are most of the per-cell work of a record file: removals carry four date columns,
// and a date column holds thousands of distinct days (too many for the cell cache, which keeps a
// few hundred spellings). This module reads the shapes releases actually write — `YYYY-MM-DD`,
// `YYYY-MM-DD HH:MM[:SS]`, `M/D/YYYY`, `M/D/YYYY H:MM[ AM]` — where the cell lies in its chunk, by
// char codes: no slice, no trim, no regular expression, and the ISO text of each day built once.
// It answers only for a cell that is such a date; anything else (blank, a FOIA marker, ICE's
// `01/01/0001`, an offset after the time, a typo) is left to the general path, which decides.

export const DIGIT_0 = 48;
export const DASH = 45;
const SLASH = 47;
const COLON = 58;
export const DOT = 46;
export const SPACE = 32;
export const UPPER_T = 84;

// The character-level date reading shared by the normalisers (whole cells, `end` = the cell's
// length) and the in-place reader below (a cell inside its chunk, `end` = where the cell ends).

/** The value of `len` decimal digits at `at` (all before `end`), or -1 when any of them is not a digit. */
export function digits(s: string, at: number, len: number, end = s.length): number {
  if (at + len > end) return -1;
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const d = s.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** A day that exists in years 1000–2999: the years a record's date may have (`0215` or `9999` is a typo or a sentinel). */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  if (m === 2) return d <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
  return d <= (m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_0 + 9;
}

/**
 * Parses a time of day in `s[at..end)`: `H:MM`, `HH:MM`, `HH:MM:SS`, `HH:MM:SS.fff`, and with
 * `amPm` a trailing `AM`/`PM` (one space before it optional). Returns seconds since midnight times
 * 2, plus 1 when seconds were written (so formatting can keep the writer's precision), or -1 when
 * the text is not a time. A number, so validating allocates nothing.
 */
export function parseTime(s: string, at: number, amPm: boolean, end = s.length): number {
  let i = at;
  if (i >= end || !isDigit(s.charCodeAt(i))) return -1;
  let h = s.charCodeAt(i) - DIGIT_0;
  i++;
  if (i < end && isDigit(s.charCodeAt(i))) {
    h = h * 10 + s.charCodeAt(i) - DIGIT_0;
    i++;
  }
  if (i >= end || s.charCodeAt(i) !== COLON) return -1;
  const m = digits(s, i + 1, 2, end);
  if (m < 0 || m > 59) return -1;
  i += 3;
  let sec = 0;
  let withSeconds = 0;
  if (i < end && s.charCodeAt(i) === COLON) {
    sec = digits(s, i + 1, 2, end);
    if (sec < 0 || sec > 59) return -1;
    withSeconds = 1;
    i += 3;
    if (i < end && s.charCodeAt(i) === DOT) {
      i++;
      const from = i;
      while (i < end && isDigit(s.charCodeAt(i))) i++;
      if (i === from) return -1;
    }
  }
  if (amPm && i < end) {
    if (s.charCodeAt(i) === SPACE) i++;
    if (i + 1 >= end) return -1;
    const a = s.charCodeAt(i) | 0x20;
    if ((a !== 97 /* a */ && a !== 112) /* p */ || (s.charCodeAt(i + 1) | 0x20) !== 109 /* m */ || h < 1 || h > 12) return -1;
    h = (h % 12) + (a === 112 ? 12 : 0);
    i += 2;
  }
  if (i !== end || h > 23) return -1;
  return ((h * 60 + m) * 60 + sec) * 2 + withSeconds;
}

/**
 * Reads a US `M/D/YYYY` date starting at `start` (one or two digits of month and of day, four of
 * year), writing y, m, d to `out`. Returns where the date ends (its time, if any, starts after one
 * space), or -1. The day is not checked: see {@link isRealDay}.
 */
export function parseUsDate(s: string, out: Int32Array, start = 0, end = s.length): number {
  let i = start;
  let m = 0;
  let d = 0;
  for (; i < end && i < start + 2 && isDigit(s.charCodeAt(i)); i++) m = m * 10 + s.charCodeAt(i) - DIGIT_0;
  if (i === start || i >= end || s.charCodeAt(i) !== SLASH) return -1;
  const dayAt = ++i;
  for (; i < end && i < dayAt + 2 && isDigit(s.charCodeAt(i)); i++) d = d * 10 + s.charCodeAt(i) - DIGIT_0;
  if (i === dayAt || i >= end || s.charCodeAt(i) !== SLASH) return -1;
  const y = digits(s, i + 1, 4, end);
  if (y < 0) return -1;
  out[0] = y;
  out[1] = m;
  out[2] = d;
  return i + 5;
}

// The ISO text of each day, built once: a direct-mapped table keyed by year × 512 + month × 32 + day,
// which holds 128 consecutive years without two days sharing a slot.
/** Slots of the day table: {@link dateCellSlot} gives 0 … DAY_SLOTS − 1. */
export const DAY_SLOTS = 1 << 16;
const dayKeys = new Int32Array(DAY_SLOTS);
const dayTexts: string[] = new Array<string>(DAY_SLOTS).fill('');

/** The slot holding the ISO text of a day, or -1 when the day does not exist (only days that do are kept). */
function daySlot(y: number, m: number, d: number): number {
  // Parts out of range could alias another day's key: only in-range parts are looked up.
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2999) return -1;
  const key = (y << 9) | (m << 5) | d;
  const slot = key & (DAY_SLOTS - 1);
  if (dayKeys[slot] === key) return slot;
  if (!isRealDay(y, m, d)) return -1;
  dayKeys[slot] = key;
  dayTexts[slot] = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  return slot;
}

/**
 * The ISO day of a date cell read where it lies, for the shapes releases write: ISO
 * `YYYY-MM-DD`, optionally followed by a space or `T` and a time, or US `M/D/YYYY`, optionally
 * followed by a space and a time (`9:49`, `9:49 PM`). The day must exist and its year be
 * 1000–2999, and a time must be valid; the cell must have no white space around it. Gives, as a
 * slot of the day table, the value {@link recordDate} gives for such a cell (it is a fast path of
 * it, not another rule). Read the day with {@link dayText} at once: a slot may be given to another
 * day later (two days 128 years apart share one), so a slot says which day only until the next
 * date is read.
 *
 * @param text - The text holding the cell.
 * @param start - The cell's first offset.
 * @param end - The offset after its last character.
 * @returns The slot, or -1 when the cell is not one of those shapes (the caller then reads it the
 *   general way, which may still accept it, call it missing or redacted, or reject it).
 * @example
 * dayText(dateCellSlot('x,10/1/2015,y', 2, 11)); // => '2015-10-01'
 * dayText(dateCellSlot('2015-10-26 09:49:00', 0, 19)); // => '2015-10-26'
 * dateCellSlot('01/01/0001', 0, 10); // => -1
 */
export function dateCellSlot(text: string, start: number, end: number): number {
  const len = end - start;
  if (len < 8 || !isDigit(text.charCodeAt(start))) return -1;
  if (len >= 10 && text.charCodeAt(start + 4) === DASH && text.charCodeAt(start + 7) === DASH) {
    if (len > 10) {
      const sep = text.charCodeAt(start + 10);
      if ((sep !== SPACE && sep !== UPPER_T) || parseTime(text, start + 11, false, end) < 0) return -1;
    }
    return daySlot(digits(text, start, 4, end), digits(text, start + 5, 2, end), digits(text, start + 8, 2, end));
  }
  const after = parseUsDate(text, usDay, start, end);
  if (after < 0 || (after < end && (text.charCodeAt(after) !== SPACE || parseTime(text, after + 1, true, end) < 0))) return -1;
  return daySlot(usDay[0]!, usDay[1]!, usDay[2]!);
}

/**
 * The ISO text (`YYYY-MM-DD`) in a slot {@link dateCellSlot} gave: one string per day, built once.
 *
 * @param slot - A slot from {@link dateCellSlot} (not -1).
 * @returns The day.
 * @example
 * dayText(dateCellSlot('2015-10-26 09:49:00', 0, 19)); // => '2015-10-26'
 */
export function dayText(slot: number): string {
  return dayTexts[slot]!;
}

const usDay = new Int32Array(3);

/**
 * Whether the fast date path may be used with these missing-value markers: only when none of
 * them could be a date (none starts with a digit), so that a cell the fast path reads as a day
 * is never one the caller asked to treat as missing.
 *
 * @param markers - The read's `missingValues`, or `undefined` for the defaults (none a date).
 * @returns `true` when {@link dateCellSlot} may answer before the missing-value check.
 * @example
 * dateFastPathAllowed(['NA', 'NULL']); // => true
 * dateFastPathAllowed(['1900-01-01']); // => false
 */
export function dateFastPathAllowed(markers: readonly string[] | undefined): boolean {
  return markers === undefined || !markers.some((m) => isDigit(m.trim().charCodeAt(0)));
}
