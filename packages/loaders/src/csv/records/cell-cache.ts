// Record-level files repeat a few spellings per column millions of times ("1 Convicted Criminal",
// "Chicago Area of Responsibility", "MEXICO", "False"). A cell cache answers "what did this exact
// text normalise to last time?" by comparing the cell where it lies in the chunk, so a hit slices
// nothing, hashes nothing and allocates nothing. A column whose values do not repeat
// (landmarks, identifiers) turns its cache off after a while and is normalised cell by cell.

/** What {@link CellCache.get} returns for text it has not seen: a symbol, as a cached value may be `null` or `false`. */
export const CACHE_MISS: unique symbol = Symbol('cache miss');

const SIZE = 1024; // slots (a power of two)
const MASK = SIZE - 1;
const MAX_ENTRIES = SIZE / 2; // keep probes short
const TRIAL = 8192; // lookups after which a cache that mostly misses is switched off

/**
 * Whether the characters of `key` occur in `text` at `start` (the caller has checked there is
 * room). Keys are kept as char codes: a plain loop over a typed array is what V8 compiles
 * best, while `startsWith` with a position costs a builtin call per cell, and a key kept as a
 * string is a slice of its chunk, read through an indirection on every character.
 */
function sameText(key: Uint16Array, text: string, start: number): boolean {
  for (let k = 0; k < key.length; k++) if (key[k] !== text.charCodeAt(start + k)) return false;
  return true;
}

/**
 * A cache of one column's normalised values, keyed by the cell's exact text.
 *
 * @example
 * const cache = new CellCache();
 * cache.set('NOL', 'NOL');
 * cache.get('x,NOL,y', 2, 5); // => 'NOL'
 * cache.get('x,CHI,y', 2, 5) === CACHE_MISS; // => true
 */
export class CellCache {
  private readonly keys: (Uint16Array | undefined)[] = new Array<Uint16Array | undefined>(SIZE).fill(undefined);
  private readonly values: unknown[] = new Array<unknown>(SIZE).fill(undefined);
  private entries = 0;
  private lookups = 0;
  private misses = 0;
  /**
   * False once the column has proved not to repeat (after {@link TRIAL} lookups, more misses than
   * hits); callers then skip the cache and read each cell whole, by the same code as a miss.
   */
  enabled = true;

  private slot(text: string, start: number, end: number): number {
    const len = end - start;
    if (len === 0) return 0;
    const h = Math.imul(len, 0x9e3779b1) ^ (text.charCodeAt(start) << 16) ^ (text.charCodeAt(end - 1) << 8) ^ text.charCodeAt(start + (len >> 1));
    return (h ^ (h >>> 15)) & MASK;
  }

  /**
   * The value cached for the text `text.slice(start, end)`, compared in place.
   *
   * @returns The value, or {@link CACHE_MISS}.
   */
  get(text: string, start: number, end: number): unknown {
    this.lookups++;
    const len = end - start;
    for (let i = this.slot(text, start, end); ; i = (i + 1) & MASK) {
      const key = this.keys[i];
      if (key === undefined) return CACHE_MISS;
      if (key.length === len && sameText(key, text, start)) return this.values[i];
    }
  }

  /**
   * Remembers the value of a cell's text after a miss, while there is room, and judges the cache.
   * The verdict is worked out on every miss with no branch of its own: a branch first taken
   * after thousands of rows would send V8's optimised reader back to be compiled again.
   */
  set(key: string, value: unknown): void {
    this.misses++;
    const early = this.lookups < TRIAL;
    const repeats = this.misses * 2 <= this.lookups; // worked out even while early (see above)
    this.enabled = early || repeats;
    if (this.entries >= MAX_ENTRIES) return;
    let i = this.slot(key, 0, key.length);
    while (this.keys[i] !== undefined) i = (i + 1) & MASK;
    const codes = new Uint16Array(key.length);
    for (let k = 0; k < key.length; k++) codes[k] = key.charCodeAt(k);
    this.keys[i] = codes;
    this.values[i] = value;
    this.entries++;
  }
}
