import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRealdata, realdata } from '../__fixtures__/realdata';
import { parquetValueToString, readParquetMetadata, readParquetRows, type ParquetRow } from './index';
import { caught } from '../../__fixtures__/testing';

const dir = mkdtempSync(join(tmpdir(), 'icestat-parquet-'));
let duck: Awaited<ReturnType<DuckDBInstance['connect']>>;
let instance: DuckDBInstance;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
});
afterAll(() => {
  duck?.closeSync();
  instance?.closeSync();
});
async function sql(q: string): Promise<Record<string, unknown>[]> {
  return (await duck.runAndReadAll(q)).getRowObjectsJson() as Record<string, unknown>[];
}
async function rows(source: Parameters<typeof readParquetRows>[0], options: Parameters<typeof readParquetRows>[1] = {}): Promise<ParquetRow[]> {
  const out: ParquetRow[] = [];
  for await (const r of readParquetRows(source, options)) out.push(r);
  return out;
}
describe('readParquetRows on files DuckDB writes (zstd, dictionary pages, timestamps with and without zone, several row groups)', { timeout: 60_000 }, () => {
  const path = join(dir, 'arrests.parquet');
  beforeAll(async () => {
    await sql(`SET TimeZone = 'UTC'`);
    await sql(`COPY (
      SELECT i AS id,
             ['SEA', 'LOS', 'NYC'][(i % 3) + 1] AS aor,
             DATE '2015-10-01' + (i % 365)::INTEGER AS apprehension_date,
             TIMESTAMP '2016-01-01 08:30:00' + to_minutes(i) AS book_in_local,
             TIMESTAMPTZ '2016-01-01 08:30:00+00' + to_minutes(i) AS book_in_utc,
             CASE WHEN i % 10 = 0 THEN NULL ELSE 'Male' END AS gender
      FROM range(25000) t(i)
    ) TO '${path}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 10000)`);
  }, 60_000);

  it('footer: rows, row groups, types, zone flags and zstd', async () => {
    const md = await readParquetMetadata(path);
    expect(md.rows).toBe(25_000);
    expect(md.rowGroups).toBeGreaterThanOrEqual(2);
    const col = (n: string) => md.columns.find((c) => c.name === n);
    expect(col('aor')).toMatchObject({ physicalType: 'BYTE_ARRAY', compression: ['ZSTD'] });
    expect(col('book_in_local')).toMatchObject({ logicalType: 'TIMESTAMP', adjustedToUtc: false });
    expect(col('book_in_utc')).toMatchObject({ logicalType: 'TIMESTAMP', adjustedToUtc: true });
  });

  it('every row, typed, in order, across row groups', async () => {
    const all = await rows(path);
    expect(all).toHaveLength(25_000);
    expect(all[0]).toEqual({
      id: 0n,
      aor: 'SEA',
      apprehension_date: new Date(Date.UTC(2015, 9, 1)),
      book_in_local: new Date(Date.UTC(2016, 0, 1, 8, 30)),
      book_in_utc: new Date(Date.UTC(2016, 0, 1, 8, 30)),
      gender: null,
    });
    expect(all[24_999]!.id).toBe(24_999n);
    expect(parquetValueToString(all[1]!.apprehension_date)).toBe('2015-10-02');
    expect(parquetValueToString(all[1]!.book_in_utc)).toBe('2016-01-01T08:31:00.000Z');
    // totals computed independently by DuckDB
    const byAor = await sql(`SELECT aor, count(*)::INTEGER AS n, count(gender)::INTEGER AS g FROM '${path}' GROUP BY aor ORDER BY aor`);
    const mine = new Map<string, { n: number; g: number }>();
    for (const r of all) {
      const m = mine.get(r.aor as string) ?? { n: 0, g: 0 };
      m.n++;
      if (r.gender !== null) m.g++;
      mine.set(r.aor as string, m);
    }
    expect(byAor).toEqual([...mine.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([aor, m]) => ({ aor, ...m })));
  }, 60_000);

  it('projects columns and row ranges', async () => {
    const some = await rows(path, { columns: ['aor'], rowStart: 9_998, rowEnd: 10_003 });
    // row i has AOR ['SEA', 'LOS', 'NYC'][i % 3]; 9,998 % 3 = 2; rows 9,998–10,002 straddle the first row group's end
    expect(some).toEqual(['NYC', 'SEA', 'LOS', 'NYC', 'SEA'].map((aor) => ({ aor })));
  });

  it('reads a Node stream like the path', async () => {
    expect((await rows(Readable.from([readFileSync(path)]), { columns: ['id'] })).length).toBe(25_000);
  });

  it('an unknown column lists the columns', async () => {
    const e = await caught(rows(path, { columns: ['Apprehension AOR'] }));
    expect(e.message).toMatch(
      /no column 'Apprehension AOR'; the file's columns are 'id', 'aor', 'apprehension_date', 'book_in_local', 'book_in_utc', 'gender'$/,
    );
  });

  it('a bad footer is a located error', async () => {
    const whole = readFileSync(path);
    const cut = join(dir, 'cut.parquet');
    writeFileSync(cut, whole.subarray(0, whole.length - 100));
    const e = await caught(readParquetMetadata(cut));
    expect(e.code).toBe('parse_error');
    expect(e.message).toContain('cut.parquet: the Parquet footer is damaged or missing');
    const garbled = join(dir, 'garbled.parquet');
    const g = Buffer.from(whole);
    g.writeUInt32LE(g.length * 2, g.length - 8); // the footer's length field, before the closing PAR1
    writeFileSync(garbled, g);
    expect((await caught(rows(garbled))).message).toContain('garbled.parquet: the Parquet footer is damaged or missing');
  });

  it('a file that is not Parquet says what it is', async () => {
    const p = join(dir, 'not.parquet');
    writeFileSync(p, 'a,b\n1,2\n');
    expect((await caught(readParquetMetadata(p))).message).toContain('not.parquet: this is UTF-8 text, not text the Parquet reader can read');
  });
});

