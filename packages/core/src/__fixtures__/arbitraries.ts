// fast-check arbitraries of valid icestat data, shared by property tests (also loaders' tests).
import { fc } from '@fast-check/vitest';
import type { DatasetInput } from '../model/dataset';
import type { QuantityInput } from '../model/quantity';
import { stateCodes } from '../reference/states';
import { aorCodes } from '../reference/aors';

const slug = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
// Free text with the characters that break naive CSV and JSON writers.
export const awkwardText = fc
  .string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', "'", '\n', '\r\n', '=', '+', '-', '@', 'é', '“', '”', '\t', '9'), minLength: 1, maxLength: 24 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

/** A valid count quantity: a whole number with any qualifier, bounds from the rule or explicit. */
export const countQuantity: fc.Arbitrary<QuantityInput> = fc
  .tuple(
    fc.integer({ min: 0, max: 2_000_000 }),
    fc.constantFrom('exact', 'approximately', 'more-than', 'at-least', 'nearly', 'fewer-than', 'at-most', 'range'),
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 0, max: 1000 }),
    fc.boolean(),
  )
  .map(([value, qualifier, below, above, explicit]) =>
    qualifier === 'range' || explicit
      ? { value, unit: 'people' as const, qualifier, low: Math.max(0, value - below), high: value + above }
      : { value, unit: 'people' as const, qualifier },
  );

const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const place = fc.oneof(
  fc.constantFrom(...stateCodes).map((state) => ({ kind: 'state' as const, state })),
  fc.constantFrom(...aorCodes).map((aor) => ({ kind: 'aor' as const, aor })),
  fc.tuple(awkwardText, fc.constantFrom(...stateCodes)).map(([name, state]) => ({ kind: 'city' as const, name, state })),
);

/**
 * A valid dataset: 1–3 sources, 1–3 operations with figures, an optional breakdown of the first
 * figure and a claim over figures, and a series. Ids are made unique by construction.
 */
export const datasetInput: fc.Arbitrary<DatasetInput> = fc
  .record({
    title: awkwardText,
    sources: fc.array(
      fc.record({
        title: awkwardText,
        publisher: awkwardText,
        kind: fc.constantFrom('news-report', 'official-release', 'internal-statistics', 'advocacy-statement'),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    operations: fc.array(
      fc.record({
        name: awkwardText,
        start: date,
        days: fc.integer({ min: 1, max: 60 }),
        places: fc.array(place, { maxLength: 3 }),
        figures: fc.array(fc.record({ quantity: countQuantity, evidence: awkwardText, note: fc.option(awkwardText, { nil: undefined }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        parts: fc.array(fc.record({ category: slug, quantity: countQuantity, evidence: awkwardText }), { maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ title, sources, operations }) => {
    const sourceIds = sources.map((_, i) => `source-${i}`);
    let figureCount = 0;
    const figureId = (): string => `figure-${figureCount++}`;
    const ops = operations.map((o, oi) => {
      const start = o.start;
      const end = new Date(Date.parse(`${start}T00:00:00Z`) + (o.days - 1) * 86_400_000).toISOString().slice(0, 10);
      const figures = o.figures.map((f, fi) => ({
        id: figureId(),
        metric: 'arrests' as const,
        quantity: f.quantity,
        source: sourceIds[fi % sourceIds.length]!,
        claimant: { role: 'agency' as const, name: 'ICE' },
        evidence: f.evidence,
        ...(f.note === undefined ? {} : { note: f.note }),
      }));
      const breakdowns =
        o.parts.length === 0
          ? []
          : [
              {
                id: `breakdown-${oi}`,
                dimension: 'offence' as const,
                total: figures[0]!.id,
                exhaustive: false,
                exclusive: 'unknown' as const,
                parts: o.parts.map((p, pi) => ({
                  category: `${p.category}-${pi}`,
                  figure: {
                    id: figureId(),
                    metric: 'arrests' as const,
                    quantity: p.quantity,
                    source: sourceIds[0]!,
                    claimant: { role: 'reporter' as const },
                    evidence: p.evidence,
                  },
                })),
              },
            ];
      const claims =
        figures.length >= 2
          ? [
              {
                id: `claim-${oi}`,
                kind: 'sum' as const,
                inputs: figures.map((f) => f.id),
                stated: { value: 1, unit: 'people' as const, qualifier: 'approximately' as const },
                source: sourceIds[0]!,
                claimant: { role: 'reporter' as const },
                evidence: 'in all',
              },
            ]
          : [];
      return {
        id: `operation-${oi}`,
        name: o.name,
        agency: 'ICE' as const,
        kind: 'targeted-sweep' as const,
        period: { start, end, days: o.days },
        places: o.places,
        figures,
        breakdowns,
        claims,
        sources: [sourceIds[0]!],
      };
    });
    return {
      schemaVersion: '1.0.0',
      title,
      sources: sources.map((s, i) => ({ id: sourceIds[i]!, ...s })),
      operations: ops,
      series: [],
      claims: [],
    };
  });
