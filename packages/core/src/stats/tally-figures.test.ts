import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../model/dataset';
import { audit } from '../audit/index';
import { criminalShare } from './criminal-share';
import { iceCountryCodes } from '../records/countries';
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

/** A dataset document holding one tallied total and its breakdown, as an operation of a fiscal year. */
function tallyDocument(total: unknown, breakdown: unknown, fiscalYear: number) {
  return {
    schemaVersion: '1.0.0',
    title: 'tally',
    sources: [{ id: 'foia', title: 'ICE arrests, FOIA release', publisher: 'ICE', kind: 'dataset' }],
    operations: [
      {
        id: 'all',
        name: 'All arrests',
        agency: 'ICE-ERO',
        kind: 'at-large-arrests',
        period: { fiscalYear },
        places: [],
        figures: [total],
        breakdowns: [breakdown],
        sources: ['foia'],
      },
    ],
  };
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
    const dataset = datasetSchema.parse(tallyDocument(total, breakdown, 2017));
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
    const dataset = datasetSchema.safeParse(tallyDocument(total, breakdown, 2016));
    expect(dataset.error?.issues ?? []).toEqual([]);
  });

  it('names countries by ISO code and keeps every spelling as written', () => {
    const t = createTally({ by: ['citizenship'] });
    for (const c of ['MEXICO', 'MÉXICO', 'BURMA', 'MYANMAR', 'USSR', 'MEXICO']) t.addGroup([c]);
    const { breakdown } = tallyBreakdown(t.result(), 'citizenship', { source: 'foia' });
    expect(breakdown.parts.map((p) => [p.category, p.label, p.country, p.figure.quantity.value])).toEqual([
      ['mm', 'BURMA / MYANMAR', 'MM', 2],
      ['mx', 'MEXICO', 'MX', 2],
      ['mexico', 'MÉXICO', undefined, 1],
      ['ussr', 'USSR', undefined, 1],
    ]);
  });

  it('gives every ICE country spelling its ISO code, in a breakdown the schema accepts and the audit questions only a spelling ICE never writes', () => {
    const t = createTally({ by: ['citizenship'] });
    const spellings = Object.keys(iceCountryCodes);
    for (const c of [...spellings, 'USSR', 'KOREA', 'MÉXICO', '(missing)', '(redacted)']) t.addGroup([c]);
    const { total, breakdown } = tallyBreakdown(t.result(), 'citizenship', { source: 'foia' });
    const codes = new Set(Object.values(iceCountryCodes));
    // spellings of one country (BURMA, MYANMAR) share a part: one part a code, 3 without one, 2 not recorded
    expect(breakdown.parts).toHaveLength(codes.size + 5);
    for (const p of breakdown.parts) {
      if (p.country !== undefined) expect(p.category).toBe(p.country.toLowerCase());
    }
    expect(
      breakdown.parts
        .filter((p) => p.country !== undefined)
        .map((p) => p.country)
        .sort(),
    ).toEqual([...codes].sort());
    const dataset = datasetSchema.parse(tallyDocument(total, breakdown, 2016));
    // every ICE spelling is silent; the one spelling ICE never writes is kept as text, and flagged
    expect(
      audit(dataset)
        .filter((f) => f.country !== undefined)
        .map((f) => f.message),
    ).toEqual(['citizenship breakdown “tally-by-citizenship”: the part “MÉXICO” (1) is spelt as no country — did you mean Mexico (MX)?']);
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
      // the data ends on 2017-04-01: so does its last period
      ['FY2017 (to 2017-04-01)', '2016-10-01', '2017-04-01', 5],
    ]);
    expect(s.note).toBe('1 record with a missing or redacted date is in no period');
  });
});

