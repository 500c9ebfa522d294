// Excel's cell values as JavaScript values: serial numbers to dates by the cell's number format,
// under the 1900 date system (with Lotus 1-2-3's leap-year bug) or the 1904 one.

/** A cell's value: text, a number, a boolean, a date (its UTC fields are the sheet's wall-clock date and time), or `null` for an empty cell. Error cells (`#N/A`, …) are their text. */
export type CellValue = string | number | boolean | Date | null;

const DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 31); // serial 0 = 1900-01-00, as Excel counts
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * The date an Excel serial number stands for. In the 1900 system Excel counts 1900-02-29, a day
 * that never was (a bug kept from Lotus 1-2-3), as serial 60: serials from 61 on are one day
 * ahead of a plain count, and 60 itself is given as 1900-03-01 (no JavaScript date is 29 February 1900).
 * Times are the fraction of the day, rounded to the millisecond.
 *
 * @param serial - Days since the epoch, with a fraction for the time of day.
 * @param date1904 - Whether the workbook uses the 1904 date system (old Mac Excel).
 * @returns A `Date` whose UTC fields are the date and time shown in Excel.
 * @example
 * excelSerialToDate(40909).toISOString(); // => '2012-01-01T00:00:00.000Z'
 * excelSerialToDate(0, true).toISOString(); // => '1904-01-01T00:00:00.000Z'
 */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  if (date1904) return new Date(EPOCH_1904 + Math.round(serial * DAY));
  const days = serial >= 60 ? serial - 1 : serial;
  return new Date(EPOCH_1900 + Math.round(days * DAY));
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, and the CJK ones Excel maps to dates). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/**
 * Whether a number format shows a date or time: a built-in date format, or a format code with
 * day, month, year, hour or second parts outside quoted text, escapes and `[…]` sections (colours,
 * locales; elapsed-time sections such as `[h]` count as time).
 *
 * @param numFmtId - The format's id.
 * @param formatCode - Its code, for custom formats (id ≥ 164).
 * @returns `true` for a date or time format.
 * @example
 * isDateFormat(14); // => true
 * isDateFormat(164, '_(* #,##0_);_(* \\(#,##0\\)'); // => false
 * isDateFormat(165, 'yyyy-mm-dd;@'); // => true
 */
export function isDateFormat(numFmtId: number, formatCode?: string): boolean {
  if (BUILT_IN_DATE_FORMATS.has(numFmtId)) return true;
  if (formatCode === undefined) return false;
  const bare = formatCode
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  if (/general/i.test(bare)) return false;
  return /[dmyhs]/i.test(bare);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * A cell as the text a CSV holds: dates as ISO `YYYY-MM-DD` (with `THH:MM:SS` when they carry a
 * time), numbers as JavaScript writes them, booleans as `TRUE`/`FALSE` (as Excel shows them),
 * empty cells as `''`.
 *
 * @param value - A cell value.
 * @returns Its text.
 * @example
 * cellToString(new Date(Date.UTC(2012, 0, 1))); // => '2012-01-01'
 * cellToString(null); // => ''
 */
export function cellToString(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const date = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const ms = value.getTime() % DAY;
  if (ms === 0) return date;
  return `${date}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
}

/**
 * A row's cells as the strings the record pipeline maps (see {@link cellToString}).
 *
 * @param cells - The row's cells.
 * @returns One string per cell.
 * @example
 * cellsToStrings([new Date(Date.UTC(2016, 9, 1)), 'Male', 3, null]); // => ['2016-10-01', 'Male', '3', '']
 */
export function cellsToStrings(cells: readonly CellValue[]): string[] {
  return cells.map(cellToString);
}
