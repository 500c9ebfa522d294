// Regression tests for the hostile and careless inputs of issue #10, each built from its
// reproducer: every path that reads a record file (text, path, stream, one thread, workers)
// must read it the same, and nothing may be lost without a trace.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IcestatError, type TallyDimension } from '@icestat/core';
import { afterAll, describe, expect, it } from 'vitest';
import { lineColumn } from '../../json/syntax';
import { trickleStream } from '../../__fixtures__/records/sources';
import { parseArrestRecords, readArrestRecords, type RecordSource } from './read';
import type { ReadArrestRecordsOptions } from './options';
import { tallyArrestRecords } from './tally';

const dir = mkdtempSync(join(tmpdir(), 'icestat-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(text: string): string {
  const path = join(dir, `h${n++}.csv`);
  writeFileSync(path, text);
  return path;
}

async function tally(source: RecordSource, by: TallyDimension[], workers: number, extra: ReadArrestRecordsOptions = {}) {
  try {
    return await tallyArrestRecords(source, { by, workers, minBytesPerWorker: 1, maxRejections: 100, ...extra });
  } catch (e) {
    if (!IcestatError.isInstance(e)) throw e;
    return { error: e.code, message: e.message };
  }
}

async function readAll(source: RecordSource, options: ReadArrestRecordsOptions = {}) {
  const reader = readArrestRecords(source, options);
  const records = [];
  for await (const r of reader) records.push(r);
  return { records, report: reader.report };
}

const header = 'Apprehension Date,Apprehension AOR,Apprehension Criminality\n';
/** `count` valid rows, FY2017, spread over three AORs. */
function rows(count: number, delimiter = ','): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(['2017-01-15', ['CHI', 'NYC', 'PHI'][i % 3], '1 Convicted Criminal'].join(delimiter));
  return `${out.join('\n')}\n`;
}

describe('issue #10: the header row, blank rows and the delimiter', { timeout: 120_000 }, () => {
  it.each([
    ['a row of delimiters', ',,,,\n'],
    ['a row of empty quoted cells', '"",""\n'],
    ['a line of spaces and no-break spaces', ' \u00a0 \n'],
    ['several of them, with CRLF', ',,\r\n""\r\n\t\r\n'],
    ["a row of another delimiter than the header's", ';;;|\t\n'],
  ])('item 1: %s above the header is blank on one thread and on workers alike', async (_, above) => {
    const path = file(above + header + rows(3000));
    const one = await tally(path, ['aor'], 1);
    const many = await tally(path, ['aor'], 4);
    expect(many).toStrictEqual(one);
    expect('tally' in one && one.tally.rows).toStrictEqual([
      { aor: 'CHI', count: 1000 },
      { aor: 'NYC', count: 1000 },
      { aor: 'PHI', count: 1000 },
    ]);
    expect('report' in one && one.report).toMatchObject({ rowsRead: 3000, accepted: 3000, rejected: 0, blankLines: above.split('\n').length - 1 });
  });

  it('a megabyte of spaces above the header, trickled in: one blank row, then the header', async () => {
    const text = `${' '.repeat(1 << 20)}\n${header}${rows(30)}`;
    const result = await readAll(trickleStream(new TextEncoder().encode(text), 512));
    expect(result.report).toMatchObject({ blankLines: 1, rowsRead: 30, accepted: 30 });
    expect(result.report).toStrictEqual({ ...parseArrestRecords(text).report, file: '(stream)' });
  });

  it('item 8: a row of NULs above the header is not blank: a title row above it, reported, on both paths alike', async () => {
    const path = file(`\0\0\0\n${header}${rows(3000)}`);
    const one = await tally(path, ['aor'], 1);
    expect('report' in one && one.report).toMatchObject({ rowsRead: 3000, blankLines: 0, header: { line: 2, bannerLines: 1, banner: ['\0\0\0'] } });
    expect(await tally(path, ['aor'], 4)).toStrictEqual(one);
  });

  it('item 8: rows of NULs, or NULs and delimiters, after the header are rejected, not blank', () => {
    const { report } = parseArrestRecords(`${header}2017-01-15,CHI,1\n\0\0\0\n\0,\0,\0\n,,\n`);
    expect(report).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2, blankLines: 1 });
    expect(report.rejections.map((r) => [r.line, r.code])).toEqual([
      [3, 'column_count'],
      [4, 'bad_date'],
    ]);
  });

  it('item 3: a no-break-space line above a ; header: the delimiter comes from the header row, on every path', async () => {
    const text = `\u00a0\n${header.replaceAll(',', ';')}${rows(3000, ';')}`;
    const path = file(text);
    const one = await tally(path, ['aor'], 1);
    expect('report' in one && one.report).toMatchObject({ delimiter: ';', accepted: 3000, blankLines: 1 });
    expect(await tally(path, ['aor'], 4)).toStrictEqual(one);
    expect(await tally({ text }, ['aor'], 1)).toStrictEqual({ ...one, report: { ...(one as { report: object }).report, file: '(text)' } });
  });
});

