// FOIA exemption citations as ICE's releases write them, well-formed or not:
//   (b)(6)(b)(7)(c) · (b)(6), (b)(7)(c) · (B)(6);(B)(7)(C)  · (b)(6),(b)(7)c) · (b)(7)e) ·
//   (b)(7)(E ) · b(6), b(7)c · b(6), b(7)C · (b)(6), (b)(7)(c) (b)(7)(e)
// One grammar covers them all once case and whitespace are folded away: a citation is `b` (with
// or without its parentheses) and an exemption number in parentheses, then any subparagraph
// letters a–f, each with, without or with half of its parentheses; citations are joined by
// nothing, `,` `;` `&` `/` or `and`. The exemption number must be in parentheses, so `B7`, `b6`
// and ordinary words never match.
const citation = String.raw`\(?b\)?\([1-9]\)(?:\(?[a-f]\)?)*`;
const joiner = '(?:[,;&/]|and)?';
const pattern = new RegExp(`^${citation}(?:${joiner}${citation})*[,;]?$`);

/** Longest text looked at as a marker; the longest real spelling is about 40 characters. */
const MAX_MARKER_LENGTH = 120;

/**
 * Whether a cell is a FOIA redaction marker: a value withheld under exemptions (b)(6) or (b)(7).
 * Redacted is neither missing nor invalid. Tolerant of every spelling the releases use: any case,
 * any spacing, missing or half-written parentheses around the subparagraph letter (`(b)(7)c)`,
 * `(b)(7)(E )`, `b(7)c`), and citations joined by commas, semicolons or nothing.
 *
 * @param text - A cell as written, e.g. `(b)(6), (b)(7)(c)` or `"(B)(6);(B)(7)(C) "`'s content.
 * @returns `true` for a marker; `false` for anything else (`B7`, `BOSTON`, a date, blank).
 * @example
 * isRedactionMarker('(b)(6),(b)(7)c)'); // => true
 * isRedactionMarker('b(6), b(7)C'); // => true
 * isRedactionMarker('(B)(7)(E) '); // => true
 * isRedactionMarker('B7'); // => false
 */
export function isRedactionMarker(text: string): boolean {
  if (text.length > MAX_MARKER_LENGTH) return false;
  // Cheap rejection first: every marker starts with `(` or `b` after spaces.
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  const c = text.charCodeAt(i);
  if (c !== 40 && (c | 0x20) !== 98) return false;
  return pattern.test(text.toLowerCase().replace(/\s+/g, ''));
}
