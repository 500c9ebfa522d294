import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeRealdata, realdata } from '../__fixtures__/realdata';
import { findTableStart, inspectSource } from './index';

const dir = mkdtempSync(join(tmpdir(), 'icestat-inspect-'));
function file(name: string, data: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

describe('inspectSource', { timeout: 60_000 }, () => {
  it('a banner above the header, in a zip inside a gzip', async () => {
    const csv = '"ERO-LESA Statistical Tracking Unit",,\n"For Official Use Only",,\n,,\nArea,Date,Gender\nSEA,10/1/2015,Male\nLOS,10/2/2015,Female\n';
    const p = file('nested.csv.gz', gzipSync(zipSync({ 'arrests.csv': strToU8(csv) })));
    expect(await inspectSource(p, { sampleRows: 1 })).toEqual({
      file: p,
      format: 'text',
      description: 'UTF-8 text',
      supported: true,
      compression: ['gzip', 'zip'],
      entry: 'arrests.csv',
      encoding: 'utf-8',
      bom: false,
      delimiter: ',',
      table: {
        headerRow: 4,
        bannerLines: ['ERO-LESA Statistical Tracking Unit', 'For Official Use Only'],
        header: ['Area', 'Date', 'Gender'],
        sampleRows: [['SEA', '10/1/2015', 'Male']],
      },
      detectedTable: null,
      detectedPreset: null,
      mappedColumns: [],
      unmappedColumns: [],
    });
  });

  it('detects the record table and preset of a header below a banner, with mapped and unmapped columns', async () => {
    const csv =
      'ERO-LESA Statistical Tracking Unit||\nICE Removals||\nDeparted Date|Removal Date|Final Charge Section|Remarks\n10/3/2015|10/3/2015|212a6Ai|x\n';
    const r = await inspectSource(file('removals.csv.gz', gzipSync(Buffer.from(csv))));
    expect(r).toMatchObject({ delimiter: '|', table: { headerRow: 3 }, detectedTable: 'removals' });
    expect(r.detectedPreset).toMatch(/^ice-/);
    expect(r.mappedColumns).toEqual(expect.arrayContaining([{ header: 'Departed Date', field: 'departedDate' }]));
    expect(r.unmappedColumns).toContain('Remarks');
    expect(
      r.mappedColumns
        .map((m) => m.header)
        .concat(r.unmappedColumns)
        .sort(),
    ).toEqual(['Departed Date', 'Final Charge Section', 'Remarks', 'Removal Date']);
  });

  it('reports, not throws, formats icestat does not read, and text that is not UTF-8', async () => {
    const sav = await inspectSource(file('a.sav', Buffer.from('$FL2@(#) IBM SPSS STATISTICS 64-bit')));
    expect(sav).toMatchObject({ format: 'spss', supported: false });
    expect(sav.problem).toContain('haven::read_sav');
    const gzDta = await inspectSource(file('a.dta.gz', gzipSync(Buffer.from('<stata_dta><header>'))));
    expect(gzDta).toMatchObject({ format: 'stata', supported: false, compression: ['gzip'] });
    const latin = await inspectSource(file('l.csv', Buffer.from('Área;País\nSEA;México\n', 'latin1')));
    expect(latin).toMatchObject({ encoding: 'latin1', delimiter: ';', table: { header: ['Área', 'País'] } });
    expect(latin.problem).toContain("pass { encoding: 'latin1' }");
    const u16 = await inspectSource(file('u.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A\tB\n1\t2\n', 'utf16le')])));
    expect(u16).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: '\t', table: { header: ['A', 'B'], sampleRows: [['1', '2']] } });
  });

  it('findTableStart: the first row with two or more filled cells and half the fullest', () => {
    const rows = [
      ['Title', ''],
      ['', ''],
      ['Note: one', ''],
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ].map((cells, i) => ({ row: i + 1, cells }));
    expect(findTableStart(rows, 5)).toEqual({ headerRow: 4, bannerLines: ['Title', 'Note: one'], header: ['a', 'b', 'c'], sampleRows: [['1', '2', '3']] });
    expect(findTableStart([{ row: 1, cells: ['only'] }], 1)).toBeUndefined();
  });
});

