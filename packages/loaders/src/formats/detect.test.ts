import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { IcestatError } from '@icestat/core';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, firstInvalidUtf8, unsupportedFormatError } from './detect';
import { describeRealdata, realdata } from './__fixtures__/realdata';

const bytes = (...xs: (number | string)[]): Uint8Array => new Uint8Array(xs.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

describe('detectFormat by magic number', { timeout: 60_000 }, () => {
  it.each([
    ['gzip', bytes(0x1f, 0x8b, 8, 0, 0, 0, 0, 0)],
    ['parquet', bytes('PAR1', 0x15, 0x04)],
    ['arrow', bytes('ARROW1', 0, 0)],
    ['feather-v1', bytes('FEA1', 0, 0)],
    ['stata', bytes('<stata_dta><header><release>118</release>')],
    ['stata', bytes(114, 2, 1, 0, 5, 0)], // Stata 10 .dta, little-endian
    ['spss', bytes('$FL2@(#) IBM SPSS STATISTICS')],
    ['spss', bytes('$FL3@(#) IBM SPSS STATISTICS (zsav)')],
    ['xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0)],
    ['bzip2', bytes('BZh91AY&SY')],
    ['xz', bytes(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 4)],
    ['zstd', bytes(0x28, 0xb5, 0x2f, 0xfd, 0x24, 0)],
  ] as const)('%s', (format, b) => {
    expect(detectFormat(b).format).toBe(format);
  });

  it('tells an xlsx from another zip by its xl/ parts', () => {
    const xlsx = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), '[Content_Types].xml': strToU8('<Types/>') });
    const zip = zipSync({ 'arrests.csv': strToU8('a,b\n1,2\n') });
    expect(detectFormat(xlsx).format).toBe('xlsx');
    expect(detectFormat(zip).format).toBe('zip');
  });
});

describe('detectFormat on text', { timeout: 60_000 }, () => {
  it('UTF-8 with and without BOM, UTF-16 by BOM and by NUL pattern', () => {
    expect(detectFormat(bytes(0xef, 0xbb, 0xbf, 'a,b\n'))).toMatchObject({ format: 'text', encoding: 'utf-8', bom: true });
    expect(detectFormat(new TextEncoder().encode('Área,Fecha\nMéxico,1\n'))).toMatchObject({ format: 'text', encoding: 'utf-8', bom: false });
    const le = new Uint8Array(Buffer.from('Area,Date\nSEA,2016\n', 'utf16le'));
    expect(detectFormat(new Uint8Array([0xff, 0xfe, ...le]))).toMatchObject({ encoding: 'utf-16le', bom: true });
    expect(detectFormat(le)).toMatchObject({ format: 'text', encoding: 'utf-16le', bom: false });
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    expect(detectFormat(be)).toMatchObject({ format: 'text', encoding: 'utf-16be', bom: false });
  });

  it('Latin-1 and windows-1252 (0x80–0x9F are printable only there)', () => {
    expect(detectFormat(new Uint8Array(Buffer.from('México,Bogotá\n', 'latin1')))).toMatchObject({ format: 'text', encoding: 'latin1' });
    expect(detectFormat(bytes('It', 0x92, 's a ', 0x93, 'quote', 0x94, '\n'))).toMatchObject({ format: 'text', encoding: 'windows-1252' });
  });

  it('a UTF-8 character cut by the end of the sample is still UTF-8', () => {
    const b = new TextEncoder().encode(`${'x'.repeat(8190)}€`);
    expect(b.length).toBe(8193);
    expect(detectFormat(b)).toMatchObject({ format: 'text', encoding: 'utf-8' });
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 200 })])('any UTF-8 string is valid UTF-8 (agrees with TextDecoder)', (s) => {
    expect(firstInvalidUtf8(new TextEncoder().encode(s))).toBe(-1);
  });

  test.prop([fc.uint8Array({ maxLength: 64 })])('firstInvalidUtf8 agrees with the fatal TextDecoder on any bytes', (b) => {
    let valid = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      valid = false;
    }
    expect(firstInvalidUtf8(b, false) === -1).toBe(valid);
  });
});

describe('unsupportedFormatError', { timeout: 60_000 }, () => {
  it('names the format and the way forward', () => {
    const e = unsupportedFormatError(detectFormat(bytes('$FL2@(#) SPSS')), 'arrests.sav', 'a CSV reader');
    expect(IcestatError.isInstance(e) && e.code).toBe('unsupported_encoding');
    expect(e.message).toMatchInlineSnapshot(
      `"arrests.sav: this is an SPSS .sav file, not text a CSV reader can read; icestat does not read SPSS files; the Deportation Data Project publishes the same tables as Parquet (read with readParquetRows from @icestat/loaders/parquet), or convert in R: haven::read_sav('file.sav') |> readr::write_csv('file.csv')"`,
    );
    expect(e.issues[0]).toMatchObject({ code: 'format_spss', file: 'arrests.sav' });
  });
});

describeRealdata('detectFormat on the real releases', () => {
  it.each([
    ['ice-lesa/EROArrests_FY2016.csv.gz', 'gzip'],
    ['ice-seattle/UW-v-DHS-ICE-Productions_LESA-STU_FINAL.xlsx', 'xlsx'],
    ['ddp/adp-by-agency-criminality.parquet', 'parquet'],
    ['ddp/joined_df_wa.csv', 'text'],
  ] as const)('%s is %s', (file, format) => {
    expect(detectFormat(readFileSync(realdata(file)).subarray(0, 8192)).format).toBe(format);
  });
});
