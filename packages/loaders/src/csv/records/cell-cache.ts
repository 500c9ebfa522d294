// Record-level files repeat a few spellings per column millions of times ("1 Convicted Criminal",
// "Chicago Area of Responsibility", "MEXICO", "False"). A cell cache answers "what did this exact
// text normalise to last time?" by comparing the cell where it lies in the chunk, so a hit slices
// nothing, hashes nothing and allocates nothing. A column whose values do not repeat
// (landmarks, identifiers) turns its cache off after a while and is normalised cell by cell.

/** What {@link CellCache.get} returns for text it has not seen: a symbol, as a cached value may be `null` or `false`. */
export const CACHE_MISS: unique symbol = Symbol('cache miss');

/** Slots of a cache (a power of two). */
export const CACHE_SLOTS = 1024;
const SIZE = CACHE_SLOTS;
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

/** {@link sameText} over the text's bytes (ASCII text: the same offsets), read without a call per character. */
function sameBytes(key: Uint16Array, bytes: Uint8Array, start: number): boolean {
  for (let k = 0; k < key.length; k++) if (key[k] !== bytes[start + k]) return false;
  return true;
}

/**
 * A cache of one column's normalised values, keyed by the cell's exact text.
 *
 * @example
 * const cache = new CellCache();
 * cache.set('NOL', 'NOL');
 * cache.get('x,NOL,y', null, 2, 5); // => 'NOL'
 * cache.get('x,CHI,y', null, 2, 5) === CACHE_MISS; // => true
 */
export class CellCache {
  private readonly keys: (Uint16Array | undefined)[] = new Array<Uint16Array | undefined>(SIZE).fill(undefined);
  private readonly values: unknown[] = new Array<unknown>(SIZE).fill(undefined);
  private entries = 0;
  private lookups = 0;
  private misses = 0;
  /**
   * The slot of the last hit (0 … {@link CACHE_SLOTS} − 1): a slot holds one text and its value
   * for the cache's whole life (entries are never moved or replaced), so it names the value.
   */
  hitSlot = -1;
  /**
   * False once the column has proved not to repeat (after {@link TRIAL} lookups, more misses than
   * hits); callers then skip the cache and read each cell whole, by the same code as a miss.
   */
  enabled = true;

  /** The first slot to probe for a text of `len` (> 0) characters, from its length, first, middle and last characters. */
  private slot(len: number, first: number, middle: number, last: number): number {
    const h = Math.imul(len, 0x9e3779b1) ^ (first << 16) ^ (last << 8) ^ middle;
    return (h ^ (h >>> 15)) & MASK;
  }

  /**
   * The value cached for the text `text.slice(start, end)`, compared in place: in `bytes` when
   * given (the text's bytes, all ASCII, at the same offsets), else in the text.
   *
   * @returns The value, or {@link CACHE_MISS}.
   */
  get(text: string, bytes: Uint8Array | null, start: number, end: number): unknown {
    this.lookups++;
    const len = end - start;
    const mid = start + (len >> 1);
    let i = 0; // an empty cell's slot (its neighbours are not read: no read outside the text)
    if (len > 0)
      i =
        bytes === null
          ? this.slot(len, text.charCodeAt(start), text.charCodeAt(mid), text.charCodeAt(end - 1))
          : this.slot(len, bytes[start]!, bytes[mid]!, bytes[end - 1]!);
    for (; ; i = (i + 1) & MASK) {
      const key = this.keys[i];
      if (key === undefined) return CACHE_MISS;
      if (key.length === len && (bytes === null ? sameText(key, text, start) : sameBytes(key, bytes, start))) {
        this.hitSlot = i;
        return this.values[i];
      }
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
    const len = key.length;
    let i = len === 0 ? 0 : this.slot(len, key.charCodeAt(0), key.charCodeAt(len >> 1), key.charCodeAt(len - 1));
    while (this.keys[i] !== undefined) i = (i + 1) & MASK;
    const codes = new Uint16Array(key.length);
    for (let k = 0; k < key.length; k++) codes[k] = key.charCodeAt(k);
    this.keys[i] = codes;
    this.values[i] = value;
    this.entries++;
  }
}
