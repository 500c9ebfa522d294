import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { aorByCode, aorByName, aorCodeSchema, aorCodes, aors, aorsForState, isStateSplit, resolveAor, statesOfAor } from './aors';
import { stateCodes } from './states';

const codesOf = (list: readonly { code: string }[]) => list.map((a) => a.code);

describe('aors', () => {
  it('lists exactly 25 AORs with unique codes in alphabetical order', () => {
    expect(aors).toHaveLength(25);
    expect(aorCodes).toHaveLength(25);
    expect(new Set(aorCodes).size).toBe(25);
    expect(codesOf(aors)).toEqual([...aorCodes]);
    expect([...aorCodes]).toEqual([...aorCodes].sort());
  });

  it('has unique names, release names and field offices', () => {
    for (const key of ['name', 'releaseName', 'fieldOffice'] as const) {
      expect(new Set(aors.map((a) => a[key])).size).toBe(25);
    }
  });

  it('writes release and field-office names the way ICE does', () => {
    expect(aorByCode('CHI')?.releaseName).toBe('Chicago Area of Responsibility');
    expect(aorByCode('SPM')?.releaseName).toBe('St. Paul Area of Responsibility');
    expect(aorByCode('NYC')?.releaseName).toBe('New York City Area of Responsibility');
    expect(aorByCode('CHI')?.fieldOffice).toBe('Chicago Field Office');
  });

  it('validates codes with the schema', () => {
    expect(aorCodeSchema.parse('SLC')).toBe('SLC');
    expect(aorCodeSchema.safeParse('slc').success).toBe(false);
  });

  it('gives a part description exactly for partial coverage', () => {
    for (const a of aors) {
      for (const c of a.covers) expect(c.whole).toBe(c.part === undefined);
    }
  });
});

describe('coverage', () => {
  it('has Chicago cover exactly IL, IN, KS, KY, MO, WI (the 2016 Midwest raids area)', () => {
    expect([...statesOfAor('CHI')].sort()).toEqual(['IL', 'IN', 'KS', 'KY', 'MO', 'WI']);
  });

  it('splits Texas among exactly DAL, ELP, HAL, HOU, SNA', () => {
    expect(codesOf(aorsForState('TX'))).toEqual(['DAL', 'ELP', 'HAL', 'HOU', 'SNA']);
    expect(isStateSplit('TX')).toBe(true);
  });

  it('splits California and New York', () => {
    expect(codesOf(aorsForState('CA'))).toEqual(['LOS', 'SFR', 'SND']);
    expect(codesOf(aorsForState('NY'))).toEqual(['BUF', 'NYC']);
    expect(isStateSplit('CA')).toBe(true);
    expect(isStateSplit('NY')).toBe(true);
  });

  it('covers single-AOR states whole', () => {
    expect(codesOf(aorsForState('IL'))).toEqual(['CHI']);
    expect(codesOf(aorsForState('DC'))).toEqual(['WAS']);
    expect(codesOf(aorsForState('PR'))).toEqual(['MIA']);
    expect(codesOf(aorsForState('GU'))).toEqual(['SFR']);
    expect(isStateSplit('IL')).toBe(false);
  });

  it('leaves American Samoa uncovered', () => {
    expect(aorsForState('AS')).toEqual([]);
    expect(isStateSplit('AS')).toBe(false);
  });

  it('covers every state, DC and territory except AS', () => {
    const uncovered = stateCodes.filter((s) => aorsForState(s).length === 0);
    expect(uncovered).toEqual(['AS']);
  });

  it('lists only known states, each at most once per AOR', () => {
    for (const a of aors) {
      const covered = statesOfAor(a.code);
      expect(new Set(covered).size).toBe(covered.length);
      for (const s of covered) expect(stateCodes).toContain(s);
    }
  });

  test.prop([fc.constantFrom(...stateCodes)])('whole coverage means one AOR; split means all partial', (state) => {
    const coverages = aors.flatMap((a) => a.covers.filter((c) => c.state === state));
    expect(coverages).toHaveLength(aorsForState(state).length);
    if (coverages.some((c) => c.whole)) expect(aorsForState(state)).toHaveLength(1);
    if (isStateSplit(state)) expect(coverages.every((c) => !c.whole)).toBe(true);
  });

  test.prop([fc.constantFrom(...aors)])('aorsForState and statesOfAor agree', (a) => {
    for (const s of statesOfAor(a.code)) expect(aorsForState(s)).toContain(a);
  });
});

describe('lookups', () => {
  it('resolves codes and release names', () => {
    expect(resolveAor('Salt Lake City Area of Responsibility')?.code).toBe('SLC');
    expect(resolveAor('NOL')?.code).toBe('NOL');
    expect(resolveAor(' nol ')?.code).toBe('NOL');
    expect(aorByName('chicago area of responsibility')?.code).toBe('CHI');
  });

  it.each([
    ['Chicago', 'CHI'],
    ['CHICAGO', 'CHI'],
    ['Chicago AOR', 'CHI'],
    ['chicago  aor', 'CHI'],
    ['Chicago Field Office', 'CHI'],
    ['ERO Chicago', 'CHI'],
    ['st paul', 'SPM'],
    ['St. Paul', 'SPM'],
    ['Saint Paul', 'SPM'],
    ['Saint Paul Area of Responsibility', 'SPM'],
    ['New York', 'NYC'],
    ['New York City', 'NYC'],
    ['NEW YORK CITY AREA OF RESPONSIBILITY', 'NYC'],
    ['Washington DC', 'WAS'],
    ['Washington, D.C.', 'WAS'],
    ['Washington', 'WAS'],
    ['Washington Field Office', 'WAS'],
    ['El Paso', 'ELP'],
    ['san  francisco', 'SFR'],
  ])('aorByName(%j) is %s', (input, code) => {
    expect(aorByName(input)?.code).toBe(code);
  });

  it('rejects unknown input', () => {
    expect(aorByName('Springfield')).toBeUndefined();
    expect(aorByName('')).toBeUndefined();
    expect(aorByName('Area of Responsibility')).toBeUndefined();
    expect(aorByCode('XXX')).toBeUndefined();
    expect(resolveAor('Chicago Office of Field Operations')).toBeUndefined();
  });

  test.prop([fc.constantFrom(...aors)])('finds every AOR by code, release name and field office', (a) => {
    expect(aorByCode(a.code)).toBe(a);
    expect(aorByCode(a.code.toLowerCase())).toBe(a);
    expect(aorByName(a.releaseName)).toBe(a);
    expect(aorByName(a.releaseName.toUpperCase())).toBe(a);
    expect(aorByName(a.releaseName.toLowerCase())).toBe(a);
    expect(aorByName(a.fieldOffice)).toBe(a);
    expect(aorByName(`${a.name} AOR`)).toBe(a);
    expect(resolveAor(a.code)).toBe(a);
    expect(resolveAor(a.name)).toBe(a);
  });

  test.prop([fc.constantFrom(...aors), fc.stringMatching(/^[ \t]{0,3}$/), fc.stringMatching(/^[ \t]{0,3}$/)])(
    'tolerates surrounding whitespace',
    (a, before, after) => {
      expect(resolveAor(`${before}${a.code}${after}`)).toBe(a);
      expect(resolveAor(`${before}${a.releaseName}${after}`)).toBe(a);
    },
  );
});
