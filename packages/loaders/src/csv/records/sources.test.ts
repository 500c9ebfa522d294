// Workbooks and Parquet files given to the record readers as they are: told apart by content,
// read through the same row checker as CSV.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ArrestRecord } from '@icestat/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecords } from './read';
import { detectTable } from '../../tables/detect';
import { mergeReports } from './sources';
import { tallyRecords } from './tally';
import type { LoadReport } from './report';
import { caught } from '../../__fixtures__/testing';

const dir = mkdtempSync(join(tmpdir(), 'icestat-sources-'));
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function all<R>(reader: AsyncIterable<R>): Promise<R[]> {
  const out: R[] = [];
  for await (const r of reader) out.push(r);
  return out;
}

const BANNER = [
  'ERO-LESA Statistical Tracking Unit',
  'For Official Use Only (FOUO)/Pre-decisional',
  'UW v. DHS - ICE Productions',
  '',
  'ERO Administrative Arrests',
];
const ARRESTS_HEADER = ['Arrest Date', 'Date of Birth', 'Gender', 'Country of Citizenship', 'Arrest Method'];
const BOOKINS_HEADER = ['Book In Date', 'Date of Birth', 'Gender', 'Country of Citizenship', 'Detention Facility'];

/**
 * A workbook as ICE writes one: a Summary tab, arrests split across two tabs (the second with a
 * bad date in row 8), a book-ins tab; banner rows above each header, dates as date cells.
 */