describe('tallies of other tables', () => {
  const source = { id: 'foia', title: 'ICE removals, FOIA release', publisher: 'ICE', kind: 'dataset' };
  function removals() {
    const t = createTally({ table: 'removals', by: ['fiscalYear', 'aor'] });
    const rows: [string | null, string | null, unknown][] = [
      ['2015-10-01', '2015-10-01', 'NOL'],
      ['2016-09-30', '2016-10-01', 'HQ'],
      ['2016-10-03', '2016-10-03', { unknown: 'Springfield AOR' }],
      ['2017-02-10', null, null],
    ];
    for (const [departedDate, removalDate, caseAor] of rows) t.add({ departedDate, removalDate, caseAor });
    return t;
  }

  it('counts removals by departed date, or by the date asked for', () => {
    expect(
      removals()
        .result()
        .rows.map((r) => [r.fiscalYear, r.aor, r.count]),
    ).toEqual([
      ['FY2016', 'HQ', 1],
      ['FY2016', 'NOL', 1],
      ['FY2017', '(missing)', 1],
      ['FY2017', 'Springfield AOR', 1],
    ]);
    const byRemoval = createTally({ table: 'removals', by: ['fiscalYear'], date: 'removalDate' });
    byRemoval.add({ departedDate: '2016-09-30', removalDate: '2016-10-01' });
    expect(byRemoval.result()).toMatchObject({ date: 'removalDate', rows: [{ fiscalYear: 'FY2017', count: 1 }] });
    expect(() => createTally({ table: 'removals', by: ['fiscalYear'], date: 'bookInDate' })).toThrow(/no date "bookInDate"/);
    expect(() => createTally({ table: 'arrests', by: ['releaseReason'] })).toThrow(/arrests table has no "releaseReason"/);
  });

  it('gives removals datasets the schema accepts: a series of removals, an AOR breakdown with HQ and not-recorded parts', () => {
    const result = removals().result();
    const series = tallySeries(result, 'fiscalYear', { source: 'foia', name: 'Removals by fiscal year' });
    expect(series.metric).toBe('removals');
    expect(series.figures.map((f) => [f.period?.label, f.period?.end])).toEqual([
      ['FY2016', '2016-09-30'],
      ['FY2017 (to 2017-02-10)', '2017-02-10'],
    ]);
    const { total, breakdown } = tallyBreakdown(result, 'aor', { source: 'foia' });
    expect(total.metric).toBe('removals');
    const parsed = datasetSchema.safeParse({
      schemaVersion: '1.0.0',
      title: 'removals',
      sources: [source],
      operations: [
        {
          id: 'all',
          name: 'All removals',
          agency: 'ICE-ERO',
          kind: 'daily-enforcement',
          period: { start: '2015-10-01', end: '2017-02-10' },
          places: [],
          figures: [total],
          breakdowns: [breakdown],
          sources: ['foia'],
        },
      ],
      series: [series],
    });
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('counts detention book-ins by book-in day (timestamps) and release reason', () => {
    const t = createTally({ table: 'detentions', by: ['month', 'releaseReason', 'facility'] });
    t.add({ bookInDate: '2024-06-27T12:50:00', releaseReason: 'Removed', facility: 'NORTHWEST DET. CENTER' });
    t.add({ bookInDate: '2024-06-30', releaseReason: { redacted: true }, facility: 'NORTHWEST DET. CENTER' });
    const result = t.result();
    expect(result.rows).toEqual([
      { month: '2024-06', releaseReason: '(redacted)', facility: 'NORTHWEST DET. CENTER', count: 1 },
      { month: '2024-06', releaseReason: 'Removed', facility: 'NORTHWEST DET. CENTER', count: 1 },
    ]);
    expect(result.dateRange).toEqual({ first: '2024-06-27', last: '2024-06-30' });
    const { breakdown } = tallyBreakdown(result, 'facility', { source: 'foia' });
    expect(breakdown.parts.map((p) => [p.place, p.figure.metric])).toEqual([[{ kind: 'site', name: 'NORTHWEST DET. CENTER' }, 'book-ins']]);
    expect(tallyBreakdown(result, 'releaseReason', { source: 'foia' }).breakdown.dimension).toBe('release-reason');
  });
});
