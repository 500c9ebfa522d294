import { arrestRecordSchema, type ArrestRecord } from '@icestat/core';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fixturePath, fixtureSources, fixtureText, trickleStream } from '../../__fixtures__/records/sources';
import { parseArrestRecords, readArrestRecords, type ArrestRecordReader, type RecordSource } from './read';
import type { ReadArrestRecordsOptions } from './options';
import type { LoadReport } from './report';
import { caught } from '../../__fixtures__/testing';

async function readAll(source: RecordSource, options?: ReadArrestRecordsOptions): Promise<{ records: ArrestRecord[]; report: LoadReport }> {
  const reader = readArrestRecords(source, options);
  const records: ArrestRecord[] = [];
  for await (const r of reader) records.push(r);
  return { records, report: reader.report };
}

const redacted = (marker: string) => ({ redacted: true as const, marker });

describe('readArrestRecords: release-style headers (BOM, CRLF, quoted commas and line breaks, doubled quotes, blank lines, redactions)', () => {
  const expected: ArrestRecord[] = [
    {
      apprehensionDate: '2017-09-25',
      apprehensionState: 'PA',
      apprehensionCounty: 'PHILADELPHIA',
      apprehensionAor: 'PHI',
      apprehensionMethod: 'Located',
      criminality: 'convicted',
      citizenshipCountry: 'MEXICO',
      gender: 'male',
      birthYear: 1985,
      caseStatus: 'ACTIVE',
      landmark: 'PHI STREET ARREST, NON-SPECIFIC',
      finalOrder: false,
      departedDate: null,
      uniqueIdentifier: 'a1',
    },
    {
      apprehensionDate: '2017-09-26',
      apprehensionState: 'PA',
      apprehensionCounty: redacted('(b)(6)(b)(7)(c)'),
      apprehensionAor: 'PHI',
      apprehensionMethod: 'CAP Local Incarceration',
      criminality: 'pending-charges',
      citizenshipCountry: 'GUATEMALA',
      gender: 'female',
      birthYear: 1990,
      caseStatus: 'ACTIVE',
      landmark: 'CAP - "BUCKS" COUNTY JAIL',
      finalOrder: false,
      departedDate: null,
      uniqueIdentifier: 'a2',
    },
    {
      apprehensionDate: '2017-09-30',
      apprehensionState: 'IL',
      apprehensionCounty: 'COOK',
      apprehensionAor: 'CHI',
      apprehensionMethod: 'Located',
      criminality: 'other-immigration-violator',
      citizenshipCountry: 'HONDURAS',
      gender: 'male',
      birthYear: 2001,
      caseStatus: '6-Deported/Removed - Deportability',
      landmark: 'MULTI-LINE\r\nLANDMARK',
      finalOrder: true,
      departedDate: '2017-11-02',
      uniqueIdentifier: 'a3',
    },
    {
      apprehensionDate: '2017-10-01',
      apprehensionState: 'IL',
      apprehensionCounty: redacted('(b)(6), (b)(7)(c)'),
      apprehensionAor: 'CHI',
      apprehensionMethod: 'Non-Custodial Arrest',
      criminality: 'convicted',
      citizenshipCountry: redacted('(b)(6), (b)(7)(c)'),
      gender: 'unknown',
      birthYear: 1975,
      caseStatus: 'ACTIVE',
      landmark: null,
      finalOrder: false,
      departedDate: null,
      uniqueIdentifier: 'a4',
    },
    {
      apprehensionDate: '2023-05-11',
      apprehensionTime: '09:49:00',
      apprehensionState: 'TX',
      apprehensionCounty: 'HARRIS',
      apprehensionAor: 'HOU',
      apprehensionMethod: 'Custodial Arrest',
      criminality: 'other-immigration-violator',
      citizenshipCountry: 'EL SALVADOR',
      gender: 'female',
      birthYear: 1999,
      caseStatus: 'ACTIVE',
      landmark: 'MTG GENERAL AREA, NON-SPECIFIC',
      finalOrder: false,
      departedDate: null,
      uniqueIdentifier: 'a5',
    },
    {
      apprehensionDate: '2023-05-12',
      apprehensionState: 'TX',
      apprehensionCounty: null,
      apprehensionAor: redacted('b(6), b(7)(c)'),
      apprehensionMethod: 'Custodial Arrest',
      criminality: 'pending-charges',
      citizenshipCountry: 'MEXICO',
      gender: 'male',
      birthYear: 1980,
      caseStatus: 'ACTIVE',
      landmark: redacted('(b)(7)(E)'),
      finalOrder: false,
      departedDate: null,
      uniqueIdentifier: 'a6',
    },
    {
      apprehensionDate: '2023-05-13',
      apprehensionState: 'NM',
      apprehensionCounty: 'DOÑA ANA',
      apprehensionAor: 'ELP',
      apprehensionMethod: 'Located',
      criminality: 'convicted',
      citizenshipCountry: 'MEXICO',
      gender: 'male',
      birthYear: 1992,
      caseStatus: 'ACTIVE',
      landmark: 'CAFÉ “EL SOL”, LAS CRUCES',
      finalOrder: false,
      departedDate: null,
      uniqueIdentifier: 'a7',
    },
  ];

  const expectedReport: LoadReport = {
    file: 'release-style.csv',
    rowsRead: 7,
    accepted: 7,
    rejected: 0,
    rejections: [],
    rejectionsDropped: 0,
    blankLines: 2,
    delimiter: ',',
    preset: 'ddp-2025/arrests',
    columns: {
      mapped: [
        { header: 'Apprehension Date', field: 'apprehensionDate' },
        { header: 'Apprehension State', field: 'apprehensionState' },
        { header: 'Apprehension County', field: 'apprehensionCounty' },
        { header: 'Apprehension AOR', field: 'apprehensionAor' },
        { header: 'Apprehension Method', field: 'apprehensionMethod' },
        { header: 'Apprehension Criminality', field: 'criminality' },
        { header: 'Citizenship Country', field: 'citizenshipCountry' },
        { header: 'Gender', field: 'gender' },
        { header: 'Birth Year', field: 'birthYear' },
        { header: 'Case Status', field: 'caseStatus' },
        { header: 'Apprehension Site Landmark', field: 'landmark' },
        { header: 'Final Order Yes No', field: 'finalOrder' },
        { header: 'Departed Date', field: 'departedDate' },
        { header: 'Unique Identifier', field: 'uniqueIdentifier' },
      ],
      extra: [],
      notFound: [],
    },
    redacted: {
      apprehensionDate: 0,
      apprehensionState: 0,
      apprehensionCounty: 2,
      apprehensionAor: 1,
      apprehensionMethod: 0,
      criminality: 0,
      citizenshipCountry: 1,
      gender: 0,
      birthYear: 0,
      caseStatus: 0,
      landmark: 1,
      finalOrder: 0,
      departedDate: 0,
      uniqueIdentifier: 0,
    },
    table: 'arrests',
    header: { line: 1, bannerLines: 0, banner: [], title: undefined },
    unknownValues: {},
  };

  it('reads every record, normalised, with extras and redactions, from a path', async () => {
    const { records, report } = await readAll(fixturePath('release-style.csv'), { name: 'release-style.csv' });
    expect(records).toStrictEqual(expected);
    expect(report).toStrictEqual(expectedReport);
  });

  it.each(fixtureSources('release-style.csv'))('gives the same records and report from %s', async (_, source) => {
    const { records, report } = await readAll(source() as RecordSource, { name: 'release-style.csv' });
    expect(records).toStrictEqual(expected);
    expect(report).toStrictEqual(expectedReport);
  });

  it('gives the same records and report from parseArrestRecords, in memory', () => {
    const { records, report } = parseArrestRecords(fixtureText('release-style.csv'), { name: 'release-style.csv' });
    expect(records).toStrictEqual(expected);
    expect(report).toStrictEqual(expectedReport);
  });

  it('gives records that pass core’s schema', () => {
    for (const r of expected) expect(arrestRecordSchema.parse(r)).toEqual(r);
  });

  it('hands out the same records in batches', async () => {
    const batches: ArrestRecord[] = [];
    for await (const b of readArrestRecords(fixturePath('release-style.csv')).batches()) batches.push(...b);
    expect(batches).toStrictEqual(expected);
  });
});

