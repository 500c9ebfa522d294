// criminalShare and criminalShares: counts, hand-made breakdowns and the bundled dataset's operations.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { bundledDataset, caught, operationOf } from '../__fixtures__/testing';
import { breakdownSchema, type Breakdown } from '../model/breakdown';
import { criminalDefinitions, type CriminalDefinition } from '../model/criminality';
import type { Figure } from '../model/figure';
import type { Operation } from '../model/operation';
import { criminalShare, criminalShares, type CriminalityCounts, type CriminalShare } from './criminal-share';
import { quantity } from './quantity';

const dataset = bundledDataset();

const operation = (id: string): Operation => operationOf(dataset, id);

const definitions: CriminalDefinition[] = ['ice-criminal', 'convicted', 'convicted-non-immigration'];

/** A figure of `value` people, for hand-made breakdowns. */
function figure(id: string, value: number): Figure {
  return { id, metric: 'arrests', quantity: quantity(value), source: 'test', claimant: { role: 'agency', name: 'ICE' }, evidence: `${value} people` };
}

// Counts after Operation Safe City (report 002): 317 convicted, and the 181 others split by hand into
// 90 pending and 91 other violators (the report does not split them; these are test numbers).
const safeCityCounts: CriminalityCounts = { convicted: 317, 'pending-charges': 90, 'other-immigration-violator': 91 };

describe('criminalShare of counts', () => {
  it('ICE’s "criminal" (convicted + pending) is 407 of 498 = 81.73% (computed by hand)', () => {
    const s = criminalShare(safeCityCounts, 'ice-criminal');
    expect(s).toMatchObject({ definition: 'ice-criminal', description: criminalDefinitions['ice-criminal'], determinable: true });
    expect(s.total).toEqual({ value: 498, low: 498, high: 498, unit: 'people' });
    expect(s.count).toEqual({ value: 407, low: 407, high: 407, unit: 'people' });
    expect(s.share?.value).toBeCloseTo((407 / 498) * 100, 8);
    expect(s.share?.value).toBeCloseTo(81.7269, 4);
    expect(s.bounds).toEqual(s.share);
    expect(s.reason).toBeUndefined();
  });

  it('convicted is 317 of 498 = 63.65% (report 002)', () => {
    const s = criminalShare(safeCityCounts, 'convicted');
    expect(s.determinable).toBe(true);
    expect(s.count?.value).toBe(317);
    expect(s.share?.value).toBeCloseTo(63.6546, 4);
  });

  it('convicted of a non-immigration offence is not determinable without offences; bounds [0, 63.65%]', () => {
    const s = criminalShare(safeCityCounts, 'convicted-non-immigration');
    expect(s.determinable).toBe(false);
    expect(s.reason).toBe('the 317 convicted are not broken down by offence');
    expect(s.count).toBeUndefined();
    expect(s.share).toBeUndefined();
    expect(s.bounds.low).toBe(0);
    expect(s.bounds.high).toBeCloseTo((317 / 498) * 100, 8);
  });

  it('unknown counts widen the bounds and make every definition not determinable', () => {
    const counts = { ...safeCityCounts, unknown: 10 };
    const ice = criminalShare(counts, 'ice-criminal');
    expect(ice.determinable).toBe(false);
    expect(ice.reason).toBe('the 10 counted together as convicted, facing pending charges or other immigration violators are not split between them');
    expect(ice.total.value).toBe(508);
    // By hand: none of the 10 criminal → 407/508; all of them → 417/508.
    expect(ice.bounds.low).toBeCloseTo((407 / 508) * 100, 8);
    expect(ice.bounds.high).toBeCloseTo((417 / 508) * 100, 8);
    const convicted = criminalShare(counts, 'convicted');
    expect(convicted.determinable).toBe(false);
    expect(convicted.bounds.low).toBeCloseTo((317 / 508) * 100, 8);
    expect(convicted.bounds.high).toBeCloseTo((327 / 508) * 100, 8);
    const nonImm = criminalShare(counts, 'convicted-non-immigration');
    expect(nonImm.determinable).toBe(false);
    expect(nonImm.reason).toMatch(
      /^the convicted cannot be counted \(the 10 counted together as .* are not split between them\); the 317 convicted are not broken down by offence$/,
    );
  });

  it('0 unknown is the same as none', () => {
    for (const d of definitions) expect(criminalShare({ ...safeCityCounts, unknown: 0 }, d)).toEqual(criminalShare(safeCityCounts, d));
  });

  it('nobody in the class is 0%', () => {
    const s = criminalShare({ convicted: 0, 'pending-charges': 0, 'other-immigration-violator': 12 }, 'ice-criminal');
    expect(s.determinable).toBe(true);
    expect(s.share).toEqual({ value: 0, low: 0, high: 0, unit: 'percent' });
  });

  it('gives no share of nobody (0 of 0 is not 0%)', () => {
    for (const d of ['ice-criminal', 'convicted', 'convicted-non-immigration'] as const) {
      const s: CriminalShare = criminalShare({ convicted: 0, 'pending-charges': 0, 'other-immigration-violator': 0 }, d);
      expect(s.determinable).toBe(false);
      expect(s.reason).toBe('the counts counts nobody, so no share can be taken');
      expect(s.bounds).toMatchObject({ low: 0, high: 100 });
    }
  });
});

