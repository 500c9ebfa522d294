// JavaScript engines make a slice of a long string as a view into it (V8: a "sliced string" for
// 13 characters or more), and the view keeps the whole parent alive. A cell sliced from a 1 MB
// chunk and kept in a record would keep that chunk in memory for as long as the record lives: a
// caller keeping one record per chunk would hold the whole file. Everything the readers hand out
// (record fields, extras, rejections, headers) is detached first.

/** Below this length V8 copies a slice instead of making a view, so there is nothing to detach. */
const VIEW_MIN_LENGTH = 13;

/**
 * A copy of a string that shares no memory with the text it was sliced from.
 *
 * @param s - A string, typically a slice of an input chunk.
 * @returns The same characters in a string of their own (`s` itself when short).
 * @example
 * const chunk = 'x'.repeat(1 << 20);
 * detach(chunk.slice(1000, 1030)).length; // => 30, and `chunk` can be collected
 */
export function detach(s: string): string {
  // Concatenation makes a rope; slicing a rope first flattens it into a fresh buffer, and the
  // slice then points into that buffer of s.length + 1 characters rather than into the chunk.
  return s.length < VIEW_MIN_LENGTH ? s : ` ${s}`.slice(1);
}
