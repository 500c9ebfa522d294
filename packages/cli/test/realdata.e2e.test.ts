// The real releases (see the test-data notes beside the repository), read as they are published:
// gzip'd, with ICE's banner lines above the header, under each release family's headers. The
// command's counts are the library's, and the facts known of each file hold.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { tallyRecords } from '@icestat/loaders/csv';
import { describe, expect, it } from 'vitest';
import { bin, icestat, realdata, realdataPresent, type Run } from './helpers';

const ddp = (f: string): string => join(realdata, 'ddp', f);
const lesa = (f: string): string => join(realdata, 'ice-lesa', f);
const seattle = (f: string): string => join(realdata, 'ice-seattle', f);
const csv = (text: string): Record<string, string>[] => parse(text, { columns: true }) as Record<string, string>[];
const counts = (text: string, column: string): Record<string, number> => Object.fromEntries(csv(text).map((x) => [x[column]!, Number(x.count)]));

/** `icestat ARGS` reading FILE on its standard input, decompressed first (`gunzip -c FILE | icestat ARGS`) or as stored. */
function pipeInto(file: string, args: readonly string[], gunzip: boolean): Promise<Run> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', rej);
    child.on('close', (code) => res({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    const bytes = createReadStream(file);
    (gunzip ? bytes.pipe(createGunzip()) : bytes).pipe(child.stdin);
  });
}

if (!realdataPresent) console.warn('skipping the real-release end-to-end tests: ../shared/realdata is not there (ICESTAT_REQUIRE_REALDATA=1 makes this fail)');

