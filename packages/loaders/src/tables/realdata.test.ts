// The record pipeline on the real releases (gunzipped by the test), against facts published
// with them and against independent plain-script counts of the same files.
import { aorByCode, type ArrestRecord, datasetSchema, fiscalYear, MISSING, tallySeries, tallyBreakdown, type TallyResult } from '@icestat/core';
import { countryCodeOf } from '@icestat/core/internal';
import { describe, expect, it } from 'vitest';
import { describeRealdata, gunzippedCopy, realText } from '../__fixtures__/realdata';
import { parseRecords, readRecords } from '../csv/records/read';
import { tallyRecords } from '../csv/records/tally';

const SLOW = { timeout: 180_000 };

/** The cells of a pipe-delimited line written by UWCHR (quoted text, unquoted dates): a plain split. */
function pipeCells(line: string): string[] {
  return line.split('|').map((c) => (c.startsWith('"') && c.endsWith('"') && c.length >= 2 ? c.slice(1, -1).replace(/""/g, '"') : c));
}

/** Data lines below a header on line `headerLine`, split plainly, for an independent count. */
function plainRows(file: string, headerLine: number): string[][] {
  return realText(file)
    .split(/\r?\n/)
    .slice(headerLine)
    .filter((l) => l !== '')
    .map(pipeCells);
}

/** Counts of a tally's rows on one dimension. */
function countsBy(result: TallyResult, dimension: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of result.rows) {
    const key = (row as Record<string, string | number>)[dimension] as string;
    out[key] = (out[key] ?? 0) + row.count;
  }
  return out;
}

/** A plain count of AOR names, turned into the tally's labels by the releases' own spelling. */
function plainAorCounts(rows: readonly string[][], column: number): Record<string, number> {
  const byName: Record<string, number> = {};
  for (const r of rows) byName[r[column] ?? ''] = (byName[r[column] ?? ''] ?? 0) + 1;
  const out: Record<string, number> = {};
  for (const [name, n] of Object.entries(byName)) {
    const code =
      name === ''
        ? MISSING
        : name === 'HQ Area of Responsibility'
          ? 'HQ'
          : (
              [
                'ATL',
                'BAL',
                'BOS',
                'BUF',
                'CHI',
                'DAL',
                'DEN',
                'DET',
                'ELP',
                'HAL',
                'HOU',
                'LOS',
                'MIA',
                'NEW',
                'NOL',
                'NYC',
                'PHI',
                'PHO',
                'SEA',
                'SFR',
                'SLC',
                'SNA',
                'SND',
                'SPM',
                'WAS',
              ] as const
            ).find((c) => aorByCode(c)?.releaseName === name);
    if (code === undefined) throw new Error(`unexpected AOR name ${name}`);
    out[code] = (out[code] ?? 0) + n;
  }
  return out;
}

