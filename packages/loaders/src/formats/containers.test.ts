import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fc, test } from '@fast-check/vitest';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readArrestRecords, stringifyFiguresCsv, loadFiguresCsv, tallyArrestRecords } from '../csv/index';
import { loadDataset, safeLoadDataset } from '../json/index';
import { byteChunks, readText } from '../shared/input';
import { describeRealdata, realdata } from './__fixtures__/realdata';
import { caught } from '../__fixtures__/testing';

const dir = mkdtempSync(join(tmpdir(), 'icestat-formats-'));
function file(name: string, data: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}
const csv = 'Area of Responsibility,Apprehension Date\nSeattle Area of Responsibility,10/1/2015\n';

describe('gzip, read transparently', { timeout: 60_000 }, () => {
  it('from a path, a Node stream, a Web stream and a file URL', async () => {
    const p = file('a.csv.gz', gzipSync(csv));
    expect(await readText(p)).toBe(csv);
    expect(await readText(new URL(`file://${p}`))).toBe(csv);
    expect(await readText(createReadStream(p, { highWaterMark: 7 }))).toBe(csv);
    expect(await readText(Readable.toWeb(createReadStream(p)) as ReadableStream<Uint8Array>)).toBe(csv);
  });

  it('several members in a row (cat a.gz b.gz) read whole', async () => {
    const p = file('two.csv.gz', Buffer.concat([gzipSync('a,b\n'), gzipSync('1,2\n')]));
    expect(await readText(p)).toBe('a,b\n1,2\n');
  });

  it('{ decompress: false } gives the bytes as stored', async () => {
    const gz = gzipSync(csv);
    let n = 0;
    for await (const c of byteChunks(file('raw.csv.gz', gz), { decompress: false })) n += c.length;
    expect(n).toBe(gz.length);
  });

  it('a truncated gzip is a located error, not silent loss', async () => {
    const big = gzipSync('x,y\n'.repeat(50_000));
    const p = file('cut.csv.gz', big.subarray(0, Math.floor(big.length / 2)));
    const e = await caught(readText(p));
    expect(e.code).toBe('parse_error');
    expect(e.message).toMatch(/cut\.csv\.gz: the gzip data ends early, after \d+ compressed bytes \(\d+ bytes inflated\): the file is truncated/);
  });

  it('a gzip bomb stops at the ratio limit', async () => {
    const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024)); // 80 MiB of zeros in ~80 KB
    const e = await caught(readText(file('bomb.gz', bomb)));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/a ratio above 1000 \(the maxCompressionRatio limit\): this looks like a zip bomb/);
    const e2 = await caught(readText(file('bomb2.gz', gzipSync(Buffer.alloc(2048))), { maxDecompressedBytes: 1024 }));
    expect(e2.message).toMatch(/inflates past 1024 bytes \(the maxDecompressedBytes limit\)/);
  });
});

describe('gzip and zip: any text, any chunking', { timeout: 60_000 }, () => {
  const chunked = (bytes: Uint8Array, cuts: number[]) => {
    const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    const parts: Buffer[] = [];
    let from = 0;
    for (const c of [...at, bytes.length]) {
      parts.push(Buffer.from(bytes.subarray(from, c)));
      from = c;
    }
    return Readable.from(parts);
  };
  test.prop([fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 0, max: 9 })])(
    'a gzip stream cut anywhere reads back the text',
    async (text, cuts, level) => {
      const t = text.replace(/^\uFEFF/, '');
      expect(await readText(chunked(gzipSync(t, { level }), cuts))).toBe(t);
    },
  );
  test.prop([fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(0, 6, 9)])(
    'a zip stream cut anywhere reads back the text of its one entry',
    async (text, cuts, level) => {
      const t = text.replace(/^\uFEFF/, '');
      expect(await readText(chunked(zipSync({ 'a.csv': strToU8(t) }, { level: level as 0 | 6 | 9 }), cuts))).toBe(t);
    },
  );
});

