import { IcestatError } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { arrestColumnPresets, normaliseHeader, planColumns } from './columns';

describe('normaliseHeader', () => {
  it('ignores case and surrounding spaces, and treats spaces and underscores alike', () => {
    expect(normaliseHeader(' Apprehension_Site  Landmark ')).toBe('apprehension site landmark');
    expect(normaliseHeader('APPREHENSION AOR')).toBe(normaliseHeader('apprehension_aor'));
  });
});

describe('planColumns', () => {
  it('detects the release preset and keeps unknown columns in extra', () => {
    const plan = planColumns(['Apprehension Date', 'Apprehension AOR', 'Final Program', 'Unique Identifier']);
    expect(plan.preset).toBe('ice-release');
    expect(plan.fields).toEqual(['apprehensionDate', 'apprehensionAor', null, null]);
    expect(plan.extra).toEqual(['Final Program', 'Unique Identifier']);
    expect(plan.mapped).toEqual([
      { header: 'Apprehension Date', field: 'apprehensionDate' },
      { header: 'Apprehension AOR', field: 'apprehensionAor' },
    ]);
  });

  it('detects snake_case headers', () => {
    const headers = Object.keys(arrestColumnPresets['snake-case']).slice(0, 19);
    const plan = planColumns(headers);
    expect(plan.preset).toBe('snake-case');
    expect(plan.extra).toEqual([]);
  });

  it('matches headers in any case and spacing', () => {
    const plan = planColumns([' APPREHENSION_DATE ', 'apprehension   criminality', 'Birth_Year']);
    expect(plan.fields).toEqual(['apprehensionDate', 'criminality', 'birthYear']);
    expect(plan.headers).toEqual(['APPREHENSION_DATE', 'apprehension   criminality', 'Birth_Year']);
  });

  it('merges custom columns over the preset; null keeps a column in extra', () => {
    const plan = planColumns(['Fecha', 'Apprehension AOR', 'Operation', 'Notas'], 'auto', {
      fecha: 'apprehensionDate',
      OPERATION: null,
      Missing: 'gender',
    });
    expect(plan.fields).toEqual(['apprehensionDate', 'apprehensionAor', null, null]);
    expect(plan.extra).toEqual(['Operation', 'Notas']);
    expect(plan.notFound).toEqual(['Missing']);
  });

  it('uses only the custom columns with preset none', () => {
    const plan = planColumns(['Apprehension Date', 'When'], 'none', { When: 'apprehensionDate' });
    expect(plan.preset).toBe('none');
    expect(plan.fields).toEqual([null, 'apprehensionDate']);
  });

  it('lets the first column claim a field; a later one goes to extra', () => {
    const plan = planColumns(['apprehension_date', 'Apprehension Date']);
    expect(plan.fields).toEqual(['apprehensionDate', null]);
    expect(plan.extra).toEqual(['Apprehension Date']);
  });

  it('names blank and repeated extra headers by their column number', () => {
    const plan = planColumns(['Apprehension Date', '', 'Note', 'Note', '']);
    expect(plan.extra).toEqual(['column 2', 'Note', 'Note (column 4)', 'column 5']);
  });

  it('refuses a target that is not a record field', () => {
    expect(() => planColumns(['a'], 'auto', { a: 'birthday' as never })).toThrowError(IcestatError);
    expect(() => planColumns(['a'], 'auto', { a: 'birthday' as never })).toThrowErrorMatchingInlineSnapshot(
      `[IcestatError: columns: "a" maps to "birthday", which is not an ArrestRecord field; expected one of apprehensionDate, apprehensionTime, apprehensionState, apprehensionCounty, apprehensionAor, apprehensionMethod, criminality, apprehensionType, arrestingAgency, operation, citizenshipCountry, gender, birthYear, caseStatus, caseCategory, finalOrder, departedDate, landmark, duplicateLikely, processingDisposition, finalProgram, departureCountry, finalOrderDate, birthDate, mostSeriousConviction, eventNumber, caseCriminality, caseThreatLevel, arrestCreatedBy, uniqueIdentifier, or null to keep the column in extra]`,
    );
  });
});