describe.skipIf(!realdataPresent)('real releases', () => {
  it('ICE’s FY2016 arrests (.csv.gz, 5 banner lines) by AOR: the CSV parsed back is the library’s tally; HQ 12, SEA 2,698', { timeout: 120_000 }, async () => {
    const file = lesa('EROArrests_FY2016.csv.gz');
    const r = await icestat(['tally', file, '--by', 'aor', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lib = await tallyRecords(file, { by: ['aor'] });
    expect(csv(r.stdout).map((x) => [x.aor, Number(x.count)])).toEqual(lib.tally.rows.map((x) => [x.aor, x.count]));
    const byAor = counts(r.stdout, 'aor');
    expect(byAor.HQ).toBe(12);
    expect(byAor.SEA).toBe(2698);
    expect(byAor['(missing)']).toBe(272);
    expect(Object.values(byAor).reduce((a, b) => a + b, 0)).toBe(110_104);
    expect(r.stderr).toContain('EROArrests_FY2016.csv.gz: 110,104 rows read · 110,104 accepted · 0 rejected');
    expect(r.stderr).toContain('table arrests · preset ice-lesa/arrests · delimiter "|" · header on line 6');
    expect(r.stderr).toContain('5 banner lines above the header skipped: "ERO-LESA Statistical Tracking Unit"');
    expect(r.stderr).toContain('Area of Responsibility → apprehensionAor');
  });

  it('ICE’s FY2016 encounters (.csv.gz) by AOR: the library’s tally, 368,645 rows, HQ 3,009', { timeout: 120_000 }, async () => {
    const file = lesa('EROEncounters_FY2016.csv.gz');
    const r = await icestat(['tally', file, '--by', 'aor', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lib = await tallyRecords(file, { by: ['aor'] });
    expect(lib.report.table).toBe('encounters');
    expect(csv(r.stdout).map((x) => [x.aor, Number(x.count)])).toEqual(lib.tally.rows.map((x) => [x.aor, x.count]));
    expect(counts(r.stdout, 'aor').HQ).toBe(3009);
    expect(r.stderr).toContain('368,645 rows read · 368,645 accepted · 0 rejected');
    expect(r.stderr).toContain('table encounters · preset ice-lesa/encounters');
  });

  it('ICE’s FY2016 removals (.csv.gz): --date removalDate counts by another date axis than the departed date, each the library’s', {
    timeout: 120_000,
  }, async () => {
    const file = lesa('ICERemovals_FY2016.csv.gz');
    const departed = await icestat(['tally', file, '--by', 'month', '--format', 'csv']);
    const removal = await icestat(['tally', file, '--by', 'month', '--date', 'removalDate', '--format', 'csv']);
    expect(departed.code).toBe(0);
    expect(removal.code).toBe(0);
    const libDeparted = await tallyRecords(file, { by: ['month'] });
    const libRemoval = await tallyRecords(file, { by: ['month'], date: 'removalDate' });
    expect(libDeparted.tally.date).toBe('departedDate');
    expect(csv(departed.stdout).map((x) => [x.month, Number(x.count)])).toEqual(libDeparted.tally.rows.map((x) => [x.month, x.count]));
    expect(csv(removal.stdout).map((x) => [x.month, Number(x.count)])).toEqual(libRemoval.tally.rows.map((x) => [x.month, x.count]));
    expect(libRemoval.tally.total).toBe(240_255);
    // The two axes differ (departures start months before the removal dates of FY2016).
    expect(counts(departed.stdout, 'month')['2014-10']).toBeGreaterThan(0);
    expect(counts(removal.stdout, 'month')['2014-10']).toBeUndefined();
    expect(removal.stderr).toContain('dates: fiscal-year, month and day are those of the field removalDate');
    // An arrests file has no removal date: the library's refusal, not a tally.
    const wrong = await icestat(['tally', lesa('EROArrests_FY2016.csv.gz'), '--by', 'month', '--table', 'arrests', '--date', 'removalDate']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--date removalDate: the arrests table has no such date');
  });

  it('Seattle arrests (.csv.gz, 6 banner lines) by fiscal year: ICE’s own Summary totals', { timeout: 120_000 }, async () => {
    const file = seattle('arrests.csv.gz');
    const r = await icestat(['tally', file, '--by', 'fiscal-year', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lib = await tallyRecords(file, { by: ['fiscalYear'] });
    expect(csv(r.stdout).map((x) => [x.fiscal_year, Number(x.count)])).toEqual(lib.tally.rows.map((x) => [x.fiscalYear, x.count]));
    expect(counts(r.stdout, 'fiscal_year')).toMatchObject({
      FY2012: 6620,
      FY2013: 7165,
      FY2014: 4715,
      FY2015: 2977,
      FY2016: 2698,
      FY2017: 3376,
      FY2018: 3067,
      FY2019: 1931,
    });
    expect(r.stderr).toContain('header on line 7');
    expect(r.stderr).toContain('6 banner lines above the header skipped');
  });

  it('--progress (the row-by-row read a terminal gets) gives the same counts and report on a .gz with banner lines, and the same refusals', {
    timeout: 120_000,
  }, async () => {
    const file = lesa('EROArrests_FY2016.csv.gz');
    const watched = await icestat(['tally', file, '--by', 'aor,fiscal-year', '--progress', '--format', 'csv']);
    const fast = await icestat(['tally', file, '--by', 'aor,fiscal-year', '--format', 'csv']);
    expect(watched.code).toBe(0);
    expect(watched.stdout).toBe(fast.stdout);
    expect(watched.stderr).toBe(fast.stderr);
    const encounters = await icestat(['tally', lesa('EROEncounters_FY2016.csv.gz'), '--by', 'aor', '--progress', '--format', 'csv']);
    expect(counts(encounters.stdout, 'aor').HQ).toBe(3009);
    const refused = await icestat(['tally', file, '--by', 'state', '--progress']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cannot tally by "state" \(field apprehensionState\): no column of the file maps to it/);
  });

  it('DDP 2025 and March-2026 headers (the same 47 rows): the same counts by AOR, with no --column', async () => {
    const y2025 = await icestat(['tally', ddp('ddp2025-release-headers_wa-rows.csv'), '--by', 'aor', '--format', 'json']);
    const y2026 = await icestat(['tally', ddp('ddp2026-release-headers_wa-rows.csv'), '--by', 'aor', '--format', 'json']);
    expect(y2026.code).toBe(0);
    const lib = await tallyRecords(ddp('ddp2026-release-headers_wa-rows.csv'), { by: ['aor'] });
    expect(JSON.parse(y2026.stdout).rows).toEqual(lib.tally.rows);
    expect(JSON.parse(y2026.stdout).rows).toEqual(JSON.parse(y2025.stdout).rows);
    expect(JSON.parse(y2026.stdout).rows).toContainEqual({ aor: 'SEA', count: 44 });
    expect(y2026.stderr).toContain('47 rows read · 47 accepted · 0 rejected');
    expect(y2026.stderr).toContain('preset ddp-2026/arrests');
    expect(y2026.stderr).toContain('TOA Current Duty AOR → apprehensionAor');
    expect(y2026.stderr).not.toContain('warning');
  });

  it('inspect on a .gz names the compression, the banner, the table and preset, and its next command gives the library’s counts', {
    timeout: 120_000,
  }, async () => {
    const file = lesa('EROArrests_FY2016.csv.gz');
    const r = await icestat(['inspect', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('compression gzip');
    expect(r.stdout).toContain('delimiter "|"');
    expect(r.stdout).toContain('Header on line 6, below 5 banner lines (skipped):');
    expect(r.stdout).toContain('│ ERO Administrative Arrests for FY2016');
    expect(r.stdout).toContain('Table arrests · preset ice-lesa/arrests');
    expect(r.stdout).toMatch(/Area of Responsibility\s+→\s+apprehensionAor/);
    expect(r.stdout).toContain('110,104 rows read · 110,104 accepted · 0 rejected');
    const next = /^Next: icestat tally (.*)$/m.exec(r.stdout)?.[1];
    expect(next).toBe(`${file} --table arrests --by fiscal-year,aor`);
    const tally = await icestat(['tally', ...next!.split(' '), '--format', 'json']);
    const lib = await tallyRecords(file, { table: 'arrests', by: ['fiscalYear', 'aor'] });
    expect(JSON.parse(tally.stdout).rows).toEqual(lib.tally.rows);
    const encounters = await icestat(['inspect', lesa('EROEncounters_FY2016.csv.gz'), '--no-count', '--json']);
    expect(JSON.parse(encounters.stdout)).toMatchObject({
      table: 'encounters',
      preset: 'ice-lesa/encounters',
      compression: ['gzip'],
      header: { line: 6, bannerLines: 5 },
    });
  });

  it('DDP joined file (235 rows, R’s NA): inspect detects the table, and the suggested tally counts all 235', async () => {
    const file = ddp('joined_df_wa.csv');
    const inspect = await icestat(['inspect', file]);
    expect(inspect.stdout).toContain('235 rows read · 235 accepted · 0 rejected');
    const next = /^Next: icestat tally (.*)$/m.exec(inspect.stdout)?.[1];
    expect(next).toBe(`${file} --table detainers --by fiscal-year,aor`);
    const r = await icestat(['tally', ...next!.split(' '), '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.total).toBe(235);
    expect(out.rows.every((x: { aor: string }) => x.aor === 'SEA')).toBe(true);
  });

  it('standard input: the gzip’d file as stored, and decompressed, give the path’s counts', { timeout: 120_000 }, async () => {
    const file = lesa('EROArrests_FY2016.csv.gz');
    const stored = await pipeInto(file, ['tally', '-', '--by', 'aor', '--format', 'csv'], false);
    const plain = await pipeInto(file, ['tally', '-', '--by', 'aor', '--format', 'csv'], true);
    const path = await icestat(['tally', file, '--by', 'aor', '--format', 'csv']);
    expect(stored.code).toBe(0);
    expect(plain.code).toBe(0);
    expect(stored.stdout).toBe(path.stdout);
    expect(plain.stdout).toBe(path.stdout);
    expect(plain.stderr).toContain('(stdin): 110,104 rows read · 110,104 accepted · 0 rejected');
    expect(plain.stderr).toContain('5 banner lines above the header skipped');
  });

  it('the Seattle workbook: inspect lists its sheets with their header rows', { timeout: 120_000 }, async () => {
    const file = seattle('UW-v-DHS-ICE-Productions_LESA-STU_FINAL.xlsx');
    const r = await icestat(['inspect', file, '--no-count', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('xlsx');
    expect(out.sheets.map((s: { name: string }) => s.name)).toEqual(['Summary', 'Arrests', 'Book Ins', 'Expedited Removals', 'Other Removals', 'Footnotes']);
    const arrests = out.sheets.find((s: { name: string }) => s.name === 'Arrests');
    expect(arrests.table.headerRow).toBeGreaterThan(1);
    expect(arrests.table.bannerLines.length).toBeGreaterThan(0);
    expect(out.next).toBe(`icestat inspect ${file} --sheet Arrests`);
  });
});
