import { describe, expect, it } from 'vitest';
import { HQ_AOR, isUnknownValue, recordAorLabel, recordAorValueSchema, resolveRecordAor } from './aor-values';
import { countryCodeOf, iceCountryCodes, recordCountry } from './countries';
import { defaultMissingValues, missingValueMatcher } from './missing';
import { parseRecordDate } from './timestamp';

describe('AOR values', () => {
  it('knows ICE headquarters as HQ, with its own label and no states', () => {
    expect(resolveRecordAor('HQ Area of Responsibility')).toBe(HQ_AOR);
    expect(resolveRecordAor('hq')).toBe('HQ');
    expect(recordAorLabel('HQ')).toBe('ICE headquarters');
    expect(recordAorValueSchema.parse('HQ')).toBe('HQ');
  });

  it('still resolves the 25 field offices, and nothing else', () => {
    expect(resolveRecordAor('St. Paul Area of Responsibility')).toBe('SPM');
    expect(resolveRecordAor('SEA')).toBe('SEA');
    expect(resolveRecordAor('Springfield Area of Responsibility')).toBeUndefined();
  });

  it('keeps an unknown office as written', () => {
    const v = recordAorValueSchema.parse({ unknown: 'Springfield Area of Responsibility' });
    expect(isUnknownValue(v)).toBe(true);
    expect(recordAorValueSchema.safeParse('Springfield').success).toBe(false);
  });
});

describe('countries', () => {
  it('maps ICE spellings to ISO 3166 alpha-2 and keeps the spelling', () => {
    expect(recordCountry('CHINA, PEOPLES REPUBLIC OF')).toEqual({ code: 'CN', text: 'CHINA, PEOPLES REPUBLIC OF' });
    expect(recordCountry(' KOREA, SOUTH ')).toEqual({ code: 'KR', text: 'KOREA, SOUTH' });
    expect(countryCodeOf('MEXICO')).toBe('MX');
    expect(countryCodeOf('burma')).toBe('MM');
    expect(countryCodeOf('ST. KITTS-NEVIS')).toBe('KN');
  });

  it('leaves unknown and ambiguous spellings as text, untouched', () => {
    expect(recordCountry('MÉXICO')).toEqual({ code: undefined, text: 'MÉXICO' });
    expect(countryCodeOf('USSR')).toBeUndefined();
    expect(countryCodeOf('KOREA')).toBeUndefined();
    expect(countryCodeOf('UNKNOWN')).toBeUndefined();
  });

  it('uses only codes that name a region (checked against the ICU region names)', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const [spelling, code] of Object.entries(iceCountryCodes)) {
      expect(code, spelling).toMatch(/^[A-Z]{2}$/);
      // ICU echoes a code it does not know.
      expect(names.of(code), `${spelling} → ${code}`).not.toBe(code);
    }
  });

  it('agrees with the ICU name wherever the spellings are the same word', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    let same = 0;
    for (const [spelling, code] of Object.entries(iceCountryCodes)) {
      if (names.of(code)?.toUpperCase() === spelling) same++;
    }
    expect(same).toBeGreaterThan(120);
  });
});

describe('missing values', () => {
  it('treats NA, N/A, NULL, (null) and blank as missing by default, in any case', () => {
    const isMissing = missingValueMatcher();
    for (const s of [...defaultMissingValues, ' na ', 'null', '(NULL)', 'n/a', '   ']) expect(isMissing(s), s).toBe(true);
    for (const s of ['NAMIBIA', 'N', 'NONE', '0', 'Seattle']) expect(isMissing(s), s).toBe(false);
  });

  it('takes the caller’s markers instead (blank stays missing)', () => {
    const isMissing = missingValueMatcher(['-', 'unknown']);
    expect(isMissing('UNKNOWN')).toBe(true);
    expect(isMissing('')).toBe(true);
    expect(isMissing('NA')).toBe(false);
  });
});

describe('parseRecordDate', () => {
  it.each([
    ['2024-06-27', { date: '2024-06-27' }],
    ['2024-06-27 12:50:00', { date: '2024-06-27', time: '12:50:00' }],
    ['2024-06-27 12:50:00+00', { date: '2024-06-27', time: '12:50:00' }],
    ['2024-06-27T12:50:00Z', { date: '2024-06-27', time: '12:50:00' }],
    ['2024-06-27T12:50:00.000-05:00', { date: '2024-06-27', time: '12:50:00' }],
    ['2024-06-27T12:50', { date: '2024-06-27', time: '12:50' }],
    ['2015-10-26 00:00:00', { date: '2015-10-26' }],
    ['10/1/2015', { date: '2015-10-01' }],
    ['6/27/2024 12:50 PM', { date: '2024-06-27', time: '12:50' }],
    ['6/27/2024 12:05 AM', { date: '2024-06-27', time: '00:05' }],
  ])('reads %j', (s, want) => {
    expect(parseRecordDate(s)).toEqual(want);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-06-27 25:00:00', '2024-06-27T12:50:00+', '13/1/2015', 'NA', '', 'yesterday'])('refuses %j', (s) => {
    expect(parseRecordDate(s)).toBeUndefined();
  });
});
