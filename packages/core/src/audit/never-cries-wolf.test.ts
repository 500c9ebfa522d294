// The audit never reports an error for a claim that rounds to its statement, uses one sign
// convention for `difference`, and validates what it is given.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { datasetInput } from '../__fixtures__/arbitraries';
import { bundledDataset, bundledDatasetText, caught } from '../__fixtures__/testing';
import { audit, type Finding } from './index';

function shareDataset(part: number, whole: number, stated: number, qualifier = 'exact'): unknown {
  const fig = (id: string, value: number) => ({
    id,
    metric: 'arrests',
    quantity: { value, unit: 'people' },
    source: 's',
    claimant: { role: 'agency' },
    evidence: `${value} people`,
  });
  return {
    schemaVersion: '1.0.0',
    title: 'share',
    sources: [{ id: 's', title: 'Release', publisher: 'ICE', kind: 'official-release' }],
    operations: [
      {
        id: 'op',
        name: 'Op',
        agency: 'ICE',
        kind: 'targeted-sweep',
        period: { days: 4 },
        places: [],
        figures: [fig('whole', whole), fig('part', part)],
        claims: [
          {
            id: 'c',
            kind: 'share',
            inputs: ['part', 'whole'],
            stated: { value: stated, unit: 'percent', qualifier },
            source: 's',
            claimant: { role: 'reporter' },
            evidence: `${stated} percent`,
          },
        ],
        sources: ['s'],
      },
    ],
  };
}

const claimFinding = (d: unknown): Finding => {
  const f = audit(d).find((x) => x.code === 'claim');
  if (!f) throw new Error('no claim finding');
  return f;
};

describe('stated shares the computation rounds to', () => {
  it('holds a percent stated to 15 digits, equal to the computed one (issue: it was an error)', () => {
    const f = claimFinding(shareDataset(566, 1179, (566 / 1179) * 100));
    expect(f).toMatchObject({ severity: 'info', verdict: 'consistent' });
  });

  it('holds 85.3% against 85.27% (1,279 of 1,500)', () => {
    const f = claimFinding(shareDataset(1279, 1500, 85.3));
    expect(f.actual?.value).toBeCloseTo(85.2667, 4);
    expect(f).toMatchObject({ severity: 'info', verdict: 'consistent', expected: { value: 85.3, low: 85.3, high: 85.3 } });
  });

  it('still errors on 85.4% against 85.27%, and says by how much', () => {
    const f = claimFinding(shareDataset(1279, 1500, 85.4));
    expect(f).toMatchObject({ severity: 'error', verdict: 'impossible' });
    expect(f.difference?.value).toBeCloseTo(85.2667 - 85.4, 4);
    expect(f.message).toBe(
      'claim “85.4 percent”: states 85.4%; the share of 1,279 ÷ 1,500 is 85.3% — 0.1 percentage points lower; cannot be true for any value the figures allow',
    );
  });

  test.prop([fc.integer({ min: 1, max: 2_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(undefined, 0, 1, 2)], { numRuns: 500 })(
    'no error, and no warning, for any exact share or its rounding to 0–2 decimals',
    (whole, u, decimals) => {
      const part = Math.round(u * whole);
      const exact = (part / whole) * 100;
      const stated = decimals === undefined ? exact : Number(exact.toFixed(decimals));
      const f = claimFinding(shareDataset(part, whole, stated));
      expect(f.severity, f.message).toBe('info');
    },
  );

  test.prop([fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 2)], { numRuns: 200 })(
    'no error for a rounded share stated as "about" or "nearly" either',
    (whole, u, decimals) => {
      const part = Math.round(u * whole);
      const stated = Number(((part / whole) * 100).toFixed(decimals));
      for (const qualifier of ['approximately', 'nearly', 'more-than']) {
        const f = claimFinding(shareDataset(part, whole, stated, qualifier));
        expect(f.severity, f.message).not.toBe('error');
      }
    },
  );
});

describe('one sign convention', () => {
  test.prop([datasetInput], { numRuns: 40 })('writes difference = actual − expected on every finding of any dataset, and never NaN', (input) => {
    for (const f of audit(input)) {
      expect(f.message).not.toMatch(/NaN|undefined/);
      if (f.difference && f.actual && f.expected) expect(f.difference.value, f.message).toBeCloseTo(f.actual.value - f.expected.value, 6);
    }
  });

  it('writes difference = actual − expected on every finding of the bundled dataset', () => {
    const findings = audit(bundledDataset()).filter((f) => f.difference && f.actual && f.expected);
    expect(findings.length).toBeGreaterThan(10);
    for (const f of findings) expect(f.difference!.value, f.message).toBeCloseTo(f.actual!.value - f.expected!.value, 9);
  });
});

describe('audit validates what it is given', () => {
  const text = bundledDatasetText();

  it('audits JSON.parse(text) exactly as the parsed dataset, with no NaN', () => {
    const raw = audit(JSON.parse(text));
    expect(raw).toEqual(audit(bundledDataset()));
    expect(raw.length).toBeGreaterThan(10);
    for (const f of raw) expect(f.message).not.toMatch(/NaN/);
  });

  it('rejects an object that is not a dataset with the located schema problems', () => {
    const d = JSON.parse(text);
    d.operations[0].figures[0].quantity.value = -3;
    delete d.title;
    const e = caught(() => audit(d));
    expect(e.code).toBe('invalid_dataset');
    expect(e.issues.map((i) => i.path)).toEqual(['title', 'operations[0].figures[0].quantity.value']);
    expect(e.message).toContain('operations[0].figures[0].quantity.value: must not be negative (got -3 people)');
  });
});