describe('readArrestRecords: snake_case headers', () => {
  it('reads 1999.0 birth years, full-name states, AOR codes and names, datetimes and duplicate flags', async () => {
    const { records, report } = await readAll(fixturePath('snake-case.csv'));
    expect(report).toMatchObject({ preset: 'snake-case/arrests', rowsRead: 7, accepted: 7, rejected: 0, blankLines: 0 });
    expect(records.map((r) => [r.apprehensionDate, r.apprehensionTime, r.apprehensionState, r.apprehensionAor, r.birthYear, r.duplicateLikely])).toEqual([
      ['2025-01-26', '06:15:00', 'CO', 'DEN', 1999, false],
      ['2025-01-26', undefined, 'NY', 'NYC', 2001, false],
      ['2025-01-26', '06:15:00', 'CO', 'DEN', 1999, true],
      ['2025-01-27', '14:30:00', 'LA', 'NOL', 1988, false],
      ['2024-09-30', '23:59:00', 'UT', 'SLC', 1979, false],
      ['2024-10-01', undefined, 'NV', 'SLC', null, false],
      ['2024-10-01', '08:00:00', 'NV', 'SLC', 1990, false],
    ]);
    expect(records[1]).toStrictEqual({
      apprehensionDate: '2025-01-26',
      apprehensionState: 'NY',
      apprehensionAor: 'NYC',
      criminality: 'pending-charges',
      apprehensionMethod: 'Non-Custodial Arrest',
      apprehensionType: 'collateral',
      arrestingAgency: 'ERO',
      operation: 'Operation Safe City',
      citizenshipCountry: 'VENEZUELA',
      gender: 'female',
      birthYear: 2001,
      caseStatus: 'ACTIVE',
      caseCategory: null,
      finalOrder: false,
      departedDate: null,
      landmark: null,
      duplicateLikely: false,
      uniqueIdentifier: 'u2',
    });
    expect(records[3]!.departedDate).toBe('2025-03-01');
  });
});