describeRealdata('real releases: Deportation Data Project Parquet files', () => {
  it('adp-by-agency-criminality: 19,260 rows; ADP totals by agency equal DuckDB', async () => {
    const p = realdata('ddp/adp-by-agency-criminality.parquet');
    expect((await readParquetMetadata(p)).rows).toBe(19_260);
    const sums = new Map<string, number>();
    let n = 0;
    for await (const r of readParquetRows(p, { columns: ['agency', 'adp'] })) {
      expect(Object.keys(r)).toEqual(['agency', 'adp']);
      n++;
      if (typeof r.adp === 'number') sums.set(r.agency as string, (sums.get(r.agency as string) ?? 0) + r.adp);
    }
    expect(n).toBe(19_260);
    const expected = await sql(`SELECT agency, sum(adp) AS s FROM '${p}' WHERE adp IS NOT NULL GROUP BY agency ORDER BY agency`);
    expect(expected.length).toBe(sums.size);
    for (const e of expected) expect(sums.get(e.agency as string)).toBeCloseTo(e.s as number, 6);
  }, 60_000);

  it('currently-detained-by-criminality: 402 rows; the first is FY2019 Total 18,881 ICE + 32,041 CBP = 50,922', async () => {
    const p = realdata('ddp/currently-detained-by-criminality.parquet');
    const all = await rows(p);
    expect(all).toHaveLength(402);
    expect(all[0]).toMatchObject({ criminality: 'Total', ice: 18_881, cbp: 32_041, total: 50_922, fiscal_year: 2019 });
    expect(parquetValueToString(all[0]!.pull_date)).toBe('2019-10-07');
    const [duckTotal] = await sql(`SELECT sum(total) AS s, count(*)::INTEGER AS n FROM '${p}' WHERE criminality = 'Total'`);
    const mine = all.filter((r) => r.criminality === 'Total');
    expect(mine.length).toBe(duckTotal!.n);
    expect(mine.reduce((s, r) => s + (r.total as number), 0)).toBeCloseTo(duckTotal!.s as number, 6);
  }, 60_000);
});