describe('criminalShare of the bundled dataset’s operations', () => {
  const safeCity = operation('safe-city-2017');
  const jan2025 = operation('ice-enforcement-2025-01');

  it('Safe City: convicted is 317/498 = 63.65%, over the 498 of the exhaustive parts, not "nearly 500" (report 002)', () => {
    const s = criminalShare(safeCity, 'convicted');
    expect(s.determinable).toBe(true);
    expect(s.total).toEqual({ value: 498, low: 498, high: 498, unit: 'people' });
    expect(s.count?.value).toBe(317);
    expect(s.share?.value).toBeCloseTo((317 / 498) * 100, 8);
    expect(s.share?.value).toBeCloseTo(63.7, 1);
  });

  it('Safe City: ICE’s "criminal" is not determinable — the 181 mix pending and other — bounds [63.65, 100]', () => {
    const s = criminalShare(safeCity, 'ice-criminal');
    expect(s.determinable).toBe(false);
    expect(s.reason).toMatch(/181/);
    expect(s.reason).toBe('the 181 counted together as facing pending charges or other immigration violators are not split between them');
    expect(s.bounds.low).toBeCloseTo((317 / 498) * 100, 8);
    expect(s.bounds.high).toBe(100);
    expect(s.share).toBeUndefined();
  });

  it('Safe City: non-immigration convictions lie in [86/498, 317/498] — the offence list names 114 of 317 and may overlap', () => {
    const s = criminalShare(safeCity, 'convicted-non-immigration');
    expect(s.determinable).toBe(false);
    expect(s.reason).toBe('the offence breakdown of the 317 convicted is not exhaustive (it names 114 of them)');
    // At least the 86 DUI convictions (the largest offence, as offences may overlap); at most all 317.
    expect(s.bounds.low).toBeCloseTo((86 / 498) * 100, 8);
    expect(s.bounds.high).toBeCloseTo((317 / 498) * 100, 8);
  });

  it('January 2025: ICE’s "criminal" is 613/1,179 = 51.99%; convicted is not determinable (report 001)', () => {
    const ice = criminalShare(jan2025, 'ice-criminal');
    expect(ice.determinable).toBe(true);
    expect(ice.total.value).toBe(1179);
    expect(ice.count?.value).toBe(613);
    expect(ice.share?.value).toBeCloseTo((613 / 1179) * 100, 8);
    expect(ice.share?.value).toBeCloseTo(51.99, 2);
    const convicted = criminalShare(jan2025, 'convicted');
    expect(convicted.determinable).toBe(false);
    expect(convicted.reason).toBe('the 613 counted together as convicted or facing pending charges are not split between them');
    expect(convicted.bounds.low).toBe(0);
    expect(convicted.bounds.high).toBeCloseTo((613 / 1179) * 100, 8);
    const nonImm = criminalShare(jan2025, 'convicted-non-immigration');
    expect(nonImm.determinable).toBe(false);
    expect(nonImm.reason).toMatch(
      /^the convicted cannot be counted \(the 613 counted together as convicted or facing pending charges are not split between them\)$/,
    );
  });

  it('reads a breakdown with its total the same way as the operation', () => {
    const breakdown = safeCity.breakdowns.find((b) => b.dimension === 'criminality')!;
    const total = safeCity.figures.find((f) => f.id === breakdown.total)!;
    for (const d of definitions) expect(criminalShare({ breakdown, total }, d)).toEqual(criminalShare(safeCity, d));
  });

  it('throws not_determinable for an operation without a criminality breakdown (report 000)', () => {
    const f = (): unknown => criminalShare(operation('midwest-2016'), 'convicted');
    expect(f).toThrow(/^criminalShare: operation "midwest-2016" has no criminality breakdown$/);
    expect(caught(f).code).toBe('not_determinable');
  });
});