describe('zip, read transparently', { timeout: 60_000 }, () => {
  it('one data file is opened, whatever else the archive holds', async () => {
    const p = file('one.zip', zipSync({ 'arrests.csv': strToU8(csv), '__MACOSX/._arrests.csv': strToU8('x'), 'data/': new Uint8Array(0) }));
    expect(await readText(p)).toBe(csv);
    expect(await readText(createReadStream(p))).toBe(csv);
  });

  it('several: the caller names one, and the error lists them', async () => {
    const p = file('two.zip', zipSync({ 'arrests.csv': strToU8(csv), 'README.txt': strToU8('readme') }));
    const e = await caught(readText(p));
    expect(e.message).toBe(
      `${p}: the zip archive holds 2 files ('arrests.csv', 'README.txt'); name the one to read with the \`entry\` option, e.g. { entry: 'arrests.csv' }`,
    );
    expect(await readText(p, { entry: 'README.txt' })).toBe('readme');
    const e2 = await caught(readText(p, { entry: 'removals.csv' }));
    expect(e2.message).toContain("has no entry 'removals.csv'; it holds 'arrests.csv', 'README.txt'");
  });

  it('stored (uncompressed) entries and a gzip inside a zip', async () => {
    expect(await readText(file('stored.zip', zipSync({ 'a.csv': strToU8(csv) }, { level: 0 })))).toBe(csv);
    expect(await readText(file('nested.zip', zipSync({ 'a.csv.gz': gzipSync(csv) })))).toBe(csv);
  });

  it('a truncated zip names what is missing', async () => {
    const whole = zipSync({ 'a.csv': strToU8(csv.repeat(100)) });
    const e = await caught(readText(file('cut.zip', whole.subarray(0, whole.length - 30))));
    expect(e.code).toBe('parse_error');
    expect(e.message).toMatch(/cut\.zip: not a complete zip archive: its end-of-central-directory record is missing/);
  });

  it('a zip bomb stops at the ratio limit', async () => {
    const p = file('bomb.zip', zipSync({ 'zeros.csv': new Uint8Array(80 * 1024 * 1024) }, { level: 9 }));
    const e = await caught(readText(p));
    expect(e.message).toMatch(/bomb\.zip › zeros\.csv: \d+ compressed bytes inflated to \d+, a ratio above 1000/);
    // overridable for a genuine file
    expect((await readText(p, { maxCompressionRatio: Infinity })).length).toBe(80 * 1024 * 1024);
  }, 60_000);
});

describe('every loader reads gzip and zip', { timeout: 60_000 }, () => {
  const datasetPath = new URL('../../../data/data/icestat-dataset.json', import.meta.url);
  const sample = new URL('../../../../examples/data/sample-arrests.csv', import.meta.url);

  it('loadDataset, loadFiguresCsv, readArrestRecords and tallyArrestRecords: the .gz and .zip equal the plain file', async () => {
    const plain = await loadDataset(datasetPath);
    expect(await loadDataset(file('dataset.json.gz', gzipSync(readFileSync(datasetPath))))).toEqual(plain);
    expect(await loadDataset(file('dataset.zip', zipSync({ 'dataset.json': readFileSync(datasetPath) })))).toEqual(plain);
    const figures = file('figures.csv.gz', gzipSync(stringifyFiguresCsv(plain)));
    expect((await loadFiguresCsv(figures)).operations.length).toBe(plain.operations.length);

    const records = async (source: string | URL) => {
      const out: unknown[] = [];
      const r = readArrestRecords(source, { name: 'sample' });
      for await (const rec of r) out.push(rec);
      return out;
    };
    const gz = file('sample-arrests.csv.gz', gzipSync(readFileSync(sample)));
    const fromPlain = await records(sample);
    expect(fromPlain.length).toBeGreaterThan(0);
    expect(await records(gz)).toEqual(fromPlain);
    expect(await tallyArrestRecords(gz, { by: ['aor'], name: 'sample' })).toEqual(await tallyArrestRecords(sample, { by: ['aor'], name: 'sample' }));
  });

  it('the parallel tally leaves gzip and other encodings to one thread, with the same result', async () => {
    const utf8 = readFileSync(sample, 'utf8').replaceAll(',MEXICO,', ',MÉXICO,');
    const plain = file('mx.csv', utf8);
    const one = await tallyArrestRecords(plain, { by: ['aor'], workers: 1, name: 'mx' });
    const forced = { by: ['aor'] as const, workers: 2, minBytesPerWorker: 1, name: 'mx' };
    expect(await tallyArrestRecords(file('mx.csv.gz', gzipSync(utf8)), { ...forced, by: [...forced.by] })).toEqual(one);
    expect(await tallyArrestRecords(file('mx-latin1.csv', Buffer.from(utf8, 'latin1')), { ...forced, by: [...forced.by], encoding: 'latin1' })).toEqual(one);
    const countries = new Set<string>();
    for await (const r of readArrestRecords(file('mx-latin1.csv', Buffer.from(utf8, 'latin1')), { encoding: 'latin1' }))
      if (typeof r.citizenshipCountry === 'string') countries.add(r.citizenshipCountry);
    expect(countries.has('MÉXICO')).toBe(true);
  });

  it('the safe loaders give a non-text format back as a failed result naming it', async () => {
    const r = await safeLoadDataset(file('d.json', Buffer.from('PAR1\u0000\u0000')));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.message).toContain('this is a Parquet file');
  });
});