async function iceWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet('Summary');
  summary.addRows([['ERO-LESA Statistical Tracking Unit'], ['Fiscal Year', 'Total'], ['FY2016', 4]]);
  const sheet = (name: string, header: string[], rows: unknown[][]) => {
    const ws = wb.addWorksheet(name);
    for (const b of BANNER) ws.addRow([b]);
    ws.addRow(header);
    for (const r of rows) ws.addRow(r);
    ws.getColumn(1).numFmt = 'm/d/yyyy';
  };
  sheet('Arrests 1', ARRESTS_HEADER, [
    [utc(2015, 10, 1), '(b)(6),(b)(7)c)', 'Male', 'MEXICO', 'CAP Local Incarceration'],
    [utc(2016, 9, 30), '(b)(6),(b)(7)c)', 'Female', 'GUATEMALA', 'Located'],
  ]);
  sheet('Arrests 2', ARRESTS_HEADER, [
    [utc(2016, 10, 1), '(b)(6),(b)(7)c)', 'Male', 'HONDURAS', 'Located'],
    ['not a date', '(b)(6),(b)(7)c)', 'Male', 'MEXICO', 'Located'],
    [utc(2017, 1, 15), '(b)(6),(b)(7)c)', 'Male', 'MEXICO', 'Located'],
  ]);
  sheet('Book Ins', BOOKINS_HEADER, [[utc(2016, 1, 2), '(b)(6),(b)(7)c)', 'Male', 'MEXICO', 'NORTHWEST DET. CENTER']]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('record readers on Excel workbooks', { timeout: 60_000 }, () => {
  let book: Uint8Array;
  let path: string;
  beforeAll(async () => {
    book = await iceWorkbook();
    // Named .csv on purpose: the content decides, not the name.
    path = join(dir, 'download.csv');
    writeFileSync(path, book);
  });

  it('a sheet by name: banner rows skipped by the header finder, date cells as ISO dates, rows numbered as in the sheet', async () => {
    const reader = readRecords(path, { table: 'arrests', sheet: 'Arrests 1' });
    const records = (await all(reader)) as ArrestRecord[];
    expect(records.map((r) => r.apprehensionDate)).toEqual(['2015-10-01', '2016-09-30']);
    expect(records.map((r) => r.citizenshipCountry)).toEqual(['MEXICO', 'GUATEMALA']);
    expect(reader.report).toMatchObject({
      file: path,
      table: 'arrests',
      preset: 'ice-seattle/arrests',
      rowsRead: 2,
      accepted: 2,
      rejected: 0,
      header: { line: 6, bannerLines: 5, title: 'ERO Administrative Arrests' },
      sheets: [{ name: 'Arrests 1', headerRow: 6, preset: 'ice-seattle/arrests', rowsRead: 2, accepted: 2, rejected: 0 }],
    });
  });

  it('a sheet by index reads the same as by name', async () => {
    const byIndex = await tallyRecords(path, { table: 'arrests', sheet: 2, by: ['fiscalYear'] });
    const byName = await tallyRecords(path, { table: 'arrests', sheet: 'Arrests 2', by: ['fiscalYear'] });
    expect(byIndex.tally.rows).toEqual(byName.tally.rows);
    expect(byIndex.tally.rows).toEqual([{ fiscalYear: 'FY2017', count: 2 }]);
  });

  it("sheets: 'auto' reads every sheet of the table one after the other; the rejection names its sheet and row", async () => {
    const { tally, report } = await tallyRecords(path, { table: 'arrests', sheets: 'auto', by: ['fiscalYear'] });
    expect(tally.rows).toEqual([
      { fiscalYear: 'FY2016', count: 2 },
      { fiscalYear: 'FY2017', count: 2 },
    ]);
    expect(report).toMatchObject({ rowsRead: 5, accepted: 4, rejected: 1 });
    expect(report.accepted + report.rejected).toBe(report.rowsRead);
    expect(report.sheets?.map((s) => [s.name, s.rowsRead, s.rejected])).toEqual([
      ['Arrests 1', 2, 0],
      ['Arrests 2', 3, 1],
    ]);
    expect(report.rejections).toEqual([expect.objectContaining({ sheet: 'Arrests 2', line: 8, code: 'bad_date', column: 'Arrest Date' })]);
    // The records reader gives the same rows and report.
    const reader = readRecords(path, { table: 'arrests', sheets: 'auto' });
    expect((await all(reader)).length).toBe(4);
    expect(reader.report.rejections).toEqual(report.rejections);
  });

  it('with onRejection: throw the error names the file, sheet, row and column', async () => {
    const e = await caught(tallyRecords(path, { table: 'arrests', sheets: 'auto', by: [], onRejection: 'throw' }));
    expect(e.code).toBe('parse_error');
    expect(e.message).toContain(`${path} › Arrests 2:8 (column "Arrest Date")`);
  });

  it('table picks the one sheet that holds it', async () => {
    const { tally, report } = await tallyRecords(path, { table: 'detentions', by: ['fiscalYear'] });
    expect(tally.rows).toEqual([{ fiscalYear: 'FY2016', count: 1 }]);
    expect(report).toMatchObject({ table: 'detentions', preset: 'ice-seattle/detentions', sheets: [{ name: 'Book Ins' }] });
  });

  it('asks the caller to choose when the sheets hold several tables, or one table on several sheets', async () => {
    const several = await caught(tallyRecords(path, { by: ['fiscalYear'] }));
    expect(several.code).toBe('invalid_input');
    expect(several.message).toContain(
      "the workbook's sheets hold several record tables: 'Summary' (no record table), 'Arrests 1' (arrests), 'Arrests 2' (arrests), 'Book Ins' (detentions)",
    );
    const split = await caught(tallyRecords(path, { table: 'arrests', by: [] }));
    expect(split.message).toContain("2 sheets hold arrests ('Arrests 1', 'Arrests 2'); pass sheets: 'auto'");
    const missing = await caught(all(readRecords(path, { sheet: 'Removals' })));
    expect(missing.message).toContain("the workbook has no sheet 'Removals'; its sheets are 'Summary' (no record table), 'Arrests 1' (arrests)");
    const none = await caught(tallyRecords(path, { table: 'removals', by: [] }));
    expect(none.message).toContain('no sheet of the workbook holds removals');
  });

  it('bytes, a Node stream and a Web stream read as the path does', async () => {
    const want = (await tallyRecords(path, { table: 'arrests', sheets: 'auto', by: ['fiscalYear'] })).tally.rows;
    for (const source of [book, Readable.from([book.subarray(0, 1000), book.subarray(1000)]), new Blob([book as Uint8Array<ArrayBuffer>]).stream()]) {
      const { tally, report } = await tallyRecords(source, { table: 'arrests', sheets: 'auto', by: ['fiscalYear'] });
      expect(tally.rows).toEqual(want);
      expect(report.rejected).toBe(1);
    }
  });

  it('sheet options on a CSV, and a sheet that is not a name or index, are refused', async () => {
    const csv = join(dir, 'a.csv');
    writeFileSync(csv, 'Arrest Date,Gender\n2016-01-01,Male\n');
    expect((await caught(tallyRecords(csv, { sheet: 'Arrests', by: [] }))).message).toContain('sheet and sheets are for workbooks');
    // CSV bytes (and gzip'd CSV bytes) are read as the path is.
    const text = readFileSync(csv);
    expect((await tallyRecords(new Uint8Array(text), { by: ['gender'] })).tally.rows).toEqual([{ gender: 'male', count: 1 }]);
    expect((await tallyRecords(new Uint8Array(gzipSync(text)), { by: ['gender'] })).report).toMatchObject({ file: '(bytes)', accepted: 1, table: 'arrests' });
    expect((await caught(tallyRecords(path, { sheet: -1, by: [] }))).message).toContain("sheet: expected a sheet's name or its 0-based index");
  });

  it('a stream that is neither a workbook nor UTF-8 text keeps the name given in its error', async () => {
    const e = await caught(tallyRecords(Readable.from([new Uint8Array([0x41, 0x2c, 0x42, 0x0a, 0xff, 0xfe, 0x41, 0x0a])]), { name: 'upload.csv', by: [] }));
    expect(e.code).toBe('unsupported_encoding');
    expect(e.message).toContain('upload.csv');
  });

  it('a truncated workbook is a located error', async () => {
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, book.subarray(0, book.length - 200));
    const e = await caught(tallyRecords(cut, { table: 'arrests', by: [] }));
    expect(e.message).toContain(`${cut}: not a complete zip archive`);
  });
});