describe('readArrestRecords: delimiters and line ends', () => {
  it('detects a semicolon delimiter from the header, and reads US M/D/YYYY dates', async () => {
    const { records, report } = await readAll(fixturePath('semicolon.csv'));
    expect(report).toMatchObject({ delimiter: ';', rowsRead: 3, accepted: 3 });
    expect(records).toStrictEqual([
      {
        apprehensionDate: '2015-10-26',
        apprehensionState: 'CO',
        apprehensionAor: 'DEN',
        criminality: 'convicted',
        gender: 'male',
        landmark: 'DENVER, CO JAIL',
      },
      {
        apprehensionDate: '2016-09-30',
        apprehensionTime: '14:05',
        apprehensionState: 'WY',
        apprehensionAor: 'DEN',
        criminality: 'pending-charges',
        gender: 'female',
        landmark: 'CHEYENNE; WY',
      },
      {
        apprehensionDate: '2016-10-01',
        apprehensionState: 'CO',
        apprehensionAor: 'DEN',
        criminality: 'other-immigration-violator',
        gender: 'unknown',
        landmark: null,
      },
    ]);
  });

  it('takes a delimiter given as an option', () => {
    const detected = parseArrestRecords(fixtureText('semicolon.csv'));
    const given = parseArrestRecords(fixtureText('semicolon.csv'), { delimiter: ';' });
    expect(given).toStrictEqual(detected);
  });

  it.each([
    ['tab', '\t'],
    ['pipe', '|'],
  ])('detects a %s delimiter', (_, d) => {
    const { records, report } = parseArrestRecords(`apprehension_date${d}apprehension_aor${d}landmark (a, b)\n2017-09-25${d}PHI${d}x, y\n`);
    expect(report.delimiter).toBe(d);
    expect(records).toStrictEqual([{ apprehensionDate: '2017-09-25', apprehensionAor: 'PHI', extra: { 'landmark (a, b)': 'x, y' } }]);
  });

  it('reads files whose lines end with a lone CR', () => {
    const { records, report } = parseArrestRecords(
      'apprehension_date,apprehension_aor\r2017-09-25,PHI\r\r2017-09-26,"Chicago\rArea of Responsibility"\r2017-09-27,XXX\r',
      { strictAors: true },
    );
    expect(records.map((r) => r.apprehensionAor)).toEqual(['PHI', 'CHI']);
    expect(report).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1, blankLines: 1 });
    expect(report.rejections.map((r) => [r.line, r.code])).toEqual([[6, 'bad_aor']]);
  });

  it('counts lines of only spaces or only delimiters as blank, not as rows', () => {
    const { report } = parseArrestRecords('apprehension_date,apprehension_aor\n   \n,\n , \n"",""\n2017-09-25,PHI\n');
    expect(report).toMatchObject({ rowsRead: 1, accepted: 1, blankLines: 4 });
  });
});

