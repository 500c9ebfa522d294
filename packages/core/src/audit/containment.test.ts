// Containment (issue 13): a California part in a Salt Lake City AOR breakdown, and a part
// labelled "convicted" whose class says otherwise, were silently accepted.
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../__fixtures__/testing';
import { type RawDocument, stateAndCountryOperation } from '../__fixtures__/tables';
import { iceCountryCodes } from '../records/countries';
import { audit } from './index';

describe('containment', () => {
  it('errors on a state outside its total’s AOR', () => {
    const d = stateAndCountryOperation();
    d.operations[0].breakdowns[0].parts[1].place = { kind: 'state', state: 'CA' };
    const found = audit(d).filter((f) => f.code === 'containment');
    expect(found.map((f) => [f.severity, f.verdict, f.location.path, f.message])).toEqual([
      [
        'error',
        'place-outside-total',
        'operations[0].breakdowns[0].parts[1]',
        'place breakdown “slc-sample-by-state”: the part CA (3, “three in Nevada”) lies outside SLC AOR, the place of its total 8 (“eight people”)',
      ],
    ]);
  });

  it('accepts states inside their AOR, and a set of AORs covering both', () => {
    expect(audit(stateAndCountryOperation()).filter((f) => f.code === 'containment')).toEqual([]);
    const d = stateAndCountryOperation();
    d.operations[0].figures[3].places = [{ kind: 'aor-set', aors: ['SLC', 'LOS'] }];
    d.operations[0].breakdowns[0].parts[1].place = { kind: 'state', state: 'CA' };
    expect(audit(d).filter((f) => f.code === 'containment')).toEqual([]);
  });

  it('errors on a part labelled “convicted” whose class is other immigration violator, and the reverse', () => {
    const d = bundledDataset();
    const raw: RawDocument = structuredClone(d);
    const op = raw.operations.find((o: RawDocument) => o.id === 'safe-city-2017');
    const b = op.breakdowns.find((x: RawDocument) => x.dimension === 'criminality');
    b.parts[0].criminality = ['other-immigration-violator'];
    b.parts[1].label = 'not convicted';
    b.parts[1].criminality = ['convicted'];
    const found = audit(raw).filter((f) => f.code === 'containment');
    expect(found.map((f) => [f.verdict, f.classes])).toEqual([
      ['label-contradicts-class', { label: b.parts[0].label ?? b.parts[0].category, classes: ['other-immigration-violator'], must: 'convicted' }],
      ['label-contradicts-class', { label: 'not convicted', classes: ['convicted'], mustNot: 'convicted' }],
    ]);
    expect(found[1]!.message).toBe(
      'criminality breakdown “safe-city-2017-by-criminality”: the part labelled “not convicted” (181) covers convicted, but its words mean no convicted class',
    );
  });

  it('finds nothing to object to in the bundled dataset', () => {
    expect(audit(bundledDataset()).filter((f) => f.code === 'containment')).toEqual([]);
  });

  describe('country categories', () => {
    const countryFindings = (d: RawDocument) => audit(d).filter((f) => f.country !== undefined);

    it('warns on a misspelt country, counted or named without a count: did you mean Mexico (MX)?', () => {
      const d = stateAndCountryOperation();
      const b = d.operations[0].breakdowns[1];
      b.parts[0] = { ...b.parts[0], category: 'mexcio', label: undefined };
      b.parts[1].label = 'Guatamala';
      b.parts[2].label = 'Hondruas';
      b.uncounted[0] = { ...b.uncounted[0], label: 'Tonag', country: undefined };
      delete b.parts[0].label;
      delete b.uncounted[0].country;
      const found = countryFindings(d);
      expect(found.map((f) => [f.code, f.severity, f.verdict, f.location.path, f.message])).toEqual([
        [
          'containment',
          'warning',
          'misspelt-country',
          'operations[0].breakdowns[1].parts[0]',
          'citizenship breakdown “slc-sample-by-country”: the part “mexcio” (4) is spelt as no country — did you mean Mexico (MX)?',
        ],
        [
          'containment',
          'warning',
          'misspelt-country',
          'operations[0].breakdowns[1].parts[1]',
          'citizenship breakdown “slc-sample-by-country”: the part “Guatamala” (2) is spelt as no country — did you mean Guatemala (GT)?',
        ],
        [
          'containment',
          'warning',
          'misspelt-country',
          'operations[0].breakdowns[1].parts[2]',
          'citizenship breakdown “slc-sample-by-country”: the part “Hondruas” (1) is spelt as no country — did you mean Honduras (HN)?',
        ],
        [
          'containment',
          'warning',
          'misspelt-country',
          'operations[0].breakdowns[1].uncounted[0]',
          'citizenship breakdown “slc-sample-by-country”: “Tonag”, named without a count, is spelt as no country — did you mean Tonga (TO)?',
        ],
      ]);
      expect(found[0]!.country).toEqual({ words: 'mexcio', meant: { code: 'MX', name: 'Mexico' } });
      expect(found[0]!.location.figures).toEqual(['slc-sample-mx']);
      expect(found[3]!.uncounted).toEqual([{ category: 'tonga', label: 'Tonag', evidence: 'and Tonga' }]);
    });

    it('warns when the words name one country and the code another, and when a misspelling carries another code', () => {
      const d = stateAndCountryOperation();
      const b = d.operations[0].breakdowns[1];
      b.parts[0] = { ...b.parts[0], label: 'Guatemala', country: 'HN' };
      b.parts[1] = { ...b.parts[1], label: 'Guatamala', country: 'GU' };
      expect(countryFindings(d).map((f) => [f.verdict, f.message])).toEqual([
        ['label-contradicts-country', 'citizenship breakdown “slc-sample-by-country”: the part “Guatemala” (4) names Guatemala (GT), but carries country HN'],
        [
          'misspelt-country',
          'citizenship breakdown “slc-sample-by-country”: the part “Guatamala” (2) carries country GU, but its words are spelt as no country — did you mean Guatemala (GT)?',
        ],
      ]);
    });

    it('accepts a misspelling whose code says what it means, and words far from every country', () => {
      const d = stateAndCountryOperation();
      const b = d.operations[0].breakdowns[1];
      b.parts[0] = { ...b.parts[0], label: 'Guatamala', country: 'GT' };
      b.parts[1] = { ...b.parts[1], category: 'other', label: 'Other countries' };
      b.parts[2] = { ...b.parts[2], category: 'ussr', label: 'USSR' };
      expect(countryFindings(d)).toEqual([]);
      b.parts[2] = { ...b.parts[2], category: 'mexcio', label: undefined, notRecorded: true };
      delete b.parts[2].label;
      expect(countryFindings(d)).toEqual([]);
    });

    it('never warns on a spelling ICE uses, with its code or without', () => {
      for (const [spelling, code] of Object.entries(iceCountryCodes)) {
        for (const country of [code, undefined]) {
          const d = stateAndCountryOperation();
          const b = d.operations[0].breakdowns[1];
          b.parts[0] = { ...b.parts[0], label: spelling, ...(country ? { country } : {}) };
          b.dimension = 'departure-country';
          expect(countryFindings(d), spelling).toEqual([]);
        }
      }
    }, 60_000);
  });
});
