// Flows, stocks and averages (issue 13, "measures of time"): figures from ICE's FY2024 detention
// statistics as the issue quotes them — book-ins over FY2024, the population detained on
// 2024-10-01, and the average daily population (fractional).
import { describe, expect, it } from 'vitest';
import { caught } from '../__fixtures__/testing';
import { audit } from '../audit/index';
import { figureSchema, measureOf } from '../model/figure';
import { datasetSchema } from '../model/dataset';
import { headlineFigure } from './headline-figure';
import { ratePerDay } from './rate-per-day';

const fig = (id: string, metric: string, value: number, unit: string, extra: object = {}) => ({
  id,
  metric,
  quantity: { value, unit },
  source: 'ice-fy2024',
  claimant: { role: 'agency', name: 'ICE' },
  evidence: `${value}`,
  ...extra,
});

const detention = () => ({
  schemaVersion: '1.0.0',
  title: 'FY2024 detention statistics',
  sources: [{ id: 'ice-fy2024', title: 'ICE detention statistics FY2024', publisher: 'ICE', kind: 'official-release', published: '2024-10-03' }],
  operations: [
    {
      id: 'detention-fy2024',
      name: 'ICE detention, FY2024',
      agency: 'ICE-ERO',
      kind: 'daily-enforcement',
      period: { fiscalYear: 2024, start: '2023-10-01', end: '2024-09-30' },
      places: [{ kind: 'nation', country: 'US' }],
      figures: [
        fig('currently-detained', 'detention-population', 37684, 'people', { period: { start: '2024-10-01', end: '2024-10-01' } }),
        fig('book-ins', 'book-ins', 277913, 'people'),
        fig('adp', 'average-daily-population', 24216.45, 'people-average'),
      ],
      sources: ['ice-fy2024'],
    },
  ],
});

describe('measures of time', () => {
  it('reads each metric’s measure, and lets a figure state its own where the metric allows', () => {
    expect(measureOf({ metric: 'book-ins' })).toBe('flow');
    expect(measureOf({ metric: 'detention-population' })).toBe('stock');
    expect(measureOf({ metric: 'average-daily-population' })).toBe('average');
    expect(measureOf({ metric: 'detentions', measure: 'stock' })).toBe('stock');
  });

  it('accepts a fractional average daily population, and refuses it in whole people', () => {
    const d = datasetSchema.parse(detention());
    expect(d.operations[0]!.figures[2]!.quantity).toMatchObject({ value: 24216.45, low: 24216.45, high: 24216.45, unit: 'people-average' });
    const r = figureSchema.safeParse(fig('adp', 'average-daily-population', 24216.45, 'people'));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      'must be a whole number of people (got 24216.45)',
      'average-daily-population is counted in people-average; got people',
    ]);
  });

  it('refuses a measure that contradicts the metric', () => {
    const r = figureSchema.safeParse(fig('b', 'book-ins', 5, 'people', { measure: 'stock' }));
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['measure', 'book-ins is always a flow; got stock']]);
  });

  it('gives no period warnings for a stock on the day after the fiscal year and flows over it', () => {
    const findings = audit(detention());
    expect(findings.filter((f) => f.code === 'impossible-period')).toEqual([]);
  });

  it('warns when a stock is given several days, and when it lies beyond the day after its operation', () => {
    const d = detention();
    // The stock of the first figure, given a month instead of its day.
    d.operations[0]!.figures[0] = fig('currently-detained', 'detention-population', 37684, 'people', { period: { start: '2024-09-01', end: '2024-10-01' } });
    d.operations[0]!.figures.push(fig('later', 'detention-population', 39000, 'people', { period: { start: '2024-10-02', end: '2024-10-02' } }));
    const found = audit(d).filter((f) => f.code === 'impossible-period');
    expect(found.map((f) => [f.verdict, f.severity, f.message])).toEqual([
      [
        'stock-not-instant',
        'warning',
        'figure “37684”: a population held on one day, but its period runs 2024-09-01 … 2024-10-01; give the day it was counted',
      ],
      ['outside-operation', 'warning', "figure “39000”: its period 2024-10-02 … 2024-10-02 reaches outside its operation's 2023-10-01 … 2024-09-30"],
    ]);
  });

  it('leads with the flow, not the stock', () => {
    const op = datasetSchema.parse(detention()).operations[0]!;
    expect(headlineFigure(op).id).toBe('book-ins');
    expect(headlineFigure({ ...op, figures: [op.figures[2]!, op.figures[0]!] }).id).toBe('currently-detained');
    expect(headlineFigure({ ...op, figures: [op.figures[2]!] }).id).toBe('adp');
  });

  it('has no rate per day for a stock or an average', () => {
    const op = datasetSchema.parse(detention()).operations[0]!;
    expect(caught(() => ratePerDay(op.figures[0]!, op.period)).message).toBe(
      'ratePerDay needs a flow (a count over a period); detention-population is a stock, counted on one day',
    );
    expect(ratePerDay(op.figures[1]!, op.period).value).toBeCloseTo(277913 / 366, 6); // FY2024 has 366 days
  });
});
