import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CACHE_MISS, CellCache } from './cell-cache';

/** Looks `cell` up as the row reader does (in place, inside a longer text) and sets it on a miss. */
function lookUp(cache: CellCache, cell: string, value: (s: string) => unknown): unknown {
  const text = `x,${cell},y`;
  const hit = cache.get(text, 2, 2 + cell.length);
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
    expect(cache.get('a,NOL,b', 2, 5)).toBe('NOL');
    expect(cache.get('a,,b', 2, 2)).toBeNull();
    expect(cache.get('1,False', 2, 7)).toBe(false);
    expect(cache.get('a,NOLA,b', 2, 6)).toBe(CACHE_MISS);
    expect(cache.get('a,NOX,b', 2, 5)).toBe(CACHE_MISS);
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

  test.prop([fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 2_000 })])(
    'a lookup gives what the cell would normalise to, hit or miss, whatever the cells',
    (cells) => {
      const cache = new CellCache();
      const normalise = (s: string): string => `<${s.trim().toUpperCase()}>`;
      for (const c of cells) expect(lookUp(cache, c, normalise)).toBe(normalise(c));
    },
  );
});
