import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../__fixtures__/testing';
import { datasetSchema, type Dataset, type DatasetInput } from '../model/dataset';
import { audit, countFindings, statedPrecision, type Finding } from './index';
import type { RawDocument } from '../__fixtures__/tables';

let bundled: Dataset;
beforeAll(() => {
  bundled = bundledDataset();
});

function find(findings: readonly Finding[], pred: (f: Finding) => boolean): Finding {
  const f = findings.find(pred);
  if (!f) throw new Error(`no such finding among:\n${findings.map((x) => x.message).join('\n')}`);
  return f;
}

describe('audit of the bundled dataset', () => {
  it('finds 317 + 181 and the ten places both add to 498, consistent with “nearly 500”', () => {
    const findings = audit(bundled);
    for (const id of ['safe-city-2017-by-criminality', 'safe-city-2017-by-place']) {
      const f = find(findings, (x) => x.location.breakdown === id);
      expect(f).toMatchObject({ code: 'breakdown-sum', severity: 'info', actual: { value: 498, low: 498, high: 498 } });
      expect(f.expected).toMatchObject({ value: 500, low: 450, high: 500 });
      expect(f.location.path).toMatch(/^operations\[\d+\]\.breakdowns\[\d+\]$/);
    }
  });

  it('finds the ten 2019 areas add to 597 and 613 + 566 = 1,179', () => {
    const findings = audit(bundled);
    expect(find(findings, (x) => x.location.breakdown === 'surge-2019-09-by-aor')).toMatchObject({
      severity: 'info',
      actual: { value: 597 },
      difference: { value: 0, low: 0, high: 0 },
    });
    expect(find(findings, (x) => x.location.breakdown === 'ice-enforcement-2025-01-26-by-criminality')).toMatchObject({
      severity: 'info',
      actual: { value: 1179 },
    });
  });

  it('reports “around 47%” against the 48.0% the counts give, with the size of the gap', () => {
    const f = find(audit(bundled), (x) => x.code === 'claim' && x.location.claim === 'ice-enforcement-2025-01-26-share-undocumented-status');
    expect(f.severity).toBe('warning');
    expect(f.actual?.value).toBeCloseTo((566 / 1179) * 100, 6); // 48.0068
    expect(f.expected).toMatchObject({ value: 47, unit: 'percent' });
    expect(f.difference?.value).toBeCloseTo(1.0068, 3);
    expect(f.message).toContain('48.0%');
    expect(f.message).toContain('1.0 percentage point higher');
  });

  it('leaves 9 of the 181 without a conviction unexplained', () => {
    const f = find(audit(bundled), (x) => x.code === 'unexplained-remainder');
    expect(f).toMatchObject({ severity: 'warning', location: { breakdown: 'safe-city-2017-not-convicted-by-immigration-history' } });
    expect(f.gap?.value).toBe(9); // 181 − (68 + 104)
    expect(f.difference?.value).toBe(-9); // actual − expected, like every other finding
    expect(f.message).toContain('181 − (68 + 104) leaves at least 9');
  });

  it('holds “twice as large” (597 ÷ 299 ≈ 2.0) and “700 over and above” (nearly 1,300 − 597)', () => {
    const findings = audit(bundled);
    const twice = find(findings, (x) => x.location.claim === 'surge-2019-09-twice-june');
    expect(twice.severity).toBe('info');
    expect(twice.actual?.value).toBeCloseTo(597 / 299, 9);
    const beyond = find(findings, (x) => x.location.claim === 'surge-2019-09-beyond-surge');
    expect(beyond.severity).toBe('info');
    expect(beyond.actual).toMatchObject({ value: 703, low: 573, high: 703 }); // [1,170 − 597, 1,300 − 597]
  });

  it('flags 956 official vs 1,179 internal for 26 January 2025, 223 apart', () => {
    const f = find(audit(bundled), (x) => x.code === 'sources-disagree' && x.severity === 'warning');
    expect(f.location.figures).toEqual(['ice-enforcement-2025-01-26-official-arrests', 'ice-enforcement-2025-01-26-internal-arrests']);
    expect(f.difference).toMatchObject({ value: 223, low: 223, high: 223 });
    expect(f.message).toContain('223 apart');
  });

  it('computes the Chicago total the report never states (106 + 1 = 107)', () => {
    const f = find(audit(bundled), (x) => x.location.breakdown === 'midwest-2016-chicago-by-sex');
    expect(f.actual?.value).toBe(107);
    expect(f.message).toContain('no total is stated');
  });

  it('has no errors, and exactly the three warnings above', () => {
    const findings = audit(bundled);
    expect(countFindings(findings)).toMatchObject({ error: 0, warning: 3 });
    expect(
      audit(bundled, { includePassed: false })
        .map((f) => f.code)
        .sort(),
    ).toEqual(['claim', 'sources-disagree', 'unexplained-remainder']);
  });

  it('takes tolerances: 2 percentage points absorb the 47% rounding', () => {
    const f = find(audit(bundled, { percentPointTolerance: 2 }), (x) => x.location.claim === 'ice-enforcement-2025-01-26-share-undocumented-status');
    expect(f.severity).toBe('info');
    const g = find(audit(bundled, { rounding: false }), (x) => x.location.claim === 'ice-enforcement-2025-01-26-share-undocumented-status');
    expect(g.severity).toBe('info');
  });
});

