import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeRealdata, realdata } from '../__fixtures__/realdata';
import { buildXlsx } from './__fixtures__/build';
import { cellsToStrings, listXlsxSheets, readXlsxRows, type CellValue, type XlsxRow } from './index';
import { caught } from '../../__fixtures__/testing';

const dir = mkdtempSync(join(tmpdir(), 'icestat-xlsx-'));
function file(name: string, data: Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}
async function rows(source: Parameters<typeof readXlsxRows>[0], options: Parameters<typeof readXlsxRows>[1] = {}): Promise<XlsxRow[]> {
  const out: XlsxRow[] = [];
  for await (const r of readXlsxRows(source, options)) out.push(r);
  return out;
}
const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

describe('readXlsxRows on hand-written workbooks', { timeout: 60_000 }, () => {
  const book = buildXlsx({
    sharedStrings: ['Arrest Date', 'Gender', 'Male', '  spaced  '],
    // style 0 General, 1 built-in date (14), 2 custom date, 3 custom number with quoted "d", 4 time
    cellXfs: [0, 14, 165, 166, 20],
    numFmts: { 165: 'yyyy\\-mm\\-dd;@', 166: '#,##0" days"' },
    sheets: [
      {
        name: 'Arrests',
        dimension: 'A1:D4',
        rows:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
          '<row r="3"><c r="A3" s="1"><v>40909</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="inlineStr"><is><t>inline</t></is></c><c r="D3" s="3"><v>12</v></c></row>' +
          '<row r="4"><c r="B4" t="b"><v>1</v></c><c r="C4" s="2"><v>43651.5</v></c><c r="D4" s="4"><v>0.75</v></c></row>',
      },
      { name: 'Second', rows: '<row r="2"><c r="C2" t="str"><v>formula text</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="s"><v>3</v></c></row>' },
    ],
  });

  it('types cells: shared and inline strings, numbers, booleans, dates by style; pads to the declared width', async () => {
    const got = await rows(file('book.xlsx', book));
    expect(got).toEqual([
      { row: 1, cells: ['Arrest Date', 'Gender', null, null] },
      { row: 3, cells: [utc(2012, 1, 1), 'Male', 'inline', 12] },
      // a time alone (0.75) is 18:00 on serial day 0, Excel's 1900-01-00 (= 1899-12-31)
      { row: 4, cells: [null, true, utc(2019, 7, 5, 12), new Date(Date.UTC(1899, 11, 31, 18))] },
    ]);
  });

  it('picks a sheet by name or index; ragged rows padded to the widest so far; whitespace kept', async () => {
    const byName = await rows(file('book.xlsx', book), { sheet: 'Second' });
    const byIndex = await rows(file('book.xlsx', book), { sheet: 1 });
    expect(byName).toEqual(byIndex);
    expect(byName).toEqual([{ row: 2, cells: [null, null, 'formula text', '#N/A', '  spaced  '] }]);
  });

  it('reads from a Node stream and bytes in a Web stream as from a path', async () => {
    const p = file('book.xlsx', book);
    expect(await rows(Readable.from([Buffer.from(book)]))).toEqual(await rows(p));
    expect(await rows(new Blob([Buffer.from(book)]).stream())).toEqual(await rows(p));
  });

  it('the 1904 date system, and the 1900 leap-year bug (serial 60 is the 29 February 1900 that never was)', async () => {
    const rows1904 = buildXlsx({
      date1904: true,
      cellXfs: [0, 14],
      sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>39447</v></c></row>' }],
    });
    expect((await rows(file('1904.xlsx', rows1904)))[0]!.cells).toEqual([utc(1904, 1, 1), utc(2012, 1, 1)]);
    const rows1900 = buildXlsx({
      cellXfs: [0, 14],
      sheets: [
        {
          name: 'S',
          rows: '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>59</v></c><c r="C1" s="1"><v>61</v></c><c r="D1" s="1"><v>43831</v></c></row>',
        },
      ],
    });
    // 1 = 1900-01-01, 59 = 1900-02-28, 61 = 1900-03-01, 43831 = 2020-01-01 (Excel's own values)
    expect((await rows(file('1900.xlsx', rows1900)))[0]!.cells).toEqual([utc(1900, 1, 1), utc(1900, 2, 28), utc(1900, 3, 1), utc(2020, 1, 1)]);
  });

  it('rich-text shared strings are joined (phonetic runs left out); ISO date cells (t="d"); entities decoded', async () => {
    const book = buildXlsx({
      sharedStrings:
        '<si><r><t>Seattle </t></r><r><rPr><b/></rPr><t>Area</t></r><rPh sb="0" eb="1"><t>シアトル</t></rPh></si><si><t>A &amp; B &lt;C&gt;</t></si>',
      sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="d"><v>2016-10-01T09:30:00</v></c></row>' }],
    });
    expect((await rows(file('rich.xlsx', book)))[0]!.cells).toEqual(['Seattle Area', 'A & B <C>', utc(2016, 10, 1, 9, 30)]);
  });

  it('lists sheets with their declared range', async () => {
    expect(await listXlsxSheets(file('book.xlsx', book))).toEqual([
      { name: 'Arrests', index: 0, dimension: 'A1:D4' },
      { name: 'Second', index: 1 },
    ]);
  });

  it('cellsToStrings gives the text the record pipeline maps: ISO dates, TRUE/FALSE, empty strings', () => {
    const cells: CellValue[] = [utc(2016, 10, 1), utc(2019, 7, 5, 12, 30), true, 3.5, null, 'SEA'];
    expect(cellsToStrings(cells)).toEqual(['2016-10-01', '2019-07-05T12:30:00', 'TRUE', '3.5', '', 'SEA']);
  });
});

