// The real releases (see the test-data notes beside the repository): what today's loaders can read
// (the DDP files, plain CSV) is tallied and compared with the library; what they cannot read yet
// (gzip, xlsx, banner lines) is refused or flagged, never tallied silently wrong.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { tallyArrestRecords } from '@icestat/loaders/csv';
import { describe, expect, it } from 'vitest';
import { bin, icestat, realdata, realdataPresent, type Run } from './helpers';

const ddp = (f: string): string => join(realdata, 'ddp', f);
const csv = (text: string): Record<string, string>[] => parse(text, { columns: true }) as Record<string, string>[];

/** `icestat ARGS` reading FILE decompressed on its standard input, as `gunzip -c FILE | icestat ARGS`. */
function gunzipInto(file: string, args: readonly string[]): Promise<Run> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', rej);
    child.on('close', (code) => res({ code, stdout, stderr }));
    createReadStream(file).pipe(createGunzip()).pipe(child.stdin).on('error', () => undefined);
  });
}

describe.skipIf(!realdataPresent)('real releases', () => {
  it('DDP 2025 arrests headers (47 real Washington rows): the command’s counts are the library’s', async () => {
    const file = ddp('ddp2025-release-headers_wa-rows.csv');
    const lib = await tallyArrestRecords(file, { by: ['aor', 'fiscalYear'] });
    const r = await icestat(['tally', file, '--by', 'aor,fiscal-year']);
    expect(r.code).toBe(0);
    expect(csv(r.stdout).map((x) => [x.aor, x.fiscal_year, Number(x.count)])).toEqual(lib.tally.rows.map((x) => [x.aor, x.fiscalYear, x.count]));
    expect(lib.report.rowsRead).toBe(47);
    expect(r.stderr).toContain('47 rows read · 47 accepted · 0 rejected');
  });

  it('DDP March-2026 headers rename the AOR column: flagged, and --column gives the 2025 file’s counts for the same rows', async () => {
    const y2025 = await icestat(['tally', ddp('ddp2025-release-headers_wa-rows.csv'), '--by', 'aor', '--format', 'json']);
    const plain = await icestat(['tally', ddp('ddp2026-release-headers_wa-rows.csv'), '--by', 'aor', '--format', 'json']);
    expect(plain.stderr).toMatch(/warning: aor: no column of .*ddp2026.* is read as apprehensionAor/);
    expect(JSON.parse(plain.stdout).rows).toEqual([{ aor: '(missing)', count: 47 }]);
    const inspect = await icestat(['inspect', ddp('ddp2026-release-headers_wa-rows.csv')]);
    expect(inspect.stdout).toContain('--column "TOA Current Duty AOR=apprehensionAor"');
    const mapped = await icestat(['tally', ddp('ddp2026-release-headers_wa-rows.csv'), '--by', 'aor', '--format', 'json', '--column', 'TOA Current Duty AOR=apprehensionAor']);
    expect(mapped.code).toBe(0);
    expect(mapped.stderr).not.toContain('warning');
    expect(JSON.parse(mapped.stdout).rows).toEqual(JSON.parse(y2025.stdout).rows);
    expect(JSON.parse(mapped.stdout).rows).toContainEqual({ aor: 'SEA', count: 44 });
  });

  it('DDP joined file (235 rows, R’s NA): inspect suggests the columns, and the suggested tally counts all 235', async () => {
    const file = ddp('joined_df_wa.csv');
    const inspect = await icestat(['inspect', file]);
    expect(inspect.stdout).toContain('235 rows read · 235 accepted · 0 rejected');
    const next = /^Next: icestat tally (.*)$/m.exec(inspect.stdout)?.[1];
    expect(next).toContain('--column "facility_aor.detainer=apprehensionAor"');
    const args = [...next!.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    const r = await icestat(['tally', ...args, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.total).toBe(235);
    expect(out.rows.every((x: { aor: string }) => x.aor === 'SEA')).toBe(true);
  });

  it('ICE’s gzip’d FY2016 arrests and the Seattle workbook are refused as formats this version cannot read', async () => {
    const gz = await icestat(['tally', join(realdata, 'ice-lesa', 'EROArrests_FY2016.csv.gz'), '--by', 'aor']);
    expect(gz.code).toBe(2);
    expect(gz.stdout).toBe('');
    expect(gz.stderr).toContain('EROArrests_FY2016.csv.gz: a gzip-compressed file; this version of @icestat/loaders reads plain-text CSV');
    const xlsx = await icestat(['inspect', join(realdata, 'ice-seattle', 'UW-v-DHS-ICE-Productions_LESA-STU_FINAL.xlsx')]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toContain('a zip archive (an .xlsx workbook is one)');
  });

  it('FY2016 arrests decompressed into standard input: the banner lines are flagged, not read as data silently', { timeout: 120_000 }, async () => {
    const file = join(realdata, 'ice-lesa', 'EROArrests_FY2016.csv.gz');
    const inspect = await gunzipInto(file, ['inspect', '-']);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain('the first line may be a title or banner line above the real header');
    const tally = await gunzipInto(file, ['tally', '-', '--by', 'aor']);
    // ICE's first banner line is taken as the header; the other banner lines (3, one more is only
    // delimiters) and ICE's own header row are read as data: 110,104 arrests + 4.
    expect(tally.stderr).toContain('(stdin): 110,108 rows read · 110,108 accepted · 0 rejected · 1 blank line skipped');
    expect(tally.stderr).toMatch(/warning: aor: no column of \(stdin\) is read as apprehensionAor/);
  });
});