describe('criminalShare of hand-made breakdowns', () => {
  /** A criminality breakdown `id` of `parts`, parsed. */
  const criminalityBreakdown = (id: string, flags: { exhaustive: boolean; exclusive: boolean | 'unknown' }, parts: unknown[]): Breakdown =>
    breakdownSchema.parse({ id, dimension: 'criminality', ...flags, parts });
  /** The part of `n` convicted people. */
  const convictedPart = (n: number) => ({ category: 'convicted', criminality: ['convicted'], figure: figure('convicted', n) });

  it('convicted of non-immigration offences is determinable from an exhaustive, exclusive offence list (by hand: 60 of 150 = 40%)', () => {
    const breakdown = criminalityBreakdown('by-criminality', { exhaustive: true, exclusive: true }, [
      {
        ...convictedPart(100),
        breakdowns: [
          {
            id: 'by-offence',
            dimension: 'offence',
            exhaustive: true,
            exclusive: true,
            parts: [
              { category: 'dui', offence: 'dui', figure: figure('dui', 60) },
              { category: 'illegal-reentry', offence: 'illegal-reentry', figure: figure('reentry', 40) },
            ],
          },
        ],
      },
      { category: 'other-immigration-violator', criminality: ['other-immigration-violator'], figure: figure('other', 50) },
    ]);
    const s = criminalShare({ breakdown }, 'convicted-non-immigration');
    expect(s.determinable).toBe(true);
    expect(s.count?.value).toBe(60);
    expect(s.share?.value).toBeCloseTo(40, 9);
    expect(criminalShare({ breakdown }, 'convicted').share?.value).toBeCloseTo((100 / 150) * 100, 8);
  });

  it('a part list not known to cover everyone leaves the rest of the total open (by hand: 100 of 200 → [50%, 100%])', () => {
    const breakdown = criminalityBreakdown('some-convicted', { exhaustive: false, exclusive: true }, [convictedPart(100)]);
    const s = criminalShare({ breakdown, total: quantity(200) }, 'convicted');
    expect(s.determinable).toBe(false);
    expect(s.reason).toBe('the parts of breakdown "some-convicted" are not known to cover everyone');
    expect(s.bounds.low).toBeCloseTo(50, 9);
    expect(s.bounds.high).toBe(100);
  });

  it('overlapping parts are said to overlap', () => {
    const breakdown = criminalityBreakdown('overlapping', { exhaustive: true, exclusive: 'unknown' }, [
      convictedPart(100),
      { category: 'pending-charges', criminality: ['pending-charges'], figure: figure('pending', 30) },
    ]);
    const s = criminalShare({ breakdown, total: quantity(120) }, 'ice-criminal');
    expect(s.determinable).toBe(false);
    expect(s.reason).toBe('the parts of breakdown "overlapping" may overlap');
    // At least the 100 convicted are criminal (the 30 may be among them): 100/120.
    expect(s.bounds.low).toBeCloseTo((100 / 120) * 100, 8);
  });

  it('throws insufficient_data for parts that are not exhaustive and no total', () => {
    const breakdown = criminalityBreakdown('no-total', { exhaustive: false, exclusive: true }, [convictedPart(100)]);
    const f = (): unknown => criminalShare({ breakdown }, 'convicted');
    expect(f).toThrow(/^criminalShare: breakdown "no-total" has no total and its parts are not exhaustive$/);
    expect(caught(f).code).toBe('insufficient_data');
  });
});

describe('criminalShares', () => {
  it('counts: spread 18.07 points between ICE’s 81.73% and convicted 63.65% (computed by hand: 90/498)', () => {
    const s = criminalShares(safeCityCounts);
    expect(Object.keys(s.shares).sort()).toEqual([...definitions].sort());
    expect(s.shares.convicted).toEqual(criminalShare(safeCityCounts, 'convicted'));
    expect(s.spread).toBeCloseTo((90 / 498) * 100, 8);
    expect(s.range.low).toBe(0);
    expect(s.range.high).toBeCloseTo((407 / 498) * 100, 8);
    expect(s.range.points).toBeCloseTo((407 / 498) * 100, 8);
  });

  it('Safe City: one definition determinable, so no spread; the range runs from 86/498 to 100% (report 002)', () => {
    const s = criminalShares(operation('safe-city-2017'));
    expect(s.spread).toBeUndefined();
    expect(s.range.low).toBeCloseTo((86 / 498) * 100, 8);
    expect(s.range.high).toBe(100);
    expect(s.range.points).toBeCloseTo(100 - (86 / 498) * 100, 8);
  });

  it('January 2025: the range runs from 0 to 51.99% (report 001)', () => {
    const s = criminalShares(operation('ice-enforcement-2025-01'));
    expect(s.spread).toBeUndefined();
    expect(s.range.low).toBe(0);
    expect(s.range.high).toBeCloseTo((613 / 1179) * 100, 8);
  });
});