describeRealdata('inspectSource on the real releases', () => {
  it('ICE ERO arrests FY2016 (gzip): pipe-delimited, five banner lines (one blank), header on line 6', async () => {
    const r = await inspectSource(realdata('ice-lesa/EROArrests_FY2016.csv.gz'));
    expect(r).toMatchObject({ format: 'text', compression: ['gzip'], delimiter: '|', encoding: 'utf-8' });
    expect(r.table?.headerRow).toBe(6);
    expect(r.table?.bannerLines).toEqual([
      'ERO-LESA Statistical Tracking Unit',
      'For Official Use Only (FOUO)/Pre-decisional',
      '2019-ICFO-53623',
      'ERO Administrative Arrests for FY2016',
    ]);
    expect(r.table?.header).toEqual([
      'Area of Responsibility',
      'Apprehension Date',
      'Apprehension Method',
      'Apprehension Landmark',
      'Operation',
      'Processing Disposition',
      'Birth Date',
      'Citizenship',
      'Gender',
    ]);
    expect(r).toMatchObject({ detectedTable: 'arrests', detectedPreset: 'ice-lesa/arrests', unmappedColumns: [] });
    expect(r.mappedColumns).toHaveLength(9);
  });

  it("ICE's Seattle workbook: six sheets, each header on row 7 under the banner (Footnotes has none)", async () => {
    const r = await inspectSource(realdata('ice-seattle/UW-v-DHS-ICE-Productions_LESA-STU_FINAL.xlsx'));
    expect(r.format).toBe('xlsx');
    expect(r.sheets?.map((s) => [s.name, s.table?.headerRow, s.table?.header[0]])).toEqual([
      ['Summary', 7, 'Fiscal Year'],
      ['Arrests', 7, 'Arrest Date'],
      ['Book Ins', 7, 'Book In Date'],
      ['Expedited Removals', 7, 'Departed Date'],
      ['Other Removals', 7, 'Departed Date'],
      ['Footnotes', undefined, undefined],
    ]);
    expect(r.sheets?.[1]?.table?.sampleRows[0]?.[0]).toBe('2012-01-01');
    expect(r.sheets?.map((s) => [s.name, s.detectedTable, s.detectedPreset])).toEqual([
      ['Summary', null, null],
      ['Arrests', 'arrests', 'ice-seattle/arrests'],
      ['Book Ins', 'detentions', 'ice-seattle/detentions'],
      ['Expedited Removals', 'removals', 'ice-seattle/removals'],
      ['Other Removals', 'removals', 'ice-seattle/removals'],
      ['Footnotes', null, null],
    ]);
    expect(r.sheets?.[1]?.mappedColumns.map((m) => m.field)).toEqual(expect.arrayContaining(['apprehensionDate', 'gender', 'citizenshipCountry']));
    // Several tables in one workbook: the workbook itself names none (the readers ask to choose).
    expect(r).toMatchObject({ detectedTable: null, detectedPreset: null });
  }, 60_000);

  it('a DDP Parquet file: rows and columns from the footer, a sample', async () => {
    const r = await inspectSource(realdata('ddp/currently-detained-by-criminality.parquet'));
    expect(r).toMatchObject({
      format: 'parquet',
      rows: 402,
      table: { header: ['criminality', 'ice', 'percent_ice', 'cbp', 'percent_cbp', 'total', 'fiscal_year', 'file_date', 'pull_date'] },
    });
    expect(r.table?.sampleRows[0]).toEqual([
      'Total',
      '18881',
      '0.3707827657986725',
      '32041',
      '0.6292172342013275',
      '50922',
      '2019',
      '2019-12-31',
      '2019-10-07',
    ]);
    // Detention statistics, not a record table.
    expect(r).toMatchObject({ detectedTable: null, detectedPreset: null });
  });
});