describe('readArrestRecords: rejections', () => {
  it('rejects each kind of bad row with its line, column and reason', async () => {
    const { records, report } = await readAll(fixturePath('bad-rows.csv'), { strictAors: true });
    expect(records.map((r) => r.apprehensionDate)).toEqual(['2017-09-25', '2017-09-26', '2017-09-27']);
    expect(report).toMatchObject({ rowsRead: 16, accepted: 3, rejected: 13, rejectionsDropped: 0, blankLines: 1 });
    const date = 'expected a date that exists, in the years 1000 to 2999, written YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or M/D/YYYY; received';
    expect(report.rejections.map(({ raw: _raw, ...r }) => r)).toStrictEqual([
      { line: 3, code: 'column_count', reason: 'expected 10 cells, as in the header; received 9' },
      { line: 4, code: 'column_count', reason: 'expected 10 cells, as in the header; received 11 (quote a cell that holds the delimiter)' },
      { line: 5, column: 'apprehension_date', code: 'bad_date', reason: `${date} "2017-02-30"` },
      {
        line: 6,
        column: 'apprehension_criminality',
        code: 'bad_criminality',
        reason: 'expected a criminality class (1 Convicted Criminal, 2 Pending Criminal Charges or 3 Other Immigration Violator); received "4 Unknown"',
      },
      {
        line: 7,
        column: 'apprehension_aor',
        code: 'bad_aor',
        reason:
          'expected an ICE Area of Responsibility (a code such as NOL, HQ for headquarters, or a name such as "Chicago Area of Responsibility"); strictAors is on; received "Springfield AOR"',
      },
      {
        line: 8,
        column: 'apprehension_state',
        code: 'bad_state',
        reason: 'expected a US state, DC or territory (postal code such as CO, or name such as COLORADO); received "Atlantis"',
      },
      { line: 9, column: 'birth_year', code: 'bad_birth_year', reason: 'expected a birth year from 1900 to 2100 (e.g. 1999 or 1999.0); received "19x9"' },
      { line: 10, column: 'gender', code: 'bad_gender', reason: 'expected Male, Female, M, F or Unknown; received "X"' },
      { line: 11, column: 'apprehension_type', code: 'bad_apprehension_type', reason: 'expected Targeted or Collateral; received "Random"' },
      { line: 12, column: 'final_order_yes_no', code: 'bad_boolean', reason: 'expected Yes, No, Y, N, true, false, 1 or 0; received "maybe"' },
      {
        line: 13,
        column: 'apprehension_aor',
        code: 'text_after_quote',
        reason: 'expected a delimiter or line end after a closing quote; received more text (write "" for a quote inside a quoted cell)',
      },
      { line: 14, column: 'departed_date', code: 'bad_date', reason: `${date} "2017-13-01"` },
      { line: 17, column: 'apprehension_date', code: 'bad_date', reason: `${date} "10/32/2017"` },
    ]);
    expect(report.rejections[2]!.raw).toBe('2017-02-30,PA,PHI,1 Convicted Criminal,Targeted,Male,1985,NO,,PHI STREET');
  });

  it('rejects a quote left open at the end of the file as one row, and reads what came before', async () => {
    const { records, report } = await readAll(fixturePath('unclosed-quote.csv'));
    expect(records).toStrictEqual([
      { apprehensionDate: '2017-09-25', apprehensionAor: 'PHI', criminality: 'convicted', landmark: 'PHI STREET' },
      { apprehensionDate: '2017-09-26', apprehensionAor: 'PHI', criminality: 'pending-charges', landmark: 'PHI "JAIL"' },
    ]);
    expect(report).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1 });
    expect(report.rejections).toStrictEqual([
      {
        line: 4,
        column: 'apprehension_site_landmark',
        code: 'unclosed_quote',
        reason: 'expected a closing quote; received none: 1 rejection covering lines 4–6 (to the end of the file); likely a stray quote at line 4, column 37',
        endLine: 6,
        quote: { line: 4, column: 37 },
        raw: '2017-09-27,PHI,1 Convicted Criminal,"UNCLOSED LANDMARK\n2017-09-28,PHI,1 Convicted Criminal,PHI STREET\n2017-09-29,PHI,3 Other Immigration Violator,PHI STREET\n',
      },
    ]);
  });

  it('keeps at most maxRejections rejections but counts them all', async () => {
    const { report } = await readAll(fixturePath('bad-rows.csv'), { maxRejections: 2, strictAors: true });
    expect(report).toMatchObject({ rowsRead: 16, accepted: 3, rejected: 13, rejectionsDropped: 11 });
    expect(report.rejections.map((r) => r.line)).toEqual([3, 4]);
  });

  it('with onRejection: throw, stops at the first bad row with its file, line and column', async () => {
    const text = 'apprehension_date,apprehension_aor\n2017-09-25,PHI\n2017-02-30,PHI\n';
    const error = await caught(readAll({ text }, { onRejection: 'throw', name: 'arrests.csv' }));
    expect(error.code).toBe('parse_error');
    expect(error.message).toMatchInlineSnapshot(
      `"arrests.csv:3 (column "apprehension_date"): expected a date that exists, in the years 1000 to 2999, written YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or M/D/YYYY; received "2017-02-30""`,
    );
    expect(error.issues).toStrictEqual([
      { code: 'bad_date', message: expect.stringContaining('"2017-02-30"'), file: 'arrests.csv', line: 3, column: 'apprehension_date' },
    ]);
    const sync = await caught(() => parseArrestRecords('apprehension_date,apprehension_aor\n1\n', { onRejection: 'throw' }));
    expect(sync.issues[0]).toStrictEqual({ code: 'column_count', message: 'expected 2 cells, as in the header; received 1', file: '(text)', line: 2 });
  });

  it('rejects a row longer than maxRowLength without holding it, and reads on', () => {
    const text = `apprehension_date,landmark\n2017-09-25,"${'x'.repeat(5000)}\n2017-09-26,ok\n`;
    const { records, report } = parseArrestRecords(text, { maxRowLength: 1000 });
    expect(records).toStrictEqual([]);
    expect(report.rejections.map((r) => [r.line, r.code, r.column, r.raw?.length])).toEqual([[2, 'unclosed_quote', 'landmark', 501]]);
    const closed = parseArrestRecords(`apprehension_date,landmark\n2017-09-25,"${'x'.repeat(5000)}"\n2017-09-26,ok\n`, { maxRowLength: 1000 });
    expect(closed.records).toStrictEqual([{ apprehensionDate: '2017-09-26', landmark: 'ok' }]);
    expect(closed.report.rejections.map((r) => [r.line, r.code, r.column])).toEqual([[2, 'row_too_long', undefined]]);
  });
});