describeRealdata('real releases: ICE-LESA nationwide FY2016', () => {
  it(
    'arrests: auto table and preset, banner skipped, every row accepted or rejected, HQ counted, blanks missing, per-AOR counts as a plain count',
    SLOW,
    async () => {
      const path = gunzippedCopy('ice-lesa/EROArrests_FY2016.csv.gz');
      const { tally, report } = await tallyRecords(path, { table: 'auto', preset: 'auto', by: ['aor'], workers: 1 });
      expect(report).toMatchObject({ table: 'arrests', preset: 'ice-lesa/arrests', delimiter: '|', rowsRead: 110_104, rejected: 0, accepted: 110_104 });
      expect(report.accepted + report.rejected).toBe(report.rowsRead);
      expect(report.header).toEqual({
        line: 6,
        bannerLines: 5,
        banner: [
          'ERO-LESA Statistical Tracking Unit',
          'For Official Use Only (FOUO)/Pre-decisional',
          '2019-ICFO-53623',
          '',
          'ERO Administrative Arrests for FY2016',
        ],
        title: 'ERO Administrative Arrests for FY2016',
      });
      expect(report.columns.extra).toEqual([]);
      const counts = countsBy(tally, 'aor');
      expect(counts.HQ).toBe(12);
      expect(counts[MISSING]).toBe(272);
      expect(counts.SEA).toBe(2_698); // ICE's own Summary tab of the Seattle workbook
      expect(counts).toEqual(plainAorCounts(plainRows('ice-lesa/EROArrests_FY2016.csv.gz', 6), 0));
      // Every arrest of the release falls in FY2016, by apprehension date.
      const byYear = await tallyRecords(path, { by: ['fiscalYear'], workers: 1 });
      expect(byYear.tally.rows).toEqual([{ fiscalYear: 'FY2016', count: 110_104 }]);
      // Birth dates are all redacted with the release's marker, trailing space and all.
      expect(report.redacted.birthDate).toBe(110_104);
    },
  );

  it('arrests: the parallel tally equals one thread, report and all', SLOW, async () => {
    const path = gunzippedCopy('ice-lesa/EROArrests_FY2016.csv.gz');
    const one = await tallyRecords(path, { by: ['aor', 'fiscalYear'], workers: 1 });
    const many = await tallyRecords(path, { by: ['aor', 'fiscalYear'], workers: 3, minBytesPerWorker: 1 << 20 });
    expect(many).toStrictEqual(one);
  });

  it('encounters: 368,645 rows, HQ 3,009, per-AOR counts as a plain count', SLOW, async () => {
    const path = gunzippedCopy('ice-lesa/EROEncounters_FY2016.csv.gz');
    const { tally, report } = await tallyRecords(path, { by: ['aor'], workers: 1 });
    expect(report).toMatchObject({ table: 'encounters', preset: 'ice-lesa/encounters', rowsRead: 368_645, rejected: 0 });
    const counts = countsBy(tally, 'aor');
    expect(counts.HQ).toBe(3_009);
    expect(counts).toEqual(plainAorCounts(plainRows('ice-lesa/EROEncounters_FY2016.csv.gz', 6), 0));
  });

  it('removals: 240,255 rows counted by departed date (or removal date), 2,690 blank apprehension dates', SLOW, async () => {
    const path = gunzippedCopy('ice-lesa/ICERemovals_FY2016.csv.gz');
    const { tally, report } = await tallyRecords(path, { by: ['fiscalYear', 'aor'], workers: 1 });
    expect(report).toMatchObject({ table: 'removals', preset: 'ice-lesa/removals', rowsRead: 240_255, rejected: 0 });
    expect(tally.date).toBe('departedDate');
    const rows = plainRows('ice-lesa/ICERemovals_FY2016.csv.gz', 6);
    const us = (d: string): string => {
      const [m, day, y] = d.split('/');
      return `${y}-${m!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
    };
    const plainYears: Record<string, number> = {};
    for (const r of rows) {
      const key = r[8] === '' ? MISSING : `FY${fiscalYear(us(r[8]!))}`;
      plainYears[key] = (plainYears[key] ?? 0) + 1;
    }
    expect(countsBy(tally, 'fiscalYear')).toEqual(plainYears);
    expect(countsBy(tally, 'aor')).toEqual(plainAorCounts(rows, 0));
    const byApprehension = await tallyRecords(path, { by: ['fiscalYear'], date: 'apprehensionDate', workers: 1 });
    expect(countsBy(byApprehension.tally, 'fiscalYear')[MISSING]).toBe(2_690);
    // Removals' FOIA markers: threat level withheld as "(B)(7)(E) ".
    const { records } = parseRecords(realText('ice-lesa/ICERemovals_FY2016.csv.gz').split('\n').slice(0, 20).join('\n'), { table: 'removals' });
    expect(records[0]).toMatchObject({
      caseAor: 'NOL',
      departedDate: '2015-10-01',
      removalDate: '2015-10-01',
      threatLevel: { redacted: true },
      finalChargeSection: '237a2Aiii',
    });
  });
});

describeRealdata('real releases: the Seattle production (UW v. DHS)', () => {
  // ICE's own Summary tab: arrests by fiscal year (FY2012 from 2012-01-01; FY2019 to 2019-07-06).
  const summary = { FY2012: 6_620, FY2013: 7_165, FY2014: 4_715, FY2015: 2_977, FY2016: 2_698, FY2017: 3_376, FY2018: 3_067, FY2019: 1_931 };

  it('arrests by fiscal year equal ICE’s Summary tab; the series ends on the data’s last day', SLOW, async () => {
    const { tally, report } = await tallyRecords(gunzippedCopy('ice-seattle/arrests.csv.gz'), { by: ['fiscalYear'] });
    expect(report).toMatchObject({ table: 'arrests', preset: 'ice-seattle/arrests', rejected: 0, header: { line: 7, bannerLines: 6 } });
    expect(report.header.title).toContain('ERO Administrative Arrests for the Seattle Area of Responsibility');
    expect(countsBy(tally, 'fiscalYear')).toEqual(summary);
    expect(tally.dateRange).toEqual({ first: '2012-01-01', last: expect.stringMatching(/^2019-07-0[1-6]$/) });
    const series = tallySeries(tally, 'fiscalYear', { source: 'uw-v-dhs', name: 'Seattle AOR arrests' });
    expect(series.figures.at(-1)?.period).toMatchObject({ start: '2018-10-01', end: tally.dateRange?.last, label: `FY2019 (to ${tally.dateRange?.last})` });
    const parsed = datasetSchema.safeParse({
      schemaVersion: '1.0.0',
      title: 'Seattle',
      sources: [{ id: 'uw-v-dhs', title: 'UW v. DHS production', publisher: 'ICE', kind: 'dataset' }],
      operations: [],
      series: [series],
    });
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('book-ins read as detentions, removals as removals, with the malformed redaction spellings', SLOW, async () => {
    const bookins = await tallyRecords(gunzippedCopy('ice-seattle/bookins.csv.gz'), { by: ['fiscalYear', 'facility'] });
    expect(bookins.report).toMatchObject({ table: 'detentions', preset: 'ice-seattle/detentions', rejected: 0 });
    const reader = readRecords(gunzippedCopy('ice-seattle/expedited-removals.csv.gz'), { table: 'auto' });
    let n = 0;
    for await (const r of reader) if ('eventNumber' in r && (r.eventNumber as { redacted?: boolean } | null)?.redacted === true) n++;
    expect(reader.report).toMatchObject({ table: 'removals', preset: 'ice-seattle/removals', rejected: 0 });
    expect(n).toBe(reader.report.accepted); // "(b)(7)e)" on every row, recognised
    expect(reader.report.redacted.birthDate).toBe(reader.report.accepted); // "(b)(6),(b)(7)c)"
  });
});

describeRealdata('real releases: Deportation Data Project copies', () => {
  it.each([
    ['ddp/ddp2025-release-headers_wa-rows.csv', 'ddp-2025/arrests'],
    ['ddp/ddp2026-release-headers_wa-rows.csv', 'ddp-2026/arrests'],
  ])('%s maps AOR, state, criminality and dates, no rejections', (file, preset) => {
    const { records: read, report } = parseRecords(realText(file), { table: 'auto' });
    const records = read as ArrestRecord[];
    expect(report).toMatchObject({ table: 'arrests', preset, rowsRead: 47, accepted: 47, rejected: 0 });
    const fields = report.columns.mapped.map((m) => m.field);
    expect(fields).toEqual(expect.arrayContaining(['apprehensionDate', 'apprehensionState', 'apprehensionAor', 'criminality', 'citizenshipCountry']));
    const count = (values: unknown[]) => Object.fromEntries([...new Set(values)].map((v) => [String(v), values.filter((x) => x === v).length]));
    // A plain count of the same file: 44 Seattle, 1 each El Paso, Salt Lake City, Chicago; 38 WASHINGTON, 7 blank, TEXAS, WISCONSIN.
    expect(count(records.map((r) => r.apprehensionAor))).toEqual({ SEA: 44, ELP: 1, SLC: 1, CHI: 1 });
    expect(count(records.map((r) => r.apprehensionState))).toEqual({ WA: 38, null: 7, TX: 1, WI: 1 });
    expect(records.every((r) => typeof r.apprehensionDate === 'string' && r.criminality !== undefined)).toBe(true);
    expect(report.unknownValues).toEqual({});
  });

  it.each(['arrests', 'detainers', 'encounters', 'detentions'] as const)(
    'joined_df_wa.csv read as %s: no NA rejections, AOR, state, criminality and dates mapped',
    (table) => {
      const { records, report } = parseRecords(realText('ddp/joined_df_wa.csv'), { table });
      expect(report).toMatchObject({ table, preset: `snake-case/${table}`, rowsRead: 235, accepted: 235, rejected: 0 });
      const spec = {
        arrests: ['apprehensionDate', 'apprehensionAor', 'apprehensionState', 'criminality'],
        detainers: ['prepareDate', 'facilityAor', 'facilityState', 'criminality'],
        encounters: ['eventDate', 'responsibleAor', 'criminality'],
        detentions: ['bookInDate', 'criminality', 'releaseReason'],
      }[table];
      expect(report.columns.mapped.map((m) => m.field)).toEqual(expect.arrayContaining(spec));
      // R's NA is missing, never text: no record holds "NA".
      expect(records.some((r) => Object.values(r).includes('NA'))).toBe(false);
    },
  );

  it('the joined file picks detainers by itself, and its AORs are Seattle', () => {
    const { records, report } = parseRecords(realText('ddp/joined_df_wa.csv'), { table: 'auto' });
    expect(report.table).toBe('detainers');
    expect(new Set(records.map((r) => ('facilityAor' in r ? r.facilityAor : undefined)))).toEqual(new Set(['SEA']));
  });
});

describeRealdata('real releases: country spellings', () => {
  it('every citizenship spelling of the releases maps to an ISO code, except the deliberately unmapped', SLOW, async () => {
    const unmapped = new Set(['UNKNOWN', 'USSR', 'YUGOSLAVIA', 'CZECHOSLOVAKIA', 'SERBIA AND MONTENEGRO', 'NETHERLANDS ANTILLES', 'KOREA']);
    const { tally } = await tallyRecords(gunzippedCopy('ice-lesa/EROEncounters_FY2016.csv.gz'), { by: ['citizenship'], workers: 1 });
    const spellings = tally.rows.map((r) => r.citizenship!).filter((c) => c !== MISSING);
    expect(spellings.length).toBeGreaterThan(150);
    for (const s of spellings) if (!unmapped.has(s)) expect(countryCodeOf(s), s).toMatch(/^[A-Z]{2}$/);
    const { breakdown } = tallyBreakdown(tally, 'citizenship', { source: 'ice' });
    expect(breakdown.parts.find((p) => p.category === 'mx')?.label).toBe('MEXICO');
  });
});

describe('real-release helpers', () => {
  it('split a pipe-delimited line plainly', () => {
    expect(pipeCells('"Chicago Area of Responsibility"|10/1/2015|"a ""b"""||x')).toEqual(['Chicago Area of Responsibility', '10/1/2015', 'a "b"', '', 'x']);
  });
});
