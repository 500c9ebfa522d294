import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { resolveState, stateByCode, stateByName, stateCodeSchema, stateCodes, states } from './states';

describe('states', () => {
  it('lists the 50 states, DC and 5 territories', () => {
    expect(states).toHaveLength(56);
    expect(stateCodes).toHaveLength(56);
    expect(states.filter((s) => s.kind === 'state')).toHaveLength(50);
    expect(states.filter((s) => s.kind === 'district').map((s) => s.code)).toEqual(['DC']);
    expect(
      states
        .filter((s) => s.kind === 'territory')
        .map((s) => s.code)
        .sort(),
    ).toEqual(['AS', 'GU', 'MP', 'PR', 'VI']);
    expect(states.filter((s) => s.kind !== 'territory')).toHaveLength(51);
  });

  it('keeps states in the alphabetical order of stateCodes', () => {
    expect(states.map((s) => s.code)).toEqual([...stateCodes]);
    expect([...stateCodes]).toEqual([...stateCodes].sort());
  });

  it('has unique codes, names and two-digit FIPS codes', () => {
    expect(new Set(stateCodes).size).toBe(56);
    expect(new Set(states.map((s) => s.name.toLowerCase())).size).toBe(56);
    const fips = states.map((s) => s.fips);
    expect(new Set(fips).size).toBe(56);
    for (const f of fips) expect(f).toMatch(/^\d{2}$/);
  });

  it('carries the known FIPS codes', () => {
    const fipsOf = (code: string) => stateByCode(code)?.fips;
    expect(fipsOf('IL')).toBe('17');
    expect(fipsOf('AL')).toBe('01');
    expect(fipsOf('DC')).toBe('11');
    expect(fipsOf('PR')).toBe('72');
    expect(fipsOf('VI')).toBe('78');
    expect(fipsOf('GU')).toBe('66');
    expect(fipsOf('AS')).toBe('60');
    expect(fipsOf('MP')).toBe('69');
    expect(fipsOf('WY')).toBe('56');
  });

  it('validates codes with the schema', () => {
    expect(stateCodeSchema.parse('CO')).toBe('CO');
    expect(stateCodeSchema.safeParse('co').success).toBe(false);
    expect(stateCodeSchema.safeParse('XX').success).toBe(false);
  });
});

describe('stateByCode', () => {
  it('ignores case and surrounding whitespace', () => {
    expect(stateByCode('CO')?.name).toBe('Colorado');
    expect(stateByCode('co')?.name).toBe('Colorado');
    expect(stateByCode(' pr ')?.name).toBe('Puerto Rico');
  });

  it('rejects unknown codes and names', () => {
    expect(stateByCode('XX')).toBeUndefined();
    expect(stateByCode('')).toBeUndefined();
    expect(stateByCode('Colorado')).toBeUndefined();
  });
});

describe('stateByName', () => {
  it.each([
    ['COLORADO', 'CO'],
    ['colorado', 'CO'],
    [' new  york ', 'NY'],
    ['NEW\tYORK', 'NY'],
    ['District of Columbia', 'DC'],
    ['DISTRICT OF COLUMBIA', 'DC'],
    ['Washington, D.C.', 'DC'],
    ['Washington DC', 'DC'],
    ['WASHINGTON D.C.', 'DC'],
    ['D.C.', 'DC'],
    ['Washington', 'WA'],
    ['Puerto Rico', 'PR'],
    ['U.S. Virgin Islands', 'VI'],
    ['US Virgin Islands', 'VI'],
    ['Virgin Islands', 'VI'],
    ['Northern Mariana Islands', 'MP'],
    ['American Samoa', 'AS'],
    ['guam', 'GU'],
    ['west virginia', 'WV'],
  ])('resolves %j to %s', (input, code) => {
    expect(stateByName(input)?.code).toBe(code);
  });

  it('rejects unknown names', () => {
    expect(stateByName('Atlantis')).toBeUndefined();
    expect(stateByName('')).toBeUndefined();
    expect(stateByName('York')).toBeUndefined();
  });
});

describe('resolveState', () => {
  it('accepts a code or a name', () => {
    expect(resolveState('CO')?.code).toBe('CO');
    expect(resolveState('COLORADO')?.code).toBe('CO');
    expect(resolveState('Washington, D.C.')?.code).toBe('DC');
    expect(resolveState('nowhere')).toBeUndefined();
  });

  test.prop([fc.constantFrom(...states)])('finds every entry by upper-case name and lower-case code', (s) => {
    expect(resolveState(s.name.toUpperCase())).toBe(s);
    expect(resolveState(s.code.toLowerCase())).toBe(s);
    expect(resolveState(`  ${s.name.toLowerCase().replace(/ /g, '   ')} `)).toBe(s);
  });

  test.prop([fc.constantFrom(...stateCodes)])('round-trips every code through stateByCode', (code) => {
    expect(stateByCode(code)?.code).toBe(code);
  });
});
