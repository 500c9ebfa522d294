import { tallyDimensions } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { parseColumnsOption } from './column-option';
import { dimensionColumn, dimensionFlag, parseDimension } from './dimensions';
import { UsageError } from './usage-error';

describe('dimension names on the command line', () => {
  it('reads kebab, snake and camel case and a few aliases', () => {
    expect(['fiscal-year', 'fiscal_year', 'fiscalYear', 'FY', 'year'].map((t) => parseDimension(t, '--by', 'tally'))).toEqual(Array(5).fill('fiscalYear'));
    expect(parseDimension('apprehension-type', '--by', 'tally')).toBe('apprehensionType');
    expect(parseDimension('country', '--by', 'tally')).toBe('citizenship');
  });

  it('round-trips every dimension through its flag and its CSV column', () => {
    for (const d of tallyDimensions) {
      expect(parseDimension(dimensionFlag(d), '--by', 'tally')).toBe(d);
      expect(parseDimension(dimensionColumn(d), '--by', 'tally')).toBe(d);
    }
    expect(dimensionFlag('apprehensionType')).toBe('apprehension-type');
    expect(dimensionColumn('fiscalYear')).toBe('fiscal_year');
  });

  it('names the choices for an unknown dimension', () => {
    expect(() => parseDimension('colour', '--by', 'tally')).toThrow(UsageError);
    expect(() => parseDimension('colour', '--by', 'tally')).toThrow(
      /--by "colour": expected one of fiscal-year, month, day, state, aor, criminality, citizenship, gender, apprehension-type/,
    );
  });
});

describe('parseColumnsOption', () => {
  it('maps headers (which may hold "=") to record fields, or keeps them unread with extra', () => {
    expect(parseColumnsOption(['TOA Current Duty AOR=apprehensionAor', 'a=b=criminality', 'Notes=extra'], 'tally')).toEqual({
      'TOA Current Duty AOR': 'apprehensionAor',
      'a=b': 'criminality',
      Notes: null,
    });
  });

  it('refuses a field that is not a record field', () => {
    expect(() => parseColumnsOption(['Office=office'], 'tally')).toThrow(
      /--column "Office=office": expected HEADER=FIELD, FIELD one of .*apprehensionAor.*releaseReason/,
    );
    expect(() => parseColumnsOption(['=apprehensionAor'], 'tally')).toThrow(UsageError);
  });
});