describe('issue #10 item 4: U+FEFF inside the file is text, wherever the chunks or ranges are cut', { timeout: 120_000 }, () => {
  it('keeps a U+FEFF that starts a row at a 64 KiB read boundary, as reading the text does', async () => {
    const head = 'Notes,Apprehension Date,Apprehension AOR\n';
    const filler = `${'x'.repeat(20)},2017-01-15,CHI\n`;
    let body = '';
    while (65536 - head.length - body.length >= 64) body += filler;
    body += `${'y'.repeat(65536 - head.length - body.length - ',2017-01-15,CHI\n'.length)},2017-01-15,CHI\n`;
    const text = `${head + body}\uFEFFz,2017-01-16,CHI\n`;
    expect((head + body).length).toBe(65536); // ASCII: the U+FEFF starts the second 64 KiB read
    const fromText = parseArrestRecords(text);
    const fromPath = await readAll(file(text));
    expect(fromPath.records).toStrictEqual(fromText.records);
    expect(fromText.records.at(-1)).toStrictEqual({ apprehensionDate: '2017-01-16', apprehensionAor: 'CHI', extra: { Notes: '\uFEFFz' } });
  });

  it('reads rows that start with U+FEFF the same on one thread and on workers (a range may start at one)', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `\uFEFF"2017-01-${String((i % 28) + 1).padStart(2, '0')}",CHI,1`);
    const path = file(`\uFEFF${header}${lines.join('\n')}\n`);
    const one = await tally(path, ['aor'], 1);
    expect(await tally(path, ['aor'], 4)).toStrictEqual(one);
    // The U+FEFF before the quote makes the date cell unquoted text, which is no date: every row says so.
    expect('report' in one && one.report).toMatchObject({ rowsRead: 3000, rejected: 3000 });
    expect('report' in one && one.report.rejections[0]).toMatchObject({ line: 2, code: 'bad_date' });
  });
});

describe('issue #10 item 5: dates', { timeout: 120_000 }, () => {
  it('rejects a date with a three-digit year where it is, reads 01/01/0001 as missing, and tallies on', async () => {
    const text = `${header}10/26/2015,CHI,1\n10/26/0215,CHI,1\n01/01/0001,NYC,1\n9999-12-31,NYC,1\n0000-01-01,NYC,1\n`;
    for (const by of [['fiscalYear'], ['day']] as TallyDimension[][]) {
      const result = await tally({ text }, by, 1);
      if (!('tally' in result)) throw new Error(result.message);
      expect(result.report).toMatchObject({ rowsRead: 5, accepted: 2, rejected: 3 });
      expect(result.report.rejections.map((r) => [r.line, r.code, r.column])).toEqual([
        [3, 'bad_date', 'Apprehension Date'],
        [5, 'bad_date', 'Apprehension Date'],
        [6, 'bad_date', 'Apprehension Date'],
      ]);
      expect(result.tally.rows.map((r) => r[by[0]!])).toEqual(by[0] === 'day' ? ['(missing)', '2015-10-26'] : ['(missing)', 'FY2016']);
    }
  });
});

