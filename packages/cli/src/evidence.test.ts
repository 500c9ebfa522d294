import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetSchema } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { checkEvidence } from './evidence';

// A two-source dataset: one source's text is in the folder (by its id), the other's is not.
const dataset = datasetSchema.parse({
  schemaVersion: '1.0.0',
  title: 'Evidence test',
  sources: [
    { id: 'report-a', title: 'Report A', publisher: 'A', kind: 'news-report' },
    { id: 'report-b', title: 'Report B', publisher: 'B', kind: 'news-report' },
  ],
  operations: [
    {
      id: 'op',
      name: 'An operation',
      agency: 'ICE',
      kind: 'targeted-sweep',
      period: { start: '2017-09-24', end: '2017-09-27' },
      places: [],
      sources: ['report-a'],
      figures: [
        {
          id: 'op-arrests',
          metric: 'arrests',
          quantity: { value: 498, unit: 'people' },
          source: 'report-a',
          claimant: { role: 'agency', name: 'ICE' },
          evidence: 'arrested “nearly 500\n people”',
        },
        {
          id: 'op-convicted',
          metric: 'arrests',
          quantity: { value: 317, unit: 'people' },
          source: 'report-a',
          claimant: { role: 'agency', name: 'ICE' },
          evidence: '317 had criminal convictions',
        },
        {
          id: 'op-other',
          metric: 'arrests',
          quantity: { value: 1, unit: 'people' },
          source: 'report-b',
          claimant: { role: 'agency', name: 'ICE' },
          evidence: 'one more',
        },
      ],
    },
  ],
});

describe('checkEvidence', () => {
  it('finds quotes whatever their whitespace and quote style, and locates the one that is not there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icestat-evidence-'));
    writeFileSync(join(dir, 'report-a.txt'), 'ICE said it arrested "nearly 500 people" in the operation.\nOf them, 316 had criminal convictions.');
    const check = await checkEvidence(dataset, dir);
    expect(check.matched).toEqual(new Map([['report-a', 'report-a.txt']]));
    expect(check.checked).toBe(2);
    expect(check.sourcesWithoutText).toEqual(['report-b']);
    expect(check.issues).toEqual([
      {
        code: 'evidence_not_found',
        path: 'operations[0].figures[1].evidence',
        file: 'report-a.txt',
        message:
          'operations[0].figures[1].evidence: the evidence of "op-convicted", “317 had criminal convictions”, is not in report-a.txt (the text of source "report-a")',
      },
    ]);
  });
});
