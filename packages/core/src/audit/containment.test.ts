// Containment (issue 13): a California part in a Salt Lake City AOR breakdown, and a part
// labelled "convicted" whose class says otherwise, were silently accepted.
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../__fixtures__/testing';
import { stateAndCountryOperation } from '../__fixtures__/tables';
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
    const raw: any = structuredClone(d);
    const op = raw.operations.find((o: any) => o.id === 'safe-city-2017');
    const b = op.breakdowns.find((x: any) => x.dimension === 'criminality');
    b.parts[0].criminality = ['other-immigration-violator'];
    b.parts[1].label = 'not convicted';
    b.parts[1].criminality = ['convicted'];
    const found = audit(raw).filter((f) => f.code === 'containment');
    expect(found.map((f) => [f.verdict, f.classes])).toEqual([
      ['label-contradicts-class', { label: b.parts[0].label ?? b.parts[0].category, classes: ['other-immigration-violator'], must: 'convicted' }],
      ['label-contradicts-class', { label: 'not convicted', classes: ['convicted'], mustNot: 'convicted' }],
    ]);
    expect(found[1]!.message).toBe('criminality breakdown “safe-city-2017-by-criminality”: the part labelled “not convicted” (181) covers convicted, but its words mean no convicted class');
  });

  it('finds nothing to object to in the bundled dataset', () => {
    expect(audit(bundledDataset()).filter((f) => f.code === 'containment')).toEqual([]);
  });
});
