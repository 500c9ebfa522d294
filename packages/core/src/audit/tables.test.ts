// The audit on constructed tables (issue 13): counts by state and by country with a country
// named without a count, a derived figure, and a stated share as a breakdown part.
import { describe, expect, it } from 'vitest';
import { caught } from '../__fixtures__/testing';
import { type RawDocument, stateAndCountryOperation, statedShareOperation } from '../__fixtures__/tables';
import { datasetSchema } from '../model/dataset';
import { criminalShare } from '../stats/criminal-share';
import { partCount } from '../stats/part-count';
import { audit, type Finding } from './index';

const brief = (fs: readonly Finding[]) => fs.map((f) => [f.code, f.severity, f.verdict, f.message]);

describe('a breakdown by state and by country, with a country named without a count', () => {
  it('attributes the remainder of the exhaustive country list to Tonga (implied 1), and recomputes 1,660 − 1,517', () => {
    const findings = audit(stateAndCountryOperation());
    expect(brief(findings)).toEqual([
      [
        'breakdown-sum',
        'info',
        'consistent',
        'place breakdown “slc-sample-by-state”: the parts add to 8 (5 + 3), consistent with the total 8 (“eight people”)',
      ],
      [
        'breakdown-sum',
        'info',
        'attributed',
        'citizenship breakdown “slc-sample-by-country”: the parts add to 7 (4 + 2 + 1) of the total 8 (“eight people”); the rest goes to what the source names without a count — Tonga: implied 1',
      ],
      ['derived-figure', 'info', 'consistent', 'derived figure 143 (“1,660 − 1,517”): the difference of 1,660 − 1,517 is 143 — consistent'],
    ]);
    expect(findings[1]).toMatchObject({
      location: {
        path: 'operations[0].breakdowns[1]',
        operation: 'week',
        breakdown: 'slc-sample-by-country',
        figures: ['slc-sample', 'slc-sample-mx', 'slc-sample-ws', 'slc-sample-br'],
      },
      total: { id: 'slc-sample', quantity: { value: 8 } },
      parts: [
        { id: 'slc-sample-mx', label: 'Mexico' },
        { id: 'slc-sample-ws', label: 'Samoa' },
        { id: 'slc-sample-br', label: 'Brazil' },
      ],
      uncounted: [{ category: 'tonga', label: 'Tonga', evidence: 'and Tonga' }],
      expected: { value: 8, low: 8, high: 8, unit: 'people' },
      actual: { value: 7, low: 7, high: 7, unit: 'people' },
      difference: { value: -1, low: -1, high: -1, unit: 'people' },
      gap: { value: 1, low: 1, high: 1, unit: 'people' },
    });
  });

  it('errors when the counted parts leave nothing for the named country', () => {
    const d: RawDocument = stateAndCountryOperation();
    d.operations[0].breakdowns[1].parts[0].figure.quantity.value = 5;
    const f = audit(d).find((x) => x.location.breakdown === 'slc-sample-by-country')!;
    expect([f.severity, f.verdict, f.message]).toEqual([
      'error',
      'no-room-for-uncounted',
      'citizenship breakdown “slc-sample-by-country”: the parts add to 8 (5 + 2 + 1) of the total 8 (“eight people”), leaving 0 for Tonga, which the source names without a count — too few for it; cannot be true for any value the figures allow',
    ]);
  });

  it('says a remainder may lie in the named country when the list is not known to be exhaustive', () => {
    const d: RawDocument = stateAndCountryOperation();
    d.operations[0].breakdowns[1].exhaustive = 'unknown';
    const f = audit(d).find((x) => x.location.breakdown === 'slc-sample-by-country')!;
    expect([f.code, f.severity, f.verdict, f.gap?.value, f.message]).toEqual([
      'unexplained-remainder',
      'info',
      'named-uncounted',
      1,
      'citizenship breakdown “slc-sample-by-country”: 8 − (4 + 2 + 1) leaves 1 of “eight people” in no counted category; the source names Tonga without a count, which may account for them',
    ]);
  });

  it('errors on a derived figure its inputs do not give, and rejects a derivation of a missing figure', () => {
    const d: RawDocument = stateAndCountryOperation();
    d.operations[0].figures[2].quantity.value = 134;
    const f = audit(d).find((x) => x.code === 'derived-figure')!;
    expect([f.severity, f.difference?.value, f.message]).toEqual([
      'error',
      9,
      'derived figure 134 (“1,660 − 1,517”): the difference of 1,660 − 1,517 is 143 — 9 more; cannot be true for any value the figures allow',
    ]);
    d.operations[0].figures[2].derivedFrom.inputs = ['week-arrests', 'week-slcc'];
    expect(caught(() => audit(d)).issues.map((i) => i.message)).toEqual([
      'operations[0].figures[2].derivedFrom.inputs[1]: names figure "week-slcc", which is not in the dataset',
    ]);
  });
});