describe('issue #10 item 9: extra values are never lost', () => {
  it('keeps a __proto__ column as a value of its own (and pollutes nothing)', () => {
    const { records } = parseArrestRecords('Apprehension Date,Apprehension AOR,__proto__,constructor\n2017-01-15,CHI,{"polluted":true},x\n');
    const extra = records[0]!.extra!;
    expect(Object.keys(extra)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(extra, '__proto__')?.value).toBe('{"polluted":true}');
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives colliding repeated headers keys of their own', () => {
    const { records, report } = parseArrestRecords('Apprehension Date,Foo (column 4),Foo,Foo,,column 6,Apprehension AOR\n2017-01-15,a,b,c,d,e,CHI\n');
    expect(records[0]!.extra).toStrictEqual({ 'Foo (column 4)': 'a', Foo: 'b', 'Foo (column 4, 2)': 'c', 'column 5': 'd', 'column 6': 'e' });
    expect(report.columns.extra).toHaveLength(5);
  });
});

describe('issue #10 item 11: one line-numbering rule for every reader', () => {
  it('counts a lone CR inside an LF file as a line break, as the JSON and figures readers do', async () => {
    const text = `Apprehension Date,Apprehension AOR\n2017-01-15,CHI\r(note)\n2017-02-30,CHI\n`;
    const { report } = parseArrestRecords(text, { strictAors: true });
    expect(report.rejections.map((r) => [r.line, r.code])).toEqual([
      [2, 'bad_aor'],
      [4, 'bad_date'],
    ]);
    expect(lineColumn(text, text.indexOf('2017-02-30')).line).toBe(4);
    expect((await readAll(trickleStream(new TextEncoder().encode(text), 3), { strictAors: true })).report).toStrictEqual({ ...report, file: '(stream)' });
  });
});

describe('issue #10: a stray quote swallowing the rest of the file says so', { timeout: 120_000 }, () => {
  it('reports 1 rejection covering lines 2–200,001 and the quote at line 2, column 12, on every path', async () => {
    const body = `2017-01-15,"CHI,1\n${'2017-01-15,CHI,1\n'.repeat(199_999)}`;
    const text = header + body;
    const path = file(text);
    const expected = {
      line: 2,
      code: 'unclosed_quote',
      column: 'Apprehension AOR',
      endLine: 200_001,
      quote: { line: 2, column: 12 },
      reason:
        'expected a closing quote; received none: 1 rejection covering lines 2–200,001 (to the end of the file); likely a stray quote at line 2, column 12',
    };
    for (const report of [parseArrestRecords(text).report, (await readAll(path)).report]) {
      expect(report).toMatchObject({ rowsRead: 1, rejected: 1 });
      expect(report.rejections[0]).toMatchObject(expected);
    }
    const one = await tally(path, ['aor'], 1);
    expect('report' in one && one.report.rejections[0]).toMatchObject(expected);
    expect(await tally(path, ['aor'], 4)).toStrictEqual(one);
  });

  it('says where a row too long to hold is, in lines, on every path', async () => {
    const text = `${header}2017-01-15,CHI,1\n2017-01-15,"CHI\n${'x'.repeat(300)}\n",1\n2017-01-16,NYC,1\n`;
    const expected = { line: 3, endLine: 5, code: 'row_too_long', quote: { line: 3, column: 12 } };
    expect(parseArrestRecords(text, { maxRowLength: 100 }).report.rejections).toMatchObject([expected]);
    expect((await readAll(trickleStream(new TextEncoder().encode(text), 5), { maxRowLength: 100 })).report.rejections).toMatchObject([expected]);
  });
});