describe('readArrestRecords: columns', () => {
  it('maps custom columns over the preset and reports what it mapped', () => {
    const text = 'Fecha,Apprehension AOR,Notas\n26/10/2015,DEN,x\n10/26/2015,DEN,y\n';
    const { records, report } = parseArrestRecords(text, { columns: { Fecha: 'apprehensionDate', Gone: 'gender' } });
    expect(records).toStrictEqual([{ apprehensionDate: '2015-10-26', apprehensionAor: 'DEN', extra: { Notas: 'y' } }]);
    expect(report.columns).toStrictEqual({
      mapped: [
        { header: 'Fecha', field: 'apprehensionDate' },
        { header: 'Apprehension AOR', field: 'apprehensionAor' },
      ],
      extra: ['Notas'],
      notFound: ['Gone'],
    });
    expect(report.rejections[0]).toMatchObject({ line: 2, column: 'Fecha', code: 'bad_date' });
  });

  it('takes the time from a time column over the one in the date', () => {
    const { records } = parseArrestRecords('apprehension_date,apprehension_time\n2023-05-11 09:49:00,10:15\n2023-05-12 09:49:00,\n');
    expect(records).toStrictEqual([
      { apprehensionDate: '2023-05-11', apprehensionTime: '10:15' },
      { apprehensionDate: '2023-05-12', apprehensionTime: null },
    ]);
  });

  it('keeps extra values exactly as written', () => {
    const { records } = parseArrestRecords('apprehension_date,apprehension_aor,Note\n2017-09-25,PHI,"  spaced, ""quoted""  "\n');
    expect(records[0]!.extra).toStrictEqual({ Note: '  spaced, "quoted"  ' });
  });
});

