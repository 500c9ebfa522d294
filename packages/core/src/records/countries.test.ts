// Reading a country named in words (issue 13: "a citizenship category `mexcio`" was accepted).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countryName, iceCountryCodes, meantCountry } from './countries';

// ICE's nationwide FY2016 releases, read as published (pipe-delimited, banner above the header on
// line 6). They are not in this repository: without the folder the test is skipped with a
// message, unless ICESTAT_REQUIRE_REALDATA=1 makes it fail.
const realdata = fileURLToPath(new URL('../../../../../shared/realdata/ice-lesa/', import.meta.url));
const haveRealdata = existsSync(realdata) || process.env.ICESTAT_REQUIRE_REALDATA === '1';

describe('meantCountry', () => {
  it('reads every spelling ICE uses as itself, exactly — never as a misspelling', () => {
    for (const [spelling, code] of Object.entries(iceCountryCodes)) {
      expect(meantCountry(spelling), spelling).toEqual({ code, name: countryName(spelling), exact: true });
    }
  });

  it('ignores case, spaces and punctuation: a slug or a title-case label is the same spelling', () => {
    expect(meantCountry('st-kitts-nevis')).toEqual({ code: 'KN', name: 'St. Kitts-Nevis', exact: true });
    expect(meantCountry('El Salvador')).toEqual({ code: 'SV', name: 'El Salvador', exact: true });
    expect(meantCountry('china-peoples-republic-of')).toEqual({ code: 'CN', name: 'China, Peoples Republic of', exact: true });
  });

  it('suggests the country a misspelling is close to', () => {
    expect(meantCountry('mexcio')).toEqual({ code: 'MX', name: 'Mexico', exact: false });
    expect(meantCountry('Guatamala')).toEqual({ code: 'GT', name: 'Guatemala', exact: false });
    expect(meantCountry('Hondruas')).toEqual({ code: 'HN', name: 'Honduras', exact: false });
  });

  it('leaves alone words far from every country, and spellings with no present-day code', () => {
    for (const words of [
      'USSR',
      'YUGOSLAVIA',
      'CZECHOSLOVAKIA',
      'SERBIA AND MONTENEGRO',
      'NETHERLANDS ANTILLES',
      'KOREA',
      'UNKNOWN',
      'Other',
      'other-countries',
      'not-recorded',
      'mx',
    ]) {
      expect(meantCountry(words), words).toBeUndefined();
    }
  });
});

describe('countryName', () => {
  it('writes ICE’s capitals as a reader would', () => {
    expect(countryName('MEXICO')).toBe('Mexico');
    expect(countryName('BOSNIA AND HERZEGOVINA')).toBe('Bosnia and Herzegovina');
    expect(countryName('DEM REP OF THE CONGO')).toBe('Dem Rep of the Congo');
    expect(countryName("COTE D'IVOIRE")).toBe("Cote D'Ivoire");
    expect(countryName('GUINEA-BISSAU')).toBe('Guinea-Bissau');
  });
});

describe.skipIf(!haveRealdata)(
  haveRealdata ? 'every citizenship ICE wrote in FY2016' : 'every citizenship ICE wrote in FY2016 (skipped: ICE’s FY2016 releases are not beside the checkout)',
  () => {
    const citizenships = (file: string): Map<string, number> => {
      const lines = gunzipSync(readFileSync(`${realdata}${file}`))
        .toString('utf8')
        .split(/\r?\n/);
      const column = lines[5]!.split('|').indexOf('"Citizenship"');
      expect(column).toBeGreaterThanOrEqual(0);
      const seen = new Map<string, number>();
      for (const line of lines.slice(6)) {
        if (line === '') continue;
        const value = line.split('|')[column]!.replace(/^"|"$/g, '').trim();
        seen.set(value, (seen.get(value) ?? 0) + 1);
      }
      return seen;
    };

    it('is a spelling icestat knows exactly, or one with no present-day code — never a misspelling', { timeout: 120_000 }, () => {
      const arrests = citizenships('EROArrests_FY2016.csv.gz');
      expect([...arrests.values()].reduce((a, b) => a + b, 0)).toBe(110_104);
      const removals = citizenships('ICERemovals_FY2016.csv.gz');
      expect([...removals.values()].reduce((a, b) => a + b, 0)).toBe(240_255);
      for (const seen of [arrests, removals]) {
        const misspelt = [...seen.keys()].filter((v) => meantCountry(v)?.exact === false);
        expect(misspelt).toEqual([]);
        const unknown = [...seen.keys()].filter((v) => meantCountry(v) === undefined).sort();
        expect(
          unknown.every((v) => ['CZECHOSLOVAKIA', 'KOREA', 'NETHERLANDS ANTILLES', 'SERBIA AND MONTENEGRO', 'UNKNOWN', 'USSR', 'YUGOSLAVIA'].includes(v)),
          unknown.join(),
        ).toBe(true);
      }
      expect(arrests.size).toBe(190);
      expect(meantCountry('MEXICO')).toEqual({ code: 'MX', name: 'Mexico', exact: true });
      expect([...arrests.keys()].filter((v) => meantCountry(v)?.exact)).toHaveLength(190 - 6);
    });
  },
);
