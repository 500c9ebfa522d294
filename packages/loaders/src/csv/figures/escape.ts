import { IcestatError } from '@icestat/core';
import { describeValue } from '../../shared/args';

function textArg(fn: string, param: string, x: unknown): void {
  if (typeof x !== 'string') throw new IcestatError('invalid_input', `${fn}: ${param}: expected a string; received ${describeValue(x)}`);
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const formulaStarts = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Whether a cell's text would be guarded by {@link escapeCsvCell}: it starts with a formula
 * character (`=`, `+`, `-`, `@`, tab, carriage return), or with a `'` followed by one of those or
 * by another `'` (so that the guard can always be undone exactly).
 *
 * @param value - The cell's text.
 * @returns `true` when the writer prefixes a `'`.
 * @throws {@link IcestatError} `invalid_input` for a value that is not a string.
 * @example
 * needsFormulaGuard('=SUM(A1:A9)'); // => true
 * needsFormulaGuard("'tis"); // => false
 */
export function needsFormulaGuard(value: string): boolean {
  textArg('needsFormulaGuard', 'value', value);
  const c = value[0];
  if (c === undefined) return false;
  if (formulaStarts.has(c)) return true;
  const d = value[1];
  return c === "'" && d !== undefined && (d === "'" || formulaStarts.has(d));
}

/**
 * Escapes one cell of text for a CSV file, safely for spreadsheets and losslessly:
 *
 * 1. Formula guard (OWASP): a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a
 *    leading `'`, so Excel, LibreOffice and Google Sheets show it as text instead of running it.
 *    A cell that already starts with `'` followed by one of those characters or by `'` gets one
 *    too, so that {@link unescapeCsvCell} can always remove exactly one.
 * 2. Quoting (RFC 4180): a cell holding the delimiter, a double quote, CR or LF — or starting with
 *    a byte-order mark, which readers drop — is enclosed in double quotes, inner quotes doubled.
 *
 * Numbers in numeric columns are not text: write them with `String(n)`, unescaped, so that `-5`
 * stays a number.
 *
 * @param value - The cell's text.
 * @param delimiter - The file's delimiter; `,` by default.
 * @returns The cell as it goes between delimiters.
 * @throws {@link IcestatError} `invalid_input` for a value that is not a string, or a delimiter that is not one character.
 * @example
 * escapeCsvCell('nearly 500, said ICE'); // => '"nearly 500, said ICE"'
 * escapeCsvCell('=HYPERLINK("x")'); // => '"\'=HYPERLINK(""x"")"'
 * escapeCsvCell('-5 percent'); // => "'-5 percent"
 */
export function escapeCsvCell(value: string, delimiter = ','): string {
  textArg('escapeCsvCell', 'value', value);
  if (typeof delimiter !== 'string' || delimiter.length !== 1) {
    throw new IcestatError('invalid_input', `escapeCsvCell: delimiter: expected one character; received ${describeValue(delimiter)}`);
  }
  const text = needsFormulaGuard(value) ? `'${value}` : value;
  const quote = text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r') || text.charCodeAt(0) === 0xfeff;
  return quote ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Undoes the formula guard of {@link escapeCsvCell} on a cell a CSV parser has already unquoted:
 * removes one leading `'` when the next character is `=`, `+`, `-`, `@`, tab, carriage return or
 * `'`. Every other cell is returned as it is.
 *
 * @param cell - The unquoted cell text.
 * @returns The original text.
 * @throws {@link IcestatError} `invalid_input` for a cell that is not a string.
 * @example
 * unescapeCsvCell("'=SUM(A1:A9)"); // => '=SUM(A1:A9)'
 * unescapeCsvCell("'tis"); // => "'tis"
 */
export function unescapeCsvCell(cell: string): string {
  textArg('unescapeCsvCell', 'cell', cell);
  if (cell[0] !== "'") return cell;
  const d = cell[1];
  return d !== undefined && (d === "'" || formulaStarts.has(d)) ? cell.slice(1) : cell;
}
