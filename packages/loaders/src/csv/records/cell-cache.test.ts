import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CACHE_MISS, CellCache } from './cell-cache';

const encoder = new TextEncoder();

/** The text's bytes when it is all ASCII (as the tokenizer hands them), else null. */
function asciiBytesOf(text: string): Uint8Array | null {
  const bytes = encoder.encode(text);
  return bytes.length === text.length ? bytes : null;
}

/**
 * Looks `cell` up as the row reader does (in place, inside a longer text, through its bytes
 * when the text is ASCII and `viaBytes`) and sets it on a miss.
 */
function lookUp(cache: CellCache, cell: string, value: (s: string) => unknown, viaBytes = true): unknown {
  const text = `x,${cell},y`;
  const hit = cache.get(text, viaBytes ? asciiBytesOf(text) : null, 2, 2 + cell.length);
  if (hit !== CACHE_MISS) return hit;
  const v = value(cell);
  cache.set(cell, v);
  return v;
}

describe('CellCache', () => {
  it('answers a cell by its text where it lies, values null and false included', () => {
    const cache = new CellCache();
    cache.set('NOL', 'NOL');
    cache.set('', null);
    cache.set('False', false);
    for (const viaBytes of [false, true]) {
      const at = (text: string, start: number, end: number): unknown => cache.get(text, viaBytes ? asciiBytesOf(text) : null, start, end);
      expect(at('a,NOL,b', 2, 5)).toBe('NOL');
      expect(at(',', 0, 0)).toBeNull();
      expect(at('a,,b', 2, 2)).toBeNull();
      expect(at('1,False', 2, 7)).toBe(false);
      expect(at('a,NOLA,b', 2, 6)).toBe(CACHE_MISS);
      expect(at('a,NOX,b', 2, 5)).toBe(CACHE_MISS);
      expect(at('a,NPL,b', 2, 5)).toBe(CACHE_MISS); // same length, first and last character
    }
  });

  it('stays on for a column that repeats a few spellings', () => {
    const cache = new CellCache();
    const spellings = ['1 Convicted Criminal', '2 Pending Criminal Charges', '3 Other Immigration Violator'];
    for (let i = 0; i < 20_000; i++) lookUp(cache, spellings[i % 3]!, (s) => s.slice(0, 1));
    expect(cache.enabled).toBe(true);
  });

  it('turns off once a column proves not to repeat (more misses than hits after 8,192 lookups), not before', () => {
    const cache = new CellCache();
    for (let i = 0; i < 8_000; i++) lookUp(cache, `LANDMARK ${i}`, () => null);
    expect(cache.enabled).toBe(true); // still on trial
    for (let i = 8_000; i < 8_300; i++) lookUp(cache, `LANDMARK ${i}`, () => null);
    expect(cache.enabled).toBe(false);
  });

  it('turns off later when a column that repeated stops repeating', () => {
    const cache = new CellCache();
    for (let i = 0; i < 10_000; i++) lookUp(cache, i % 2 === 0 ? 'MEXICO' : 'GUATEMALA', (s) => s);
    expect(cache.enabled).toBe(true);
    for (let i = 0; i < 30_000 && cache.enabled; i++) lookUp(cache, `ID-${i}`, () => null);
    expect(cache.enabled).toBe(false);
  });

  test.prop([
    fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), fc.boolean()), { minLength: 1, maxLength: 2_000 }),
  ])('a lookup gives what the cell would normalise to, hit or miss, through bytes or characters, whatever the cells', (cells) => {
    const cache = new CellCache();
    const normalise = (s: string): string => `<${s.trim().toUpperCase()}>`;
    for (const [c, viaBytes] of cells) expect(lookUp(cache, c, normalise, viaBytes)).toBe(normalise(c));
  });
});
