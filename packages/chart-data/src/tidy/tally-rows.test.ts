import { fc, test } from '@fast-check/vitest';
import { createTally, type ArrestRecord } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { tallyRows } from './tally-rows';

const records: ArrestRecord[] = [
  { apprehensionDate: '2016-09-30', criminality: 'convicted', apprehensionAor: 'CHI', apprehensionState: 'IL' },
  { apprehensionDate: '2016-10-01', criminality: 'convicted', apprehensionAor: 'CHI', apprehensionState: 'IL' },
  { apprehensionDate: '2016-10-02', criminality: 'pending-charges', apprehensionAor: 'NOL', apprehensionState: 'LA' },
  { apprehensionDate: '2017-09-25', criminality: 'other-immigration-violator', apprehensionAor: 'NOL', apprehensionState: 'MS' },
  { apprehensionDate: { redacted: true, marker: '(b)(6)' }, criminality: 'convicted', apprehensionAor: 'CHI', apprehensionState: 'IL' },
  { apprehensionDate: null, criminality: null, apprehensionAor: 'CHI', apprehensionState: 'IL' },
] as ArrestRecord[];

function tally(by: Parameters<typeof createTally>[0]['by']) {
  const t = createTally({ by });
  for (const r of records) t.add(r);
  return t.result();
}

describe('tallyRows', () => {
  it('gives fiscal year × criminality rows, FY2017 starting 1 October 2016', () => {
    const rows = tallyRows(tally(['fiscalYear', 'criminality']), {
      source: { id: 'foia-2023', title: 'ICE arrests, FY2016–FY2017 (FOIA release)', publisher: 'Deportation Data Project' },
    });
    expect(rows.map((r) => [r.x, r.date, r.series, r.value])).toEqual([
      ['FY2016', '2015-10-01', 'convicted', 1],
      ['FY2017', '2016-10-01', 'convicted', 1],
      ['FY2017', '2016-10-01', 'other immigration violator', 1],
      ['FY2017', '2016-10-01', 'pending criminal charges', 1],
      [null, null, 'missing', 1],
      [null, null, 'convicted', 1],
    ]);
    expect(rows[0]).toMatchObject({
      label: 'FY2016',
      qualifier: 'exact',
      unit: 'people',
      granularity: 'fiscal-year',
      text: '1',
      source: { publisher: 'Deportation Data Project' },
      evidence: null,
    });
    expect(rows[5]?.label).toBe('redacted (FOIA)');
  });

  it('labels AORs and states by name and sums over dimensions it does not show', () => {
    const rows = tallyRows(tally(['aor', 'state', 'criminality']));
    expect(rows.map((r) => [r.label, r.series, r.value, r.x])).toEqual([
      ['Chicago', 'Illinois', 4, null],
      ['New Orleans', 'Louisiana', 1, null],
      ['New Orleans', 'Mississippi', 1, null],
    ]);
    expect(rows[0]?.source).toBeNull();
  });

  it('gives a single total without dimensions', () => {
    expect(tallyRows(tally([])).map((r) => [r.label, r.value])).toEqual([['all records', 6]]);
  });

  const day = fc.integer({ min: 0, max: 2000 }).map((d) => new Date(Date.UTC(2015, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const record = fc.record({
    apprehensionDate: fc.option(day, { nil: null }),
    criminality: fc.constantFrom('convicted', 'pending-charges', 'other-immigration-violator', null),
  });
  test.prop([fc.array(record, { maxLength: 60 }), fc.constantFrom('fiscalYear', 'month', 'day' as const)])(
    'accounts for every record, drawn or not',
    (rs, time) => {
      const t = createTally({ by: [time, 'criminality'] });
      for (const r of rs) t.add(r as ArrestRecord);
      const rows = tallyRows(t.result());
      expect(rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBe(rs.length);
      expect(rows.filter((r) => r.x === null).reduce((s, r) => s + (r.value ?? 0), 0)).toBe(rs.filter((r) => r.apprehensionDate === null).length);
      expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    },
  );
});