describe('properties', () => {
  const n = fc.nat({ max: 10_000 });
  const counts = fc
    .record({ convicted: n, 'pending-charges': n, 'other-immigration-violator': n })
    .filter((c) => c.convicted + c['pending-charges'] + c['other-immigration-violator'] > 0);
  const frac = fc.double({ min: 0, max: 1, noNaN: true });
  /** Whether a percent interval holds `x`, up to the 1e-9 snapping of results. */
  const holds = (e: { low: number; high: number }, x: number): boolean => e.low - 1e-8 <= x && x <= e.high + 1e-8;

  test.prop([counts])('known counts give the shares by hand, ICE’s ≥ convicted', (c) => {
    const total = c.convicted + c['pending-charges'] + c['other-immigration-violator'];
    const ice = criminalShare(c, 'ice-criminal');
    const convicted = criminalShare(c, 'convicted');
    expect(ice.determinable && convicted.determinable).toBe(true);
    expect(ice.share!.value).toBeCloseTo(((c.convicted + c['pending-charges']) / total) * 100, 7);
    expect(convicted.share!.value).toBeCloseTo((c.convicted / total) * 100, 7);
    expect(ice.share!.value).toBeGreaterThanOrEqual(convicted.share!.value);
    const nonImm = criminalShare(c, 'convicted-non-immigration');
    expect(nonImm.bounds.high).toBeLessThanOrEqual(convicted.share!.value + 1e-9);
    const summary = criminalShares(c);
    expect(summary.spread).toBeCloseTo(ice.share!.value - convicted.share!.value, 7);
  });

  test.prop([counts, fc.integer({ min: 1, max: 10_000 }), frac, frac])(
    'soundness: any split of the unknown gives shares inside the bounds',
    (c, unknown, u, v) => {
      const toConvicted = Math.round(u * unknown);
      const toPending = Math.round(v * (unknown - toConvicted));
      const total = c.convicted + c['pending-charges'] + c['other-immigration-violator'] + unknown;
      const withUnknown = { ...c, unknown };
      const trueIce = ((c.convicted + toConvicted + c['pending-charges'] + toPending) / total) * 100;
      const trueConvicted = ((c.convicted + toConvicted) / total) * 100;
      const ice = criminalShare(withUnknown, 'ice-criminal');
      const convicted = criminalShare(withUnknown, 'convicted');
      const nonImm = criminalShare(withUnknown, 'convicted-non-immigration');
      expect(holds(ice.bounds, trueIce)).toBe(true);
      expect(holds(convicted.bounds, trueConvicted)).toBe(true);
      // The non-immigration convicted are some of the convicted: at most trueConvicted, at least 0.
      // Any of them may or may not be immigration offences, so all of [0, trueConvicted] is possible.
      expect(nonImm.bounds.low).toBe(0);
      expect(nonImm.bounds.high).toBeGreaterThanOrEqual(trueConvicted - 1e-8);
      for (const s of [ice, convicted, nonImm]) {
        expect(s.determinable).toBe(false);
        expect(s.bounds.low).toBeGreaterThanOrEqual(0);
        expect(s.bounds.high).toBeLessThanOrEqual(100);
        expect(s.bounds.low).toBeLessThanOrEqual(s.bounds.high);
      }
    },
  );

  test.prop([counts, fc.nat({ max: 10_000 })])('criminalShares’ range spans every definition’s bounds', (c, unknown) => {
    const s = criminalShares({ ...c, unknown });
    const all = definitions.map((d) => s.shares[d]);
    expect(s.range.low).toBe(Math.min(...all.map((x) => x.bounds.low)));
    expect(s.range.high).toBe(Math.max(...all.map((x) => x.bounds.high)));
    expect(s.range.points).toBeCloseTo(s.range.high - s.range.low, 8);
    for (const d of definitions) expect(s.shares[d]).toEqual(criminalShare({ ...c, unknown }, d));
  });
});