function tiny(edit: (d: RawDocument) => void = () => {}): Dataset {
  const fig = (id: string, value: number, qualifier = 'exact', source = 's1') => ({
    id,
    metric: 'arrests',
    quantity: { value, unit: 'people', qualifier },
    source,
    claimant: { role: 'agency' },
    evidence: `${value}`,
  });
  const d: RawDocument = {
    schemaVersion: '1.0.0',
    title: 't',
    sources: [
      { id: 's1', title: 'Release', publisher: 'ICE', kind: 'official-release', published: '2019-09-30' },
      { id: 's2', title: 'Story', publisher: 'Paper', kind: 'news-report' },
    ],
    operations: [
      {
        id: 'op',
        name: 'Op',
        agency: 'ICE',
        kind: 'targeted-sweep',
        period: { start: '2019-09-21', end: '2019-09-25', days: 5 },
        places: [],
        figures: [fig('total', 100)],
        breakdowns: [{ id: 'by-place', dimension: 'place', total: 'total', exhaustive: true, exclusive: true, parts: [] }],
        claims: [],
        sources: ['s1'],
      },
    ],
    series: [],
    claims: [],
  };
  d.fig = fig;
  edit(d);
  delete d.fig;
  d.operations[0].breakdowns = d.operations[0].breakdowns.filter((b: RawDocument) => b.parts.length > 0);
  return datasetSchema.parse(d as DatasetInput);
}

