import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../model/dataset';
import { audit } from './audit';
import { criminalShare } from './criminal-share';
import { createTally } from './tally';
import { tallyBreakdown, tallySeries } from './tally-figures';

function tallied() {
  const t = createTally({ by: ['fiscalYear', 'criminality', 'aor'] });
  const rows: [string | null, 'convicted' | 'pending-charges' | 'other-immigration-violator' | null, 'CHI' | 'NOL' | null][] = [
    ['2016-09-30', 'convicted', 'CHI'],
    ['2016-10-01', 'convicted', 'CHI'],
    ['2016-10-02', 'pending-charges', 'NOL'],
    ['2017-01-15', 'other-immigration-violator', 'CHI'],
    ['2017-03-01', null, null],
    [null, 'convicted', 'NOL'],
  ];
  for (const [date, c, aor] of rows) t.add({ apprehensionDate: date, criminality: c, apprehensionAor: aor });
  t.add({ apprehensionDate: '2017-04-01', criminality: { redacted: true, marker: '(b)(7)(E)' }, apprehensionAor: 'CHI' });
  return t.result();
}

describe('tallyBreakdown', () => {
  it('turns a tally into a total and an exhaustive breakdown that audits clean', () => {
    const { total, breakdown } = tallyBreakdown(tallied(), 'criminality', { source: 'foia', idPrefix: 'fy' });
    expect(total.quantity.value).toBe(7);
    expect(breakdown.parts.map((p) => [p.category, p.figure.quantity.value])).toEqual([
      ['missing', 1],
      ['redacted', 1],
      ['convicted', 3],
      ['other-immigration-violator', 1],
      ['pending-charges', 1],
    ]);
    const dataset = datasetSchema.parse({
      schemaVersion: '1.0.0',
      title: 'tally',
      sources: [{ id: 'foia', title: 'ICE arrests, FOIA release', publisher: 'ICE', kind: 'dataset' }],
      operations: [
        { id: 'all', name: 'All arrests', agency: 'ICE-ERO', kind: 'at-large-arrests', period: { fiscalYear: 2017 }, places: [], figures: [total], breakdowns: [breakdown], sources: ['foia'] },
      ],
    });
    expect(audit(dataset).map((f) => [f.code, f.severity])).toEqual([['breakdown-sum', 'info']]);
    // 3 convicted of 7; the 2 blank or redacted rows keep it from being exact
    const convicted = criminalShare({ breakdown, total }, 'convicted');
    expect(convicted.determinable).toBe(false);
    expect(convicted.bounds.low).toBeCloseTo((3 / 7) * 100, 9);
    expect(convicted.bounds.high).toBeCloseTo((5 / 7) * 100, 9);
  });

  it('makes AOR parts places', () => {
    const { breakdown } = tallyBreakdown(tallied(), 'aor', { source: 'foia' });
    expect(breakdown.parts.map((p) => [p.label, p.place])).toEqual([
      ['not recorded (blank in the release)', undefined],
      ['CHI', { kind: 'aor', aor: 'CHI' }],
      ['NOL', { kind: 'aor', aor: 'NOL' }],
    ]);
  });

  it('gives HQ, unknown offices and blanks parts a place breakdown accepts', () => {
    const t = createTally({ by: ['aor'] });
    for (const aor of ['SEA', 'HQ', '(missing)', 'Springfield AOR', 'SEA', '(redacted)']) t.addGroup([aor]);
    const { total, breakdown } = tallyBreakdown(t.result(), 'aor', { source: 'foia' });
    expect(breakdown.parts.map((p) => [p.category, p.label, p.place?.kind, p.notRecorded, p.figure.quantity.value])).toEqual([
      ['missing', 'not recorded (blank in the release)', undefined, true, 1],
      ['redacted', 'not recorded (redacted under FOIA)', undefined, true, 1],
      ['hq', 'ICE headquarters', 'site', undefined, 1],
      ['sea', 'SEA', 'aor', undefined, 2],
      ['unknown-springfield-aor', 'Springfield AOR', undefined, true, 1],
    ]);
    const dataset = datasetSchema.safeParse({
      schemaVersion: '1.0.0',
      title: 'tally',
      sources: [{ id: 'foia', title: 'ICE arrests, FOIA release', publisher: 'ICE', kind: 'dataset' }],
      operations: [{ id: 'all', name: 'All arrests', agency: 'ICE-ERO', kind: 'at-large-arrests', period: { fiscalYear: 2016 }, places: [], figures: [total], breakdowns: [breakdown], sources: ['foia'] }],
    });
    expect(dataset.error?.issues ?? []).toEqual([]);
  });

  it('names countries by ISO code and keeps every spelling as written', () => {
    const t = createTally({ by: ['citizenship'] });
    for (const c of ['MEXICO', 'MÉXICO', 'BURMA', 'MYANMAR', 'USSR', 'MEXICO']) t.addGroup([c]);
    const { breakdown } = tallyBreakdown(t.result(), 'citizenship', { source: 'foia' });
    expect(breakdown.parts.map((p) => [p.category, p.label, p.figure.quantity.value])).toEqual([
      ['mm', 'BURMA / MYANMAR', 2],
      ['mx', 'MEXICO', 2],
      ['mexico', 'MÉXICO', 1],
      ['ussr', 'USSR', 1],
    ]);
  });

  it('refuses time dimensions and dimensions the tally lacks', () => {
    expect(() => tallyBreakdown(tallied(), 'fiscalYear', { source: 'foia' })).toThrow(/use tallySeries/);
    expect(() => tallyBreakdown(tallied(), 'gender', { source: 'foia' })).toThrow(/no "gender"/);
  });
});

describe('tallySeries', () => {
  it('gives one figure a fiscal year and notes the undated records', () => {
    const s = tallySeries(tallied(), 'fiscalYear', { source: 'foia', name: 'ERO arrests' });
    expect(s.figures.map((f) => [f.period?.label, f.period?.start, f.period?.end, f.quantity.value])).toEqual([
      ['FY2016', '2015-10-01', '2016-09-30', 1],
      ['FY2017', '2016-10-01', '2017-09-30', 5],
    ]);
    expect(s.note).toBe('1 record with a missing or redacted date is in no period');
  });
});
