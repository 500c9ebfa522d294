import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { datasetInput } from '../__fixtures__/arbitraries';
import { schemaError, toIcestatIssues, IcestatError } from '../errors';
import { datasetSchema, type DatasetInput } from './dataset';
import type { RawDocument } from '../__fixtures__/tables';

/** A small valid dataset in the input form, after Operation Safe City (report 002). */
function safeCity(): DatasetInput {
  const figure = (id: string, value: number, evidence: string, qualifier?: 'nearly') => ({
    id,
    metric: 'arrests' as const,
    quantity: { value, unit: 'people' as const, ...(qualifier ? { qualifier } : {}) },
    source: 'buzzfeed-2017',
    claimant: { role: 'agency' as const, name: 'ICE' },
    evidence,
  });
  return {
    schemaVersion: '1.0.0',
    title: 'Safe City',
    sources: [{ id: 'buzzfeed-2017', title: 'ICE Acknowledges It Targeted Sanctuary Cities', publisher: 'BuzzFeed News', kind: 'news-report' }],
    operations: [
      {
        id: 'safe-city-2017',
        name: 'Operation Safe City',
        agency: 'ICE',
        kind: 'targeted-sweep',
        period: { days: 4 },
        places: [],
        figures: [figure('arrests', 500, 'nearly 500 people', 'nearly')],
        breakdowns: [
          {
            id: 'by-criminality',
            dimension: 'criminality',
            total: 'arrests',
            exhaustive: true,
            exclusive: true,
            parts: [
              { category: 'convicted', criminality: ['convicted'], figure: figure('convicted', 317, '317 of those arrested') },
              {
                category: 'not-convicted',
                criminality: ['pending-charges', 'other-immigration-violator'],
                figure: figure('not-convicted', 181, '181 of the people arrested'),
                breakdowns: [
                  {
                    id: 'by-history',
                    dimension: 'immigration-history',
                    exhaustive: 'unknown',
                    exclusive: 'unknown',
                    parts: [
                      { category: 'undocumented-only', figure: figure('undocumented', 68, '68 of them') },
                      { category: 'previously-removed', figure: figure('deported', 104, '104 had been previously deported') },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        sources: ['buzzfeed-2017'],
      },
    ],
  };
}

function problems(input: unknown): string[] {
  const r = datasetSchema.safeParse(input);
  return r.success ? [] : toIcestatIssues(r.error.issues).map((i) => i.message);
}

type Mutable = { operations: Record<string, RawDocument>[] } & Record<string, RawDocument>;
function broken(edit: (d: Mutable) => void): unknown {
  const d = structuredClone(safeCity()) as unknown as Mutable;
  edit(d);
  return d;
}

describe('datasetSchema', () => {
  it('accepts a valid dataset and fills the qualifier interval', () => {
    const d = datasetSchema.parse(safeCity());
    expect(d.operations[0]?.figures[0]?.quantity).toMatchObject({ low: 450, high: 500, bounds: 'rule' });
    expect(d.series).toEqual([]);
  });

  it('locates low above high with both numbers', () => {
    const input = broken((d) => {
      d.operations[0]!.figures[0]!.quantity = { value: 500, unit: 'people', low: 510, high: 498 };
    });
    expect(problems(input)).toEqual(['operations[0].figures[0].quantity.low: must not exceed high (low 510, high 498)']);
  });

  it('locates a negative count inside a nested breakdown', () => {
    const input = broken((d) => {
      d.operations[0]!.breakdowns[0].parts[1].breakdowns[0].parts[0].figure.quantity.value = -68;
    });
    expect(problems(input)).toEqual([
      'operations[0].breakdowns[0].parts[1].breakdowns[0].parts[0].figure.quantity.value: must not be negative (got -68 people)',
    ]);
  });

  it('rejects a period that ends before it starts', () => {
    const input = broken((d) => {
      d.operations[0]!.period = { start: '2017-09-27', end: '2017-09-24' };
    });
    expect(problems(input)).toEqual(['operations[0].period.end: must not be before start (start 2017-09-27, end 2017-09-24)']);
  });

  it('rejects a period whose days disagree with its dates', () => {
    const input = broken((d) => {
      d.operations[0]!.period = { start: '2016-05-09', end: '2016-06-13', days: 35 };
    });
    expect(problems(input)).toEqual(['operations[0].period.days: does not match the dates: 2016-05-09 … 2016-06-13 is 36 days counting both ends, not 35']);
  });

  it('rejects an unknown qualifier with its path', () => {
    const input = broken((d) => {
      d.operations[0]!.figures[0]!.quantity.qualifier = 'roughly-ish';
    });
    expect(problems(input)[0]).toMatch(/^operations\[0\]\.figures\[0\]\.quantity\.qualifier: /);
  });

  it('rejects a percent above 100', () => {
    const input = broken((d) => {
      d.operations[0]!.figures[0]!.quantity = { value: 120, unit: 'percent' };
    });
    expect(problems(input)).toContain('operations[0].figures[0].quantity.value: a percent must be between 0 and 100 (got 120)');
  });

  it('rejects a breakdown part in another unit than its total', () => {
    const input = broken((d) => {
      d.operations[0]!.breakdowns[0].parts[0].figure.quantity = { value: 0.637, unit: 'ratio' };
    });
    expect(problems(input)).toEqual([
      'operations[0].breakdowns[0].parts[0].figure.quantity.unit: must be the unit of the total "arrests" (people), or percent for a share of it; got ratio',
    ]);
  });

  it('rejects a nested part in another unit than the part above it', () => {
    const input = broken((d) => {
      d.operations[0]!.breakdowns[0].parts[1].breakdowns[0].parts[1].figure.quantity = { value: 57, unit: 'usd' };
    });
    expect(problems(input)).toEqual([
      'operations[0].breakdowns[0].parts[1].breakdowns[0].parts[1].figure.quantity.unit: must be the unit of the total "not-convicted" (people), or percent for a share of it; got usd',
    ]);
  });

  it('rejects dangling references and duplicate ids', () => {
    const input = broken((d) => {
      d.operations[0]!.figures[0]!.source = 'nbc-2025';
      d.operations[0]!.breakdowns[0].total = 'arrestz';
      d.operations[0]!.breakdowns[0].parts[0].figure.id = 'arrests';
    });
    expect(problems(input)).toEqual([
      'operations[0].figures[0].source: names source "nbc-2025", which is not in the dataset\'s sources',
      'operations[0].breakdowns[0].parts[0].figure.id: duplicate id "arrests" (figure); first used at operations[0].figures[0]',
      'operations[0].breakdowns[0].total: names figure "arrestz", which is not a figure of operation "safe-city-2017"',
    ]);
  });

  it('rejects a criminality part that does not name its classes', () => {
    const input = broken((d) => {
      delete d.operations[0]!.breakdowns[0].parts[0].criminality;
    });
    expect(problems(input)[0]).toMatch(/^operations\[0\]\.breakdowns\[0\]\.parts\[0\]\.criminality: a criminality breakdown’s part needs/);
  });

  it('rejects claims with the wrong number of inputs or unknown figures', () => {
    const input = broken((d) => {
      d.operations[0]!.claims = [
        {
          id: 'share',
          kind: 'share',
          inputs: ['convicted', 'arrests', 'deported'],
          stated: { value: 64, unit: 'percent' },
          source: 'buzzfeed-2017',
          claimant: { role: 'reporter' },
          evidence: 'x',
        },
        {
          id: 'twice',
          kind: 'ratio',
          inputs: ['arrests', 'june'],
          stated: { value: 2, unit: 'ratio' },
          source: 'buzzfeed-2017',
          claimant: { role: 'reporter' },
          evidence: 'twice as large',
        },
      ];
    });
    expect(problems(input)).toEqual([
      'operations[0].claims[0].inputs: a share claim takes exactly 2 input figures; got 3',
      'operations[0].claims[1].inputs[1]: names figure "june", which is not in the dataset',
    ]);
  });

  it('wraps failures in an IcestatError that keeps every issue and zod’s error', () => {
    const r = datasetSchema.safeParse(broken((d) => delete d.title));
    expect(r.success).toBe(false);
    if (r.success) return;
    const e = schemaError('dataset', r.error);
    expect(IcestatError.isInstance(e)).toBe(true);
    expect(e.code).toBe('invalid_dataset');
    expect(e.issues).toEqual([{ code: 'invalid_type', path: 'title', message: 'title: is required (text)' }]);
    expect(e.cause).toBe(r.error);
    expect(e.message).toBe('Invalid dataset: 1 problem\n  - title: is required (text)');
  });

  test.prop([datasetInput], { numRuns: 150 })('parse ∘ serialise is the identity on generated datasets', (input) => {
    const once = datasetSchema.parse(input);
    const twice = datasetSchema.parse(JSON.parse(JSON.stringify(once)));
    expect(twice).toEqual(once);
  });

  test.prop([datasetInput, fc.nat()], { numRuns: 100 })('any negative count is rejected at its path', (input, pick) => {
    const d = structuredClone(input) as unknown as Mutable;
    const ops = d.operations;
    const op = ops[pick % ops.length]!;
    const fig = op.figures[pick % op.figures.length];
    fig.quantity = { value: -1 - (pick % 50), unit: 'people' };
    const oi = ops.indexOf(op);
    const fi = op.figures.indexOf(fig);
    expect(problems(d)).toContain(`operations[${oi}].figures[${fi}].quantity.value: must not be negative (got ${fig.quantity.value} people)`);
  });
});
