// The real releases given to the record readers exactly as published, with no hand conversion:
// gzip'd text from its .gz path, ICE's own workbook, Parquet files.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { IcestatError, MISSING, type TallyResult } from '@icestat/core';
import { expect, it } from 'vitest';
import { describeRealdata, gunzippedCopy, realPath } from '../../__fixtures__/realdata';
import { cellsToStrings, readXlsxRows } from '../../formats/xlsx/index';
import { readParquetMetadata, readParquetRows } from '../../formats/parquet/index';
import { readRecords } from './read';
import type { LoadReport } from './report';
import { tallyRecords } from './tally';

const SLOW = { timeout: 300_000 };
const WORKBOOK = 'ice-seattle/UW-v-DHS-ICE-Productions_LESA-STU_FINAL.xlsx';

function countsBy(result: TallyResult, dimension: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of result.rows) {
    const key = String((row as Record<string, unknown>)[dimension]);
    out[key] = (out[key] ?? 0) + row.count;
  }
  return out;
}

/** A report without its file name, to compare two reads of the same data. */
function unnamed(report: LoadReport): Omit<LoadReport, 'file'> {
  const { file: _file, ...rest } = report;
  return rest;
}

describeRealdata('real files straight into the record tables: ICE-LESA FY2016 from the .gz path', () => {
  it.each([
    ['ice-lesa/EROArrests_FY2016.csv.gz', 'arrests', 110_104, 12, 272],
    ['ice-lesa/EROEncounters_FY2016.csv.gz', 'encounters', 368_645, 3_009, undefined],
    ['ice-lesa/ICERemovals_FY2016.csv.gz', 'removals', 240_255, undefined, undefined],
  ] as const)('%s tallied from the .gz with no options but by equals the gunzipped read', SLOW, async (file, table, rows, hq, blank) => {
    const fromGz = await tallyRecords(realPath(file), { by: ['aor'] });
    expect(fromGz.report).toMatchObject({ table, rowsRead: rows, accepted: rows, rejected: 0 });
    const aors = countsBy(fromGz.tally, 'aor');
    if (hq !== undefined) expect(aors.HQ).toBe(hq);
    if (blank !== undefined) expect(aors[MISSING]).toBe(blank);
    const plain = await tallyRecords(gunzippedCopy(file), { by: ['aor'] });
    expect(fromGz.tally).toEqual(plain.tally);
    expect(unnamed(fromGz.report)).toEqual(unnamed(plain.report));
  });
});