describe('readArrestRecords: the reader', () => {
  it('reads nothing until iterated, and can be iterated once', async () => {
    const reader = readArrestRecords(fixturePath('snake-case.csv'), { name: 'snake' });
    expect(reader.report).toMatchObject({ file: 'snake', rowsRead: 0 });
    for await (const _ of reader) void _;
    expect(reader.report.accepted).toBe(7);
    const again = await caught(async () => {
      for await (const _ of reader) void _;
    });
    expect(again.code).toBe('invalid_input');
  });

  it('reports the rows read so far after a break', async () => {
    const reader = readArrestRecords(trickleStream(new TextEncoder().encode(fixtureText('snake-case.csv')), 64));
    let n = 0;
    for await (const _ of reader) if (++n === 2) break;
    expect(reader.report.accepted).toBeGreaterThanOrEqual(2);
    expect(reader.report.accepted + reader.report.rejected).toBe(reader.report.rowsRead);
  });

  it('refuses bad options before reading anything', () => {
    for (const options of [
      { delimiter: ';;' },
      { delimiter: '"' },
      { maxRejections: -1 },
      { maxRowLength: 0 },
      { onRejection: 'ignore' },
      { preset: 'excel' },
    ] as const) {
      expect(() => readArrestRecords('never-read.csv', options as ReadArrestRecordsOptions)).toThrowError(/expected/);
    }
  });

  it('hands out records that do not keep their chunks alive', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const row = '2017-09-25 10:00:00,Philadelphia Area of Responsibility,PHI STREET ARREST NON-SPECIFIC,0123456789abcdef0123456789abcdef';
    const chunk = `${Array.from({ length: 8000 }, () => row).join('\n')}\n`; // about 1 MB
    const chunks = 24;
    async function* source() {
      yield 'apprehension_date,apprehension_aor,apprehension_site_landmark,unique_identifier\n';
      for (let i = 0; i < chunks; i++) yield new TextEncoder().encode(chunk); // fresh text per chunk, as from a file
    }
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept: ArrestRecord[] = [];
    let n = 0;
    const reader = readArrestRecords(Readable.from(source()));
    for await (const r of reader) if (n++ % 8000 === 0) kept.push(r); // one record from each chunk
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(kept).toHaveLength(chunks);
    expect(kept[chunks - 1]).toStrictEqual({
      apprehensionDate: '2017-09-25',
      apprehensionTime: '10:00:00',
      apprehensionAor: 'PHI',
      landmark: 'PHI STREET ARREST NON-SPECIFIC',
      uniqueIdentifier: '0123456789abcdef0123456789abcdef',
    });
    expect(grown).toBeLessThan(chunk.length * 4); // holding the chunks would be 24 MB and more
  });

  it('refuses CSV text passed as a string, which would be taken for a path', async () => {
    expect(() => readArrestRecords('apprehension_date\n2017-09-25\n')).toThrowError(/pass CSV text as \{ text \}/);
    const { tallyArrestRecords } = await import('./tally');
    await expect(tallyArrestRecords('apprehension_date\n2017-09-25\n', { by: [] })).rejects.toThrowError(/pass CSV text as \{ text \}/);
  });

  it('keeps every rejection with maxRejections: Infinity', async () => {
    const { report } = await readAll(fixturePath('bad-rows.csv'), { maxRejections: Infinity, strictAors: true });
    expect(report.rejections).toHaveLength(13);
  });

  it('reads an empty file, a header alone, and blank lines alone as no rows', () => {
    expect(parseArrestRecords('').report).toMatchObject({ rowsRead: 0, blankLines: 0 });
    expect(parseArrestRecords('apprehension_date,apprehension_aor').report).toMatchObject({ rowsRead: 0, preset: 'snake-case/arrests' });
    expect(parseArrestRecords('\n\n').report).toMatchObject({ rowsRead: 0, blankLines: 2 });
  });

  it('fails with parse_error when the header row is malformed', async () => {
    const error = await caught(() => parseArrestRecords('apprehension_date,"landmark\n2017-09-25,x\n'));
    expect(error.code).toBe('parse_error');
    expect(error.message).toMatchInlineSnapshot(`"(text):1: the header row has a quote that never closes; expected a header of column names"`);
  });

  it('fails with unsupported_encoding on bytes that are not UTF-8', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('apprehension_date,landmark\n2017-09-25,'), 0xff, 0xfe, 10]);
    const error = await caught(readAll(trickleStream(bytes)));
    expect(error.code).toBe('unsupported_encoding');
  });

  it('types the reader as an async iterable of records', () => {
    const reader: AsyncIterable<ArrestRecord> & Pick<ArrestRecordReader, 'report'> = readArrestRecords({ text: '' });
    expect(reader.report.rowsRead).toBe(0);
  });
});