describe('readXlsxRows on damaged and wrong inputs', { timeout: 60_000 }, () => {
  it('a missing sheet lists the sheets', async () => {
    const e = await caught(rows(file('b.xlsx', buildXlsx({ sheets: [{ name: 'Arrests', rows: '' }] })), { sheet: 'Removals' }));
    expect(e.message).toMatch(/b\.xlsx: the workbook has no sheet 'Removals'; its sheets are 'Arrests'$/);
  });

  it('a missing sharedStrings part is a located error', async () => {
    const book = buildXlsx({ sheets: [{ name: 'Arrests', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], omit: ['xl/sharedStrings.xml'] });
    const e = await caught(rows(file('noss.xlsx', book)));
    expect(e.code).toBe('parse_error');
    expect(e.message).toContain('noss.xlsx › Arrests: the sheet uses shared strings but the workbook has no shared-strings part (xl/sharedStrings.xml)');
  });

  it('a truncated workbook is a located error', async () => {
    const book = buildXlsx({ sheets: [{ name: 'Arrests', rows: '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(100) }] });
    const e = await caught(rows(file('cut.xlsx', book.subarray(0, book.length - 100))));
    expect(e.message).toMatch(/cut\.xlsx: not a complete zip archive: its end-of-central-directory record is missing/);
  });

  it('broken sheet XML names the sheet and the row', async () => {
    const book = buildXlsx({ sheets: [{ name: 'Arrests', rows: '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></row>' }] });
    const e = await caught(rows(file('xml.xlsx', book)));
    expect(e.message).toMatch(/xml\.xlsx › Arrests: the sheet's XML is damaged near row 2/);
  });

  it('a file that is not a workbook says what it is', async () => {
    const e = await caught(rows(file('x.xlsx', new Uint8Array(Buffer.from('$FL2@(#) SPSS DATA FILE')))));
    expect(e.message).toContain('x.xlsx: this is an SPSS .sav file, not text the xlsx reader can read');
  });
});

describe('readXlsxRows on a workbook written by exceljs', { timeout: 60_000 }, () => {
  it('three sheets of records read back cell for cell', async () => {
    const wb = new ExcelJS.Workbook();
    const expected: string[][][] = [];
    for (let s = 0; s < 3; s++) {
      const ws = wb.addWorksheet(`FY${2017 + s}`);
      const sheet: string[][] = [['Arrest Date', 'AOR', 'Count']];
      ws.addRow(sheet[0]);
      for (let i = 0; i < 500; i++) {
        const d = new Date(Date.UTC(2016 + s, 9, 1) + i * 86_400_000);
        ws.addRow([d, i % 3 === 0 ? 'SEA' : 'Seattle Area of Responsibility', i]);
        ws.lastRow!.getCell(1).numFmt = 'mm/dd/yyyy';
        sheet.push([d.toISOString().slice(0, 10), i % 3 === 0 ? 'SEA' : 'Seattle Area of Responsibility', String(i)]);
      }
      expected.push(sheet);
    }
    const p = join(dir, 'exceljs.xlsx');
    await wb.xlsx.writeFile(p);
    expect((await listXlsxSheets(p)).map((s) => s.name)).toEqual(['FY2017', 'FY2018', 'FY2019']);
    for (let s = 0; s < 3; s++) {
      const got = (await rows(p, { sheet: s })).map((r) => cellsToStrings(r.cells));
      expect(got).toEqual(expected[s]);
    }
  }, 60_000);
});

describeRealdata("real releases: ICE's Seattle workbook (UW v. DHS production), read as published", () => {
  const xlsx = realdata('ice-seattle/UW-v-DHS-ICE-Productions_LESA-STU_FINAL.xlsx');

  it('lists its six tabs', async () => {
    const sheets = await listXlsxSheets(xlsx);
    expect(sheets.map((s) => s.name)).toEqual(['Summary', 'Arrests', 'Book Ins', 'Expedited Removals', 'Other Removals', 'Footnotes']);
    expect(sheets[1]!.dimension).toBe('A1:J32556'); // stored width J (10 columns) for 8 named columns
  }, 60_000);

  /** The fiscal year of a date: FY N runs 1 October N−1 … 30 September N (FY2012 from 2012-01-01 in this production). */
  const fiscalYear = (d: Date) => d.getUTCFullYear() + (d.getUTCMonth() >= 9 ? 1 : 0);

  /** A plain tally: banner rows, the header row found by its first cell, then rows by fiscal year of the first column. */
  async function byFiscalYear(sheet: string, firstHeader: string) {
    const counts = new Map<number, number>();
    let header: XlsxRow | undefined;
    let others = 0;
    for await (const r of readXlsxRows(xlsx, { sheet })) {
      if (!header) {
        if (r.cells[0] === firstHeader) header = r;
        continue;
      }
      const d = r.cells[0];
      if (d instanceof Date) counts.set(fiscalYear(d), (counts.get(fiscalYear(d)) ?? 0) + 1);
      else others++;
    }
    return { header, counts: Object.fromEntries(counts), others };
  }

  /** ICE's own totals on the Summary tab: the rows after the title that names `what`. */
  async function summary(what: RegExp, column: number) {
    const out: Record<number, number> = {};
    let inTable = false;
    for await (const r of readXlsxRows(xlsx, { sheet: 'Summary' })) {
      const first = r.cells[0];
      if (typeof first === 'string' && what.test(first)) inTable = true;
      else if (inTable && typeof first === 'string' && /^FY\d{4}/.test(first)) out[Number(first.slice(2, 6))] = r.cells[column] as number;
      else if (inTable && first === null) inTable = false;
    }
    return out;
  }

  it('arrests by fiscal year from the Arrests tab equal the Summary tab and the README', async () => {
    const { header, counts, others } = await byFiscalYear('Arrests', 'Arrest Date');
    expect(header?.row).toBe(7); // six banner rows (one blank) above the header
    expect(cellsToStrings(header!.cells).filter((c) => c !== '')).toEqual([
      'Arrest Date',
      'Date of Birth',
      'Gender',
      'Country of Citizenship',
      'Event Number',
      'Apprehension Landmark',
      'Arrest Method',
      'Most Serious Conviction',
    ]);
    expect(others).toBe(0);
    const readme = { 2012: 6620, 2013: 7165, 2014: 4715, 2015: 2977, 2016: 2698, 2017: 3376, 2018: 3067, 2019: 1931 };
    expect(counts).toEqual(readme);
    expect(await summary(/ERO Administrative Arrests/, 1)).toEqual(readme);
  }, 60_000);

  it('initial book-ins by fiscal year equal the Summary tab', async () => {
    const { counts } = await byFiscalYear('Book Ins', 'Book In Date');
    const readme = { 2012: 7101, 2013: 7626, 2014: 5298, 2015: 3277, 2016: 3165, 2017: 3899, 2018: 3833, 2019: 2612 };
    expect(counts).toEqual(readme);
    expect(await summary(/Initial Book Ins/, 1)).toEqual(readme);
  }, 60_000);

  it("dates are read as dates: the first arrest is 2012-01-01, as in UWCHR's CSV conversion", async () => {
    for await (const r of readXlsxRows(xlsx, { sheet: 'Arrests' })) {
      if (r.row === 8) {
        expect(cellsToStrings(r.cells).slice(0, 7)).toEqual([
          '2012-01-01',
          '(b)(6),(b)(7)c)',
          'Male',
          'MEXICO',
          '(b)(7)e)',
          'SNOHOMISH COUNTY JAIL',
          'CAP Local Incarceration',
        ]);
        break;
      }
    }
  }, 60_000);
});
