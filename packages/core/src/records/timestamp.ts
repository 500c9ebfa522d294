import { isRealDate } from '../model/calendar';

/** A date as a record holds it, and the time of day when the cell gave one. */
export interface RecordDateParts {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `HH:MM` or `HH:MM:SS` as written (fractions of a second dropped); absent when none, or midnight. */
  readonly time?: string;
}

const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s?(?:Z|[+-]\d{2}(?::?\d{2})?))?)?$/;
const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?: ?([AaPp][Mm]))?)?$/;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Reads a date or timestamp cell of a record-level release: `2024-06-27`, `2024-06-27 12:50:00`,
 * `2024-06-27 12:50:00+00` (R and Postgres exports), `2024-06-27T12:50:00Z` (JSON, Arrow),
 * `2024-06-27T12:50:00.000-05:00`, and ICE's US `6/27/2024` with an optional `12:50 PM`. The
 * date and time are kept as written: an offset is checked but not applied, because the releases
 * record ICE's local times and the offset is what a later export appended.
 *
 * @param text - The cell (surrounding spaces ignored).
 * @returns The ISO date and the time of day (absent at midnight), or `undefined` when the text is
 *   not a date that exists in the years 1000 to 2999 (ICE's `01/01/0001` means no date).
 * @example
 * parseRecordDate('2024-06-27 12:50:00+00'); // => { date: '2024-06-27', time: '12:50:00' }
 * parseRecordDate('2024-06-27T12:50:00Z'); // => { date: '2024-06-27', time: '12:50:00' }
 * parseRecordDate('10/1/2015'); // => { date: '2015-10-01' }
 * parseRecordDate('2023-02-29'); // => undefined
 */
export function parseRecordDate(text: string): RecordDateParts | undefined {
  const s = text.trim();
  let y: number;
  let mo: number;
  let d: number;
  let h: number | undefined;
  let mi: number | undefined;
  let sec: string | undefined;
  const m = iso.exec(s);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined) [h, mi, sec] = [Number(m[4]), Number(m[5]), m[6]];
  } else {
    const u = us.exec(s);
    if (!u) return undefined;
    [mo, d, y] = [Number(u[1]), Number(u[2]), Number(u[3])];
    if (u[4] !== undefined) {
      [h, mi, sec] = [Number(u[4]), Number(u[5]), u[6]];
      const ampm = u[7]?.toLowerCase();
      if (ampm !== undefined) {
        if (h < 1 || h > 12) return undefined;
        h = (h % 12) + (ampm === 'pm' ? 12 : 0);
      }
    }
  }
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  // Four-digit years from 1000 to 2999: `0001` is ICE's missing-date sentinel, `0215` a typo.
  if (y < 1000 || y > 2999 || !isRealDate(date)) return undefined;
  if (h === undefined || mi === undefined) return { date };
  if (h > 23 || mi > 59 || (sec !== undefined && Number(sec) > 59)) return undefined;
  if (h === 0 && mi === 0 && (sec === undefined || Number(sec) === 0)) return { date };
  return { date, time: `${pad(h)}:${pad(mi)}${sec === undefined ? '' : `:${sec}`}` };
}
