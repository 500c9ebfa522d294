// Nested scopes (issue 13): a city's week inside a nationwide week, with its own sources and its
// own criminality breakdown; the audit and the criminal shares recurse into it.
import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../model/dataset';
import { criminalSharesByScope } from '../stats/criminal-share';
import { audit } from './index';
import type { RawDocument } from '../__fixtures__/tables';

const fig = (id: string, value: number, source = 'ice', evidence = `${value}`) => ({
  id,
  metric: 'arrests',
  quantity: { value, unit: 'people' },
  source,
  claimant: { role: 'agency', name: 'ICE' },
  evidence,
});

function nested(): RawDocument {
  return {
    schemaVersion: '1.0.0',
    title: 'Constructed: a city inside a nationwide week',
    sources: [
      { id: 'ice', title: 'Weekly release', publisher: 'ICE', kind: 'official-release', note: 'Constructed for tests.' },
      { id: 'paper', title: 'City paper', publisher: 'Tribune', kind: 'news-report', note: 'Constructed for tests.' },
    ],
    operations: [
      {
        id: 'week',
        name: 'Nationwide week',
        agency: 'ICE-ERO',
        kind: 'nationwide-surge',
        period: { start: '2025-06-01', end: '2025-06-07' },
        places: [{ kind: 'nation', country: 'US' }],
        figures: [fig('week-arrests', 1660)],
        breakdowns: [
          {
            id: 'week-by-place',
            dimension: 'place',
            total: 'week-arrests',
            exhaustive: 'unknown',
            exclusive: true,
            parts: [
              {
                category: 'chicago',
                label: 'Chicago',
                place: { kind: 'city', name: 'Chicago', state: 'IL' },
                figure: fig('chicago-arrests', 300),
                figures: [fig('chicago-arrests-paper', 340, 'paper', 'some 340 people')],
                breakdowns: [
                  {
                    id: 'chicago-by-criminality',
                    dimension: 'criminality',
                    exhaustive: true,
                    exclusive: true,
                    parts: [
                      { category: 'convicted', criminality: ['convicted'], figure: fig('chicago-convicted', 120) },
                      { category: 'pending', criminality: ['pending-charges'], figure: fig('chicago-pending', 60) },
                      { category: 'other', criminality: ['other-immigration-violator'], figure: fig('chicago-other', 120) },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        sources: ['ice', 'paper'],
      },
    ],
  };
}

describe('nested scopes', () => {
  it('compares sources inside a breakdown part, and checks the nested breakdown', () => {
    const findings = audit(nested());
    const disagree = findings.find((f) => f.code === 'sources-disagree')!;
    expect([disagree.severity, disagree.location.path, disagree.difference?.value, disagree.message]).toEqual([
      'warning',
      'operations[0].breakdowns[0].parts[0]',
      40,
      'Nationwide week › Chicago: sources disagree on arrests — 300 “300” (official release, ICE) vs 340 “some 340 people” (news report, Tribune): 40 apart',
    ]);
    expect(findings.find((f) => f.location.breakdown === 'chicago-by-criminality')).toMatchObject({
      code: 'breakdown-sum',
      severity: 'info',
      actual: { value: 300 },
    });
  });

  it('gives the criminal shares of the nested scope', () => {
    const op = datasetSchema.parse(nested()).operations[0]!;
    const scopes = criminalSharesByScope(op);
    expect(scopes.map((s) => [s.scope, s.figure])).toEqual([['week-by-place › chicago', 'chicago-arrests']]);
    expect(scopes[0]!.summary.shares.convicted.share?.value).toBeCloseTo(40, 9); // 120 of 300
    expect(scopes[0]!.summary.shares['ice-criminal'].share?.value).toBeCloseTo(60, 9); // (120 + 60) of 300
  });
});