describe('record readers on Parquet files', { timeout: 60_000 }, () => {
  let instance: DuckDBInstance;
  let duck: Awaited<ReturnType<DuckDBInstance['connect']>>;
  const file = join(dir, 'arrests.parquet');
  const csv = join(dir, 'arrests.csv');
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    duck = await instance.connect();
    writeFileSync(
      csv,
      `${[
        'apprehension_date,apprehension_aor,apprehension_state,gender,citizenship_country,landmark,remarks',
        '2024-10-02,Seattle Area of Responsibility,WASHINGTON,Male,MEXICO,TACOMA,first',
        '2024-10-03,Seattle Area of Responsibility,WASHINGTON,Female,GUATEMALA,,',
        '2025-01-15,El Paso Area of Responsibility,TEXAS,Male,MEXICO,EL PASO,',
        '2023-05-01,Seattle Area of Responsibility,WASHINGTON,Male,HONDURAS,SEATTLE,last',
      ].join('\n')}\n`,
    );
    await duck.run(`COPY (SELECT * FROM read_csv('${csv}', types={'apprehension_date': 'DATE'})) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`);
  });
  afterAll(() => {
    duck?.closeSync();
    instance?.closeSync();
  });

  it('tallies a Parquet file as its CSV twin: same counts, same mapping; date columns become ISO dates', async () => {
    const fromParquet = await tallyRecords(file, { by: ['fiscalYear', 'aor'] });
    const fromCsv = await tallyRecords(csv, { by: ['fiscalYear', 'aor'] });
    expect(fromParquet.tally.rows).toEqual(fromCsv.tally.rows);
    expect(fromParquet.tally.rows).toEqual([
      { fiscalYear: 'FY2023', aor: 'SEA', count: 1 },
      { fiscalYear: 'FY2025', aor: 'ELP', count: 1 },
      { fiscalYear: 'FY2025', aor: 'SEA', count: 2 },
    ]);
    expect(fromParquet.report).toMatchObject({ table: 'arrests', preset: fromCsv.report.preset, rowsRead: 4, accepted: 4, rejected: 0, header: { line: 1 } });
  });

  it('a tally reads only the columns the table maps (the unmapped remarks column is not read); readRecords reads them all', async () => {
    const { report } = await tallyRecords(file, { by: ['aor'] });
    const csvReport = (await tallyRecords(csv, { by: ['aor'] })).report;
    expect(csvReport.columns.extra).toEqual(['remarks']);
    expect(report.columns.extra).toEqual([]);
    expect(report.columns.mapped).toEqual(csvReport.columns.mapped);
    const reader = readRecords(file, { table: 'arrests' });
    const records = (await all(reader)) as ArrestRecord[];
    expect(records).toHaveLength(4);
    expect(reader.report.columns.extra).toEqual(['remarks']);
    expect(records.map((r) => [r.apprehensionDate, r.apprehensionAor, r.extra?.remarks])).toEqual([
      ['2024-10-02', 'SEA', 'first'],
      ['2024-10-03', 'SEA', ''],
      ['2025-01-15', 'ELP', ''],
      ['2023-05-01', 'SEA', 'last'],
    ]);
  });

  it('a bytes source and a stream read as the path does; sheet is refused', async () => {
    const bytes = new Uint8Array(readFileSync(file));
    const want = (await tallyRecords(file, { by: ['aor'] })).tally.rows;
    expect((await tallyRecords(bytes, { by: ['aor'] })).tally.rows).toEqual(want);
    expect((await tallyRecords(Readable.from([bytes]), { by: ['aor'] })).tally.rows).toEqual(want);
    expect((await caught(tallyRecords(file, { sheet: 0, by: [] }))).message).toContain('sheet and sheets are for workbooks; this is a Parquet file');
  });

  it('a truncated Parquet file is a located error', async () => {
    const cut = join(dir, 'cut.parquet');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 20));
    const e = await caught(tallyRecords(cut, { by: [] }));
    expect(e.code).toBe('parse_error');
    expect(e.message).toContain(`${cut}: the Parquet footer is damaged or missing`);
  });
});

