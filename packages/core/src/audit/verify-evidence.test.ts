// verifyEvidence against the news reports the bundled dataset was read from. The publishers' texts
// are not in this repository; the tests read them from the folder `seedsDir` names, beside the
// checkout. Without it the tests that need them are skipped with a message, unless
// ICESTAT_REQUIRE_REALDATA=1 makes them fail.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../__fixtures__/testing';
import { stateAndCountryOperation } from '../__fixtures__/tables';
import { datasetSchema } from '../model/dataset';
import { normaliseEvidenceText, verifyEvidence } from './index';

const seedsDir = fileURLToPath(new URL('../../../../../shared/seeds/', import.meta.url));
const haveSeeds = existsSync(seedsDir) || process.env.ICESTAT_REQUIRE_REALDATA === '1';
const seedFiles = {
  'seed-000-midwest-raids-2016': '000_8f42807424de4bfa.txt',
  'seed-001-truthdig-2025-ice-raids': '001_b2f3303dcd62f397.txt',
  'seed-002-buzzfeed-safe-city-2017': '002_d89d482a15b1de04.txt',
  'seed-004-wsws-2019-10-07': '004_f2e3f6514b1f1602.txt',
};
/** The report texts by source id, read when a test needs them (fails loudly when they are absent). */
const reportTexts = (): Record<string, string> =>
  Object.fromEntries(Object.entries(seedFiles).map(([id, file]) => [id, readFileSync(seedsDir + file, 'utf8')]));
const withSeeds = haveSeeds ? it : it.skip;
const skipNote = haveSeeds ? '' : ` (skipped: no report texts in ${seedsDir})`;

describe('verifyEvidence', () => {
  withSeeds(`finds every phrase of the bundled dataset in the report it was read from${skipNote}`, () => {
    const r = verifyEvidence(bundledDataset(), reportTexts());
    expect(r.missing.map((m) => `${m.path}: ${m.evidence}`)).toEqual([]);
    expect(r.found.length).toBeGreaterThan(40);
    expect(r.unchecked).toEqual([]);
  });

  withSeeds(`reports a phrase that is not in the text, with where it is${skipNote}`, () => {
    const d = structuredClone(bundledDataset());
    (d.operations[0]!.figures[0] as { evidence: string }).evidence = 'the arrest of 333 individuals';
    const r = verifyEvidence(d, reportTexts());
    expect(r.missing).toEqual([
      {
        id: d.operations[0]!.figures[0]!.id,
        kind: 'figure',
        path: 'operations[0].figures[0]',
        source: 'seed-000-midwest-raids-2016',
        evidence: 'the arrest of 333 individuals',
      },
    ]);
  });

  it('reads HTML: tags, entities, curly quotes and dashes do not matter; derived figures are not looked for', () => {
    const html =
      '<p>Arrests: 1,660 nationwide; <b>1,517</b> in the Salt&nbsp;Lake City AOR. By state: eight people, five in Utah, three in Nevada. Mexico 4, Samoa 2, Brazil 1, and&#32;Tonga.</p>';
    const r = verifyEvidence(datasetSchema.parse(stateAndCountryOperation()), { release: html });
    expect(r.missing.map((m) => m.evidence)).toEqual([]);
    expect(r.found.map((m) => m.evidence)).toContain('and Tonga');
    expect(r.found.map((m) => m.id)).not.toContain('week-outside-slc');
    expect(normaliseEvidenceText('<i>“nearly</i>&nbsp;500” &mdash; ICE')).toBe('"nearly 500" - ice');
  });
});