describeRealdata("real files straight into the record tables: ICE's Seattle workbook as published", () => {
  /** ICE's Summary tab, read from the workbook itself: each table's rows of "FYyyyy | n …". */
  async function summaryTab(): Promise<{
    arrests: Record<string, number>;
    bookIns: Record<string, number>;
    expedited: Record<string, number>;
    other: Record<string, number>;
  }> {
    const blocks: string[][][] = [];
    for await (const r of readXlsxRows(realPath(WORKBOOK), { sheet: 'Summary' })) {
      const cells = cellsToStrings(r.cells).filter((c) => c !== '');
      if (cells[0] === 'Fiscal Year') blocks.push([]);
      else if (/^FY\d{4}( YTD)?$/.test(cells[0] ?? '') && blocks.length > 0) blocks.at(-1)!.push(cells);
    }
    const column = (block: string[][] | undefined, i: number) => Object.fromEntries((block ?? []).map((c) => [c[0]!.slice(0, 6), Number(c[i])]));
    return { arrests: column(blocks[0], 1), bookIns: column(blocks[1], 1), expedited: column(blocks[2], 1), other: column(blocks[2], 2) };
  }

  it('the Summary tab holds the totals the README gives', SLOW, async () => {
    const s = await summaryTab();
    expect(s.arrests).toEqual({ FY2012: 6_620, FY2013: 7_165, FY2014: 4_715, FY2015: 2_977, FY2016: 2_698, FY2017: 3_376, FY2018: 3_067, FY2019: 1_931 });
    expect(s.bookIns).toEqual({ FY2012: 7_101, FY2013: 7_626, FY2014: 5_298, FY2015: 3_277, FY2016: 3_165, FY2017: 3_899, FY2018: 3_833, FY2019: 2_612 });
    expect(Object.keys(s.expedited)).toHaveLength(8);
  });

  it("arrests by fiscal year equal ICE's Summary tab, the sheet chosen by name and by sheets: 'auto' (FY2012 from 2012-01-01)", SLOW, async () => {
    const { arrests } = await summaryTab();
    for (const choice of [{ sheet: 'Arrests' }, { sheets: 'auto' }] as const) {
      const { tally, report } = await tallyRecords(realPath(WORKBOOK), { table: 'arrests', by: ['fiscalYear'], ...choice });
      expect(countsBy(tally, 'fiscalYear')).toEqual(arrests);
      expect(report).toMatchObject({
        table: 'arrests',
        preset: 'ice-seattle/arrests',
        rowsRead: 32_549,
        accepted: 32_549,
        rejected: 0,
        header: { line: 7, bannerLines: 6 },
      });
      expect(report.sheets?.map((s) => s.name)).toEqual(['Arrests']);
      expect(tally.dateRange?.first).toBe('2012-01-01');
    }
  });

  it("book-ins (table: 'detentions', no sheet named) equal the Summary tab's initial book-ins", SLOW, async () => {
    const { bookIns } = await summaryTab();
    const { tally, report } = await tallyRecords(realPath(WORKBOOK), { table: 'detentions', by: ['fiscalYear'] });
    expect(countsBy(tally, 'fiscalYear')).toEqual(bookIns);
    expect(report).toMatchObject({ table: 'detentions', preset: 'ice-seattle/detentions', rejected: 0, sheets: [{ name: 'Book Ins', headerRow: 7 }] });
  });

  it(
    "removals: sheets: 'auto' reads Expedited and Other Removals; each sheet's rows equal the Summary's column, by departed date within a few per cent a year",
    SLOW,
    async () => {
      const s = await summaryTab();
      const both = await tallyRecords(realPath(WORKBOOK), { table: 'removals', sheets: 'auto', by: ['fiscalYear'] });
      expect(both.report.sheets?.map((x) => x.name)).toEqual(['Expedited Removals', 'Other Removals']);
      expect(both.report.rejected).toBe(0);
      const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
      expect(both.report.accepted).toBe(sum(s.expedited) + sum(s.other));
      for (const [sheet, summary] of [
        ['Expedited Removals', s.expedited],
        ['Other Removals', s.other],
      ] as const) {
        const { tally, report } = await tallyRecords(realPath(WORKBOOK), { table: 'removals', sheet, by: ['fiscalYear'] });
        // ICE counts removals by the fiscal year the case closed, the tally by departed date: the
        // totals agree exactly, each year within 4%.
        expect(report.accepted).toBe(sum(summary));
        const byYear = countsBy(tally, 'fiscalYear');
        expect(Object.keys(byYear).sort()).toEqual(Object.keys(summary).sort());
        for (const [fy, n] of Object.entries(summary)) expect(Math.abs(byYear[fy]! - n) / n).toBeLessThan(0.04);
      }
      // The two sheets, read together, are the sum of each read alone.
      const expedited = countsBy(
        (await tallyRecords(realPath(WORKBOOK), { table: 'removals', sheet: 'Expedited Removals', by: ['fiscalYear'] })).tally,
        'fiscalYear',
      );
      const other = countsBy((await tallyRecords(realPath(WORKBOOK), { table: 'removals', sheet: 'Other Removals', by: ['fiscalYear'] })).tally, 'fiscalYear');
      expect(countsBy(both.tally, 'fiscalYear')).toEqual(Object.fromEntries(Object.keys(expedited).map((fy) => [fy, expedited[fy]! + (other[fy] ?? 0)])));
    },
  );

  it('without table, the error lists the sheets and the table each holds', SLOW, async () => {
    const e = await tallyRecords(realPath(WORKBOOK), { by: ['fiscalYear'] }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(IcestatError.isInstance(e) && e.code).toBe('invalid_input');
    expect((e as Error).message).toContain(
      "'Summary' (no record table), 'Arrests' (arrests), 'Book Ins' (detentions), 'Expedited Removals' (removals), 'Other Removals' (removals), 'Footnotes' (no record table)",
    );
  });

  it('the workbook read as records gives the same arrests as UWCHR’s CSV conversion of the tab', SLOW, async () => {
    const fromBook = readRecords(realPath(WORKBOOK), { table: 'arrests', sheet: 'Arrests' });
    const fromCsv = readRecords(realPath('ice-seattle/arrests.csv.gz'), { table: 'arrests' });
    const dates = async (r: AsyncIterable<unknown>) => {
      const out: string[] = [];
      for await (const x of r) out.push(String((x as { apprehensionDate: unknown }).apprehensionDate));
      return out;
    };
    const [a, b] = [await dates(fromBook), await dates(fromCsv)];
    expect(a.length).toBe(32_549);
    expect(a).toEqual(b);
  });
});

describeRealdata('real files straight into the record tables: Parquet', () => {
  it.each([['ddp/currently-detained-by-criminality.parquet'], ['ddp/adp-by-agency-criminality.parquet']])(
    '%s: every row read, as many as its footer states',
    SLOW,
    async (file) => {
      const md = await readParquetMetadata(realPath(file));
      let n = 0;
      for await (const _ of readParquetRows(realPath(file))) n++;
      expect(n).toBe(md.rows);
      expect(n).toBeGreaterThan(0);
      if (file.startsWith('ddp/currently')) expect(n).toBe(402);
      // Detention statistics, not a record table: the record readers say so, naming the file.
      const e = await tallyRecords(realPath(file), { by: [] }).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(IcestatError.isInstance(e) && e.code).toBe('parse_error');
      expect((e as Error).message).toContain(realPath(file));
    },
  );

  it('real DDP-2025 arrest rows written to Parquet (by DuckDB, types inferred) tally as their CSV does', SLOW, async () => {
    const csv = realPath('ddp/ddp2025-release-headers_wa-rows.csv');
    const out = join(mkdtempSync(join(tmpdir(), 'icestat-realparquet-')), 'arrests.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const duck = await instance.connect();
    try {
      await duck.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${out}' (FORMAT parquet)`);
    } finally {
      duck.closeSync();
      instance.closeSync();
    }
    const fromParquet = await tallyRecords(out, { by: ['aor', 'state', 'fiscalYear'] });
    const fromCsv = await tallyRecords(csv, { by: ['aor', 'state', 'fiscalYear'] });
    expect(fromParquet.report).toMatchObject({ table: 'arrests', preset: 'ddp-2025/arrests', rowsRead: 47, accepted: 47, rejected: 0 });
    expect(fromParquet.tally.rows).toEqual(fromCsv.tally.rows);
    expect(countsBy(fromParquet.tally, 'aor')).toEqual({ SEA: 44, ELP: 1, SLC: 1, CHI: 1 });
  });
});