describe('a stated share as a breakdown part', () => {
  it('is checked against a stated count of the same category (share × total vs the count)', () => {
    expect(brief(audit(statedShareOperation(480)))).toEqual([
      [
        'stated-share',
        'warning',
        'not-rounded',
        'criminality breakdown “worksite-share-convicted”: “approximately 75 percent with criminal convictions” states about 75% [67.5–82.5%] of more than 680 [680–850] (“more than 680”); the stated count 480 (“480 convicted”) is 70.6% [56.5–70.6%] of it — 4.4 percentage points lower; within “approximately”, but it would not round to 75%',
      ],
    ]);
    const wrong = audit(statedShareOperation(300));
    expect(wrong.map((f) => [f.severity, f.verdict])).toEqual([['error', 'impossible']]);
    expect(wrong[0]!.actual?.value).toBeCloseTo((300 / 680) * 100, 6);
    expect(audit(statedShareOperation(510)).map((f) => [f.severity, f.verdict])).toEqual([['info', 'consistent']]);
  });

  it('counts as share × total: about 75% of more than 680 is 510 [459–701]', () => {
    const op = datasetSchema.parse(statedShareOperation()).operations[0]!;
    const part = op.breakdowns[0]!.parts[0]!;
    expect(partCount(part, op.figures[0]!)).toEqual({ value: 510, low: 459, high: 701, unit: 'people' });
  });

  it('is seen by criminalShare, which bounds the convicted share by it', () => {
    const op = datasetSchema.parse(statedShareOperation()).operations[0]!;
    const only = { ...op, breakdowns: [op.breakdowns[0]!] };
    const s = criminalShare(only, 'convicted');
    expect(s.determinable).toBe(false);
    expect(s.reason).toBe('the parts of operation "worksite" are not known to cover everyone');
    // The stated share bounds the convicted share from below; the parts not known to cover
    // everyone leave the rest open above.
    expect(s.bounds).toMatchObject({ low: 67.5, high: 100 });
    const split = {
      ...only,
      breakdowns: [
        {
          ...only.breakdowns[0]!,
          exhaustive: true as const,
          parts: [
            only.breakdowns[0]!.parts[0]!,
            {
              ...only.breakdowns[0]!.parts[0]!,
              category: 'other',
              criminality: ['other-immigration-violator' as const],
              figure: {
                ...only.breakdowns[0]!.parts[0]!.figure,
                id: 'other-share',
                quantity: { ...only.breakdowns[0]!.parts[0]!.figure.quantity, value: 25, low: 22.5, high: 27.5 },
              },
            },
          ],
        },
      ],
    };
    // Exhaustive stated shares give the share itself, not share × total ÷ total.
    expect(criminalShare(split, 'convicted')).toMatchObject({
      determinable: true,
      share: { value: 75, low: 67.5, high: 82.5 },
      count: { value: 510, low: 459, high: 701 },
    });
  });
});