describe('audit checks', () => {
  const place = (id: string, value: number, fig: RawDocument) => ({ category: id, place: { kind: 'state', state: 'PA' }, figure: fig(id, value) });

  it('errors when exhaustive parts cannot add to the total', () => {
    const d = tiny((d) => {
      d.operations[0].breakdowns[0].parts = [place('a', 60, d.fig), place('b', 30, d.fig)];
    });
    const f = find(audit(d), (x) => x.code === 'breakdown-sum');
    expect(f).toMatchObject({ severity: 'error', actual: { value: 90 }, difference: { value: -10 } });
    expect(f.message).toContain('10 fewer');
  });

  it('errors on a part larger than its total, and exclusive parts that exceed it', () => {
    const d = tiny((d) => {
      d.operations[0].breakdowns[0] = { ...d.operations[0].breakdowns[0], exhaustive: false, parts: [place('a', 120, d.fig)] };
    });
    expect(
      audit(d)
        .filter((x) => x.code === 'parts-exceed-total')
        .map((x) => x.severity),
    ).toEqual(['error', 'error']);
    const e = tiny((d) => {
      d.operations[0].breakdowns[0] = {
        ...d.operations[0].breakdowns[0],
        exhaustive: false,
        exclusive: 'unknown',
        parts: [place('a', 60, d.fig), place('b', 50, d.fig)],
      };
    });
    expect(find(audit(e), (x) => x.code === 'parts-exceed-total').severity).toBe('warning');
  });

  it('recomputes every kind of claim', () => {
    const d = tiny((d) => {
      d.operations[0].figures.push(d.fig('other', 50), d.fig('part', 25));
      const claim = (id: string, kind: string, inputs: string[], value: number, unit: string, qualifier = 'exact') => ({
        id,
        kind,
        inputs,
        stated: { value, unit, qualifier },
        source: 's2',
        claimant: { role: 'reporter' },
        evidence: id,
      });
      d.operations[0].claims = [
        claim('sum', 'sum', ['total', 'other'], 150, 'people'),
        claim('diff', 'difference', ['total', 'other'], 40, 'people'),
        claim('ratio', 'ratio', ['total', 'other'], 2, 'ratio'),
        claim('share', 'share', ['part', 'total'], 25, 'percent'),
        claim('comp', 'complement', ['total', 'part'], 75, 'people'),
        claim('rate', 'rate-per-day', ['total'], 20, 'people-per-day'),
        claim('change', 'percent-change', ['other', 'total'], 100, 'percent-change'),
        claim('bad-share', 'share', ['part', 'total'], 30, 'percent', 'approximately'),
      ];
    });
    const byClaim = new Map(
      audit(d)
        .filter((f) => f.code === 'claim')
        .map((f) => [f.location.claim, f]),
    );
    expect(byClaim.get('sum')?.severity).toBe('info');
    expect(byClaim.get('diff')).toMatchObject({ severity: 'error', actual: { value: 50 } });
    expect(byClaim.get('ratio')?.severity).toBe('info');
    expect(byClaim.get('share')?.severity).toBe('info');
    expect(byClaim.get('comp')?.severity).toBe('info');
    expect(byClaim.get('rate')).toMatchObject({ severity: 'info', actual: { value: 20 } }); // 100 over 5 days
    expect(byClaim.get('change')).toMatchObject({ severity: 'info', actual: { value: 100 } });
    // "approximately 30%" allows 27–33: 25% is outside, so it cannot be true
    expect(byClaim.get('bad-share')?.severity).toBe('error');
  });

  it('says when a claim cannot be recomputed', () => {
    const d = tiny((d) => {
      d.operations[0].period = { days: 5 };
      d.operations[0].figures.push(d.fig('zero', 0));
      d.operations[0].claims = [
        { id: 'r', kind: 'ratio', inputs: ['total', 'zero'], stated: { value: 2, unit: 'ratio' }, source: 's2', claimant: { role: 'reporter' }, evidence: 'r' },
      ];
    });
    const f = find(audit(d), (x) => x.code === 'claim-not-computable');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('includes 0');
  });

  it('finds periods that cannot be: a figure dated after its source was published, outside its operation', () => {
    const d = tiny((d) => {
      d.operations[0].figures.push({ ...d.fig('late', 5), period: { start: '2019-10-02', end: '2019-10-02' } });
    });
    const found = audit(d).filter((x) => x.code === 'impossible-period');
    expect(found.map((x) => x.severity).sort()).toEqual(['error', 'warning']);
    expect(found.find((x) => x.severity === 'error')?.message).toContain('after its source “Release” was published (2019-09-30)');
  });

  it('reads stated precision from the digits', () => {
    expect(statedPrecision(47)).toBe(1);
    expect(statedPrecision(700)).toBe(100);
    expect(statedPrecision(1300)).toBe(100);
    expect(statedPrecision(1_800_000)).toBe(100_000);
    expect(statedPrecision(48.3)).toBe(0.1);
    expect(statedPrecision(0)).toBe(1);
  });
});
