// The country codes a part may carry (issue 13: "citizenship country (ISO 3166 alpha-2)"), checked
// against an independent, maintained copy of ISO 3166-1 so the compact list cannot drift.
import { fc, test } from '@fast-check/vitest';
import { iso31661, iso31661Reserved } from 'iso-3166';
import { describe, expect, it } from 'vitest';
import { countryCodeSchema } from '../model/breakdown';
import { iceCountryCodes } from '../records/countries';
import { countryCodes } from './countries';

const message = (input: unknown): string | undefined => countryCodeSchema.safeParse(input).error?.issues[0]?.message;

describe('countryCodes', () => {
  it('is every officially assigned ISO 3166-1 alpha-2 code, and XK (Kosovo), sorted', () => {
    const assigned = iso31661.filter((c) => c.state === 'assigned').map((c) => c.alpha2);
    expect(assigned).toHaveLength(249);
    expect(countryCodes).toEqual([...assigned, 'XK'].sort());
    expect(countryCodeSchema.options).toEqual(countryCodes);
  });

  it('holds every code ICE’s spellings map to', () => {
    const missing = Object.entries(iceCountryCodes).filter(([, code]) => !countryCodes.includes(code));
    expect(missing).toEqual([]);
  });

  it('holds no reserved code', () => {
    const reserved = iso31661Reserved.map((c) => c.alpha2);
    expect(reserved).toContain('UK');
    expect(countryCodes.filter((c) => reserved.includes(c))).toEqual([]);
  });
});

describe('countryCodeSchema', () => {
  it('accepts assigned codes and XK, which ICE writes for Kosovo', () => {
    for (const code of ['MX', 'GT', 'HN', 'WS', 'TO', 'XK', iceCountryCodes.KOSOVO]) expect(countryCodeSchema.parse(code)).toBe(code);
  });

  it('says what was meant: the code in capitals, GB for UK, the code of a country’s name', () => {
    const want = 'must be an ISO 3166-1 alpha-2 country code in capitals; got';
    expect(message('mx')).toBe(`${want} "mx" — did you mean "MX"? (one of AD, AE, AF, AG, AI, AL, AM, AO, AQ, AR, AS, AT, …)`);
    expect(message('UK')).toBe(`${want} "UK" — did you mean "GB"? (one of AD, AE, AF, AG, AI, AL, AM, AO, AQ, AR, AS, AT, …)`);
    expect(message('Mexico')).toBe(`${want} "Mexico" — did you mean "MX"? (one of AD, AE, AF, AG, AI, AL, AM, AO, AQ, AR, AS, AT, …)`);
    expect(message('Hondruas')).toBe(`${want} "Hondruas" — did you mean "HN"? (one of AD, AE, AF, AG, AI, AL, AM, AO, AQ, AR, AS, AT, …)`);
  });

  it('rejects an unassigned or reserved code without guessing a neighbour', () => {
    // QQ is one letter from QA (Qatar); suggesting it would be a guess, not a correction.
    expect(message('QQ')).toBe('must be an ISO 3166-1 alpha-2 country code in capitals; got "QQ" (one of AD, AE, AF, AG, AI, AL, AM, AO, AQ, AR, AS, AT, …)');
    expect(message('YU')).not.toContain('did you mean');
    expect(message(52)).toBe('must be an ISO 3166-1 alpha-2 country code in capitals, written as text; got number 52');
  });

  const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  test.prop([fc.constantFrom(...countryCodes)])('accepts every code in the list', (code) => {
    expect(countryCodeSchema.safeParse(code).success).toBe(true);
  });
  test.prop([
    fc
      .tuple(letter, letter)
      .map(([a, b]) => a + b)
      .filter((c) => !countryCodes.includes(c)),
  ])('rejects any other two capitals with a clear message, and suggests only a code in the list', (code) => {
    const m = message(code)!;
    expect(m.startsWith(`must be an ISO 3166-1 alpha-2 country code in capitals; got "${code}"`)).toBe(true);
    const meant = / — did you mean "([A-Z]{2})"\?/.exec(m)?.[1];
    if (meant !== undefined) expect(countryCodes).toContain(meant);
  });
});