describe('formats that are not text', { timeout: 60_000 }, () => {
  it('a workbook or Parquet file given to a text reader says what it is and what to use', async () => {
    const xlsx = file('book.csv', zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }));
    expect((await caught(readText(xlsx))).message).toContain(
      'book.csv: this is an Excel workbook (.xlsx), not text a text reader can read; read it with readXlsxRows from @icestat/loaders/xlsx',
    );
    const parquet = file('t.csv', Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(32)]));
    expect((await caught(readText(parquet))).message).toContain('read it with readParquetRows from @icestat/loaders/parquet');
  });

  it('UTF-16 asks for the encoding option, and reads with it', async () => {
    const p = file('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
    expect((await caught(readText(p))).message).toContain("this is UTF-16 (little-endian) text, not UTF-8; pass { encoding: 'utf-16le' }");
    expect(await readText(p, { encoding: 'utf-16le' })).toBe(csv);
  });
});

describe('text that is not UTF-8', { timeout: 60_000 }, () => {
  const latin = Buffer.from('Area,Country\nSEA,México\nSEA,Perú\n', 'latin1');

  it('the error names the byte offset (13 bytes of header + "SEA,M" = 18), the line and the option', async () => {
    const e = await caught(readText(file('latin.csv', latin), { name: 'latin.csv' }));
    expect(e.code).toBe('unsupported_encoding');
    expect(e.message).toMatchInlineSnapshot(
      `"latin.csv: the input is not valid UTF-8 text: byte 0xE9 at byte offset 18 (line 2) is not UTF-8. If the file was written by Excel or an older Windows program, pass { encoding: 'latin1' } (or 'windows-1252'); for UTF-16 text, { encoding: 'utf-16le' }."`,
    );
    expect(e.issues[0]).toMatchObject({ code: 'invalid_utf8', line: 2 });
  });

  it('locates the bad byte across chunk boundaries of any size', async () => {
    const text = Buffer.concat([Buffer.from('a,b\n'.repeat(1000)), Buffer.from([0x93]), Buffer.from('x\n')]);
    for (const size of [1, 3, 7, 64, 4096]) {
      const e = await caught(readText(createReadStream(file('cut.csv', text), { highWaterMark: size }), { name: 'cut.csv' }));
      expect(e.message).toContain('byte 0x93 at byte offset 4000 (line 1001)');
      expect(e.message).toContain("pass { encoding: 'windows-1252' }");
    }
  });

  it('decodes latin1, windows-1252, utf-16le and utf-16be when asked', async () => {
    expect(await readText(file('l.csv', latin), { encoding: 'latin1' })).toBe('Area,Country\nSEA,México\nSEA,Perú\n');
    expect(await readText(file('w.csv', Buffer.from([0x93, 0x41, 0x94, 0x80])), { encoding: 'windows-1252' })).toBe('“A”€');
    expect(await readText(file('l2.csv', Buffer.from([0x93])), { encoding: 'latin1' })).toBe('\u0093');
    expect(await readText(file('be.csv', Buffer.from([0xfe, 0xff, 0, 0x41, 0, 0x2c])), { encoding: 'utf-16be' })).toBe('A,');
    await expect(readText(file('x.csv', 'a'), { encoding: 'ebcdic' as never })).rejects.toThrow(/encoding: expected one of 'utf-8'/);
  });
});

describeRealdata('real releases: ICE ERO arrests FY2016 as UWCHR republished them (gzip)', () => {
  const gz = realdata('ice-lesa/EROArrests_FY2016.csv.gz');
  // The banner stays (the other reader's work): the first banner cell is the "header" of the AOR column.
  const options = { by: ['aor'] as const, columns: { 'ERO-LESA Statistical Tracking Unit': 'apprehensionAor' } as const, workers: 1 };

  it('the text read straight from the .gz equals the gunzipped file', async () => {
    const text = await readText(gz);
    expect(text).toBe(gunzipSync(readFileSync(gz)).toString('utf8'));
    // 110,104 records + 5 banner lines + header, each line ending in a line feed
    expect(text.split('\n').length - 1).toBe(110_104 + 6);
  }, 60_000);

  it('tallyArrestRecords straight from the .gz path equals the tally of the gunzipped stream', async () => {
    const fromGz = await tallyArrestRecords(gz, { ...options, by: [...options.by] });
    const plain = file('EROArrests_FY2016.csv', gunzipSync(readFileSync(gz)));
    const fromPlain = await tallyArrestRecords(plain, { ...options, by: [...options.by], name: gz });
    expect(fromGz).toEqual(fromPlain);
    const count = (aor: string) => fromGz.tally.rows.find((r) => r.aor === aor)?.count;
    expect(count('SEA')).toBe(2_698); // = ICE's own Summary tab in the Seattle workbook
    expect(count('(missing)')).toBe(272);
    expect(fromGz.report.rowsRead).toBe(fromGz.report.accepted + fromGz.report.rejected);
  }, 60_000);
});