describe('detectTable and mergeReports', () => {
  it('detectTable finds the header below banner rows and ranks the presets', () => {
    const rows = [...BANNER.map((b, i) => ({ row: i + 1, cells: [b, ''] })), { row: 6, cells: [...BOOKINS_HEADER, 'Remarks'] }];
    expect(detectTable(rows)).toMatchObject({ headerRow: 6, table: 'detentions', preset: 'ice-seattle/detentions', unmapped: ['Remarks'] });
    expect(detectTable([{ row: 1, cells: ['Fiscal Year', 'Total'] }])).toEqual({ table: null, preset: null, mapped: [], unmapped: [] });
  });

  it('mergeReports sums counts, names sheets in rejections and keeps at most maxRejections', () => {
    const base: LoadReport = {
      file: 'x',
      rowsRead: 3,
      accepted: 1,
      rejected: 2,
      rejections: [
        { line: 8, code: 'bad_date', reason: 'r' },
        { line: 9, code: 'bad_date', reason: 'r' },
      ],
      rejectionsDropped: 0,
      blankLines: 1,
      delimiter: ',',
      table: 'arrests',
      preset: 'p',
      header: { line: 6, bannerLines: 5, banner: [], title: undefined },
      columns: { mapped: [], extra: [], notFound: [] },
      redacted: { birthDate: 1 },
      unknownValues: { aor: { XYZ: 1 } },
    };
    const merged = mergeReports(
      'book.xlsx',
      [
        { sheet: 'A', report: base },
        { sheet: 'B', report: base },
      ],
      3,
    );
    expect(merged).toMatchObject({
      file: 'book.xlsx',
      rowsRead: 6,
      accepted: 2,
      rejected: 4,
      rejectionsDropped: 1,
      blankLines: 2,
      redacted: { birthDate: 2 },
      unknownValues: { aor: { XYZ: 2 } },
    });
    expect(merged.rejections.map((r) => `${r.sheet}:${r.line}`)).toEqual(['A:8', 'A:9', 'B:8']);
  });
});
