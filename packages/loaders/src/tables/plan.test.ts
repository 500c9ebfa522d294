import { IcestatError } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { planTable } from './plan';
import { splitRowAdapter } from './rows';
import { recordTimestamp, valueReader } from './values';

function caught(f: () => unknown): IcestatError {
  try {
    f();
  } catch (e) {
    if (IcestatError.isInstance(e)) return e;
    throw e;
  }
  throw new Error('expected an IcestatError');
}

const lesaArrests = [
  'Area of Responsibility',
  'Apprehension Date',
  'Apprehension Method',
  'Apprehension Landmark',
  'Operation',
  'Processing Disposition',
  'Birth Date',
  'Citizenship',
  'Gender',
];

describe('planTable', () => {
  it('picks the table and preset from the header and says which', () => {
    const plan = planTable(lesaArrests);
    expect(plan).toMatchObject({ table: 'arrests', preset: 'ice-lesa/arrests', extra: [], notFound: [] });
    expect(plan.kinds.slice(0, 2)).toEqual(['aor', 'date']);
  });

  it('reads a removals header by departed date, and the same AOR column as the case AOR', () => {
    const plan = planTable(['Area of Responsibility', 'Apprehension Date', 'Departed Date', 'Removal Date', 'Final Charge Section'], {
      needs: { by: ['fiscalYear', 'aor'] },
    });
    expect(plan).toMatchObject({ table: 'removals', preset: 'ice-lesa/removals' });
    expect(plan.fields).toEqual(['caseAor', 'apprehensionDate', 'departedDate', 'removalDate', 'finalChargeSection']);
  });

  it('lays custom columns over the preset and lists what it did not find', () => {
    const plan = planTable(['Fecha', 'Apprehension AOR', 'Notas'], { table: 'arrests', columns: { Fecha: 'apprehensionDate', Gone: 'gender' } });
    expect(plan.fields).toEqual(['apprehensionDate', 'apprehensionAor', null]);
    expect(plan.extra).toEqual(['Notas']);
    expect(plan.notFound).toEqual(['Gone']);
  });

  it('refuses a header that maps fewer than two known fields, naming the headers seen', () => {
    const e = caught(() => planTable(['ERO-LESA Statistical Tracking Unit', '', ''], { file: 'x.csv', line: 1 }));
    expect(e.code).toBe('parse_error');
    expect(e.message).toContain('x.csv:1: the header maps 0 known fields');
    expect(e.message).toContain('"ERO-LESA Statistical Tracking Unit"');
  });

  it('refuses at once a tally dimension whose field has no column', () => {
    const e = caught(() =>
      planTable(['Arrest Date', 'Gender', 'Country of Citizenship'], { table: 'arrests', needs: { by: ['fiscalYear', 'aor'] }, file: 'sea.csv', line: 7 }),
    );
    expect(e.code).toBe('not_determinable');
    expect(e.message).toContain('cannot tally by "aor" (field apprehensionAor)');
    expect(e.message).toContain('"Arrest Date", "Gender", "Country of Citizenship"');
  });

  it('refuses a dimension the table does not have, a date it does not have, a target it does not have', () => {
    expect(caught(() => planTable(lesaArrests, { table: 'arrests', needs: { by: ['releaseReason'] } })).message).toContain(
      'the arrests table has no "releaseReason"',
    );
    expect(caught(() => planTable(lesaArrests, { table: 'arrests', needs: { date: 'bookInDate' } })).message).toContain(
      'date: expected a date field of the arrests table',
    );
    expect(caught(() => planTable(lesaArrests, { table: 'arrests', columns: { x: 'bookInDate' } })).message).toContain('not a field of the arrests table');
    expect(caught(() => planTable(lesaArrests, { preset: 'excel' })).code).toBe('invalid_input');
  });
});

describe('values', () => {
  it('keeps HQ and unknown AORs by default, rejects unknown ones when strict', () => {
    expect(valueReader('aor')('HQ Area of Responsibility')).toBe('HQ');
    expect(valueReader('aor')('Springfield AOR')).toEqual({ unknown: 'Springfield AOR' });
    expect(valueReader('aor', { strictAors: true })('Springfield AOR')).toBeUndefined();
  });

  it('reads timestamps with offsets', () => {
    expect(recordTimestamp('2024-06-27 12:50:00+00')).toBe('2024-06-27T12:50:00');
    expect(recordTimestamp('2024-06-27T12:50:00Z')).toBe('2024-06-27T12:50:00');
    expect(recordTimestamp('2024-06-27 12:50:00')).toBe('2024-06-27T12:50:00');
    expect(recordTimestamp('2024-06-27 00:00:00')).toBe('2024-06-27');
    expect(valueReader('date')('2024-06-27 12:50:00+00')).toBe('2024-06-27');
    expect(recordTimestamp('2024-02-30')).toBeUndefined();
  });
});

describe('splitRowAdapter', () => {
  it('presents split rows as tokenizer rows', () => {
    const { row, set } = splitRowAdapter();
    set({ row: 12, cells: ['a', 'b,c', ''] }, 1);
    expect([row.line, row.count, row.cell(1), row.raw()]).toEqual([12, 3, 'b,c', 'a,"b,c",']);
    expect(row.text.slice(row.starts[1], row.ends[1])).toBe('b,c');
    set({ cells: Array.from({ length: 40 }, (_, i) => String(i)) }, 5);
    expect([row.line, row.count, row.cell(39)]).toEqual([5, 40, '39']);
  });
});
