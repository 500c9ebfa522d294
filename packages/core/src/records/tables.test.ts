import { describe, expect, it } from 'vitest';
import { recordDimensions, recordTableNames, recordTables, removalRecordSchema, type RecordTableSpec } from './tables';

describe('record table specs', () => {
  it.each(recordTableNames)('%s: main date first among its date fields, every named field in its model', (name) => {
    const spec = recordTables[name] as RecordTableSpec;
    expect(spec.name).toBe(name);
    expect(spec.dateFields[0]).toBe(spec.mainDate);
    expect(['date', 'timestamp']).toContain(spec.fields[spec.mainDate]);
    const shape = Object.keys(spec.schema.shape);
    for (const f of Object.keys(spec.fields)) expect(shape, f).toContain(f);
    for (const f of Object.values(spec.dimensions)) expect(Object.keys(spec.fields)).toContain(f);
    for (const d of Object.keys(spec.dimensions)) expect(recordDimensions).toContain(d);
  });

  it('counts each table by the date the releases count it by', () => {
    expect(Object.fromEntries(recordTableNames.map((n) => [n, recordTables[n].mainDate]))).toEqual({
      arrests: 'apprehensionDate',
      encounters: 'eventDate',
      removals: 'departedDate',
      detainers: 'prepareDate',
      detentions: 'bookInDate',
    });
    expect(recordTables.removals.dateFields).toEqual(expect.arrayContaining(['removalDate', 'apprehensionDate']));
  });

  it('a removal model holds a real FY2016 row (HQ, redactions, blanks)', () => {
    const row = {
      caseAor: 'HQ',
      apprehensionDate: null,
      processingDisposition: 'REINST',
      birthDate: { redacted: true, marker: '(B)(6);(B)(7)(C)' },
      citizenshipCountry: 'MEXICO',
      gender: 'male',
      threatLevel: { redacted: true, marker: '(B)(7)(E)' },
      finalChargeSection: '212a9Aii',
      departedDate: '2015-10-01',
      removalDate: '2015-10-01',
    };
    expect(removalRecordSchema.parse(row)).toEqual(row);
    expect(removalRecordSchema.safeParse({ ...row, departedDate: '10/1/2015' }).success).toBe(false);
    expect(removalRecordSchema.safeParse({ ...row, caseAor: 'Springfield' }).success).toBe(false);
    expect(removalRecordSchema.safeParse({ ...row, nonsense: 1 }).success).toBe(false);
  });
});
