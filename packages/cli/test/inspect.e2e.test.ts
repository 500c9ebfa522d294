import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tallyRecords } from '@icestat/loaders/csv';
import { describe, expect, it } from 'vitest';
import { fixture, icestat, samplePath } from './helpers';

describe('icestat inspect', () => {
  it('shows the format, header, table and preset, the columns read, samples, the row counts, and the next command', async () => {
    const r = await icestat(['inspect', 'examples/data/sample-arrests.csv']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^examples\/data\/sample-arrests\.csv — [\d,]+ bytes$/m);
    expect(out).toContain('Format UTF-8 text · encoding utf-8 · delimiter ","');
    expect(out).toContain('Header on line 1\n');
    expect(out).toContain('Table arrests · preset ice-release/arrests');
    expect(out).toContain('Columns read (11)');
    expect(out).toMatch(/Apprehension AOR\s+→\s+apprehensionAor/);
    expect(out).toContain('Sample rows (3), as written');
    expect(out).toContain('Sample records (3), as read');
    expect(out).toContain('"apprehensionAor":"ATL"');
    expect(out).toContain('examples/data/sample-arrests.csv: 3,000 rows read · 3,000 accepted · 0 rejected');
    expect(out).toContain('Next: icestat tally examples/data/sample-arrests.csv --table arrests --by fiscal-year,aor');
    expect(out).not.toContain('Warnings');
  });

  it('--json: table, preset, columns and counts as the library reports them', async () => {
    const r = await icestat(['inspect', fixture('bad-rows.csv'), '--json']);
    const out = JSON.parse(r.stdout);
    const { report } = await tallyRecords(fixture('bad-rows.csv'), { by: [] });
    expect(out.table).toBe(report.table);
    expect(out.preset).toBe(report.preset);
    expect(out.columns).toEqual(report.columns);
    expect(out.header).toEqual(report.header);
    expect(out.counts).toEqual({ rowsRead: report.rowsRead, accepted: report.accepted, rejected: report.rejected, blankLines: report.blankLines });
    expect(out.counts.rejected).toBeGreaterThan(0);
    expect(out.format).toBe('text');
    expect(out.compression).toEqual([]);
    expect(out.warnings).toEqual([]);
  });

  it('reads standard input once and counts it whole', async () => {
    const text = readFileSync(samplePath, 'utf8');
    const short = `${text.split('\n').slice(0, 101).join('\n')}\n`;
    const r = await icestat(['inspect', '-'], { input: short });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(stdin): 100 rows read · 100 accepted · 0 rejected');
    expect(r.stdout).toContain('Next: icestat tally - --table arrests --by fiscal-year,aor');
    const long = await icestat(['inspect', '-'], { input: text });
    expect(long.stdout).toContain('(stdin): 3,000 rows read · 3,000 accepted · 0 rejected');
  });

  it('reads gzip from standard input as the library does', async () => {
    const r = await icestat(['inspect', '-'], { input: gzipSync(readFileSync(samplePath)) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('compression gzip');
    expect(r.stdout).toContain('(stdin): 3,000 rows read · 3,000 accepted · 0 rejected');
  });

  it('lets the library name a damaged archive, in plain lines', async () => {
    const r = await icestat(['inspect', '-'], { input: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^icestat: \(stdin\): not a complete zip archive/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('says text that is not UTF-8 is not, and names the --encoding that reads it', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('Apprehension Date,Gender,Apprehension Site Landmark\n2017-01-01,Male,CAF'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    const inspect = await icestat(['inspect', '-'], { input: latin1 });
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain('encoding latin1');
    expect(inspect.stdout).toContain('the text is not UTF-8; it looks like latin1: pass --encoding latin1 to read it');
    expect(inspect.stdout).toContain('Next: icestat inspect - --encoding latin1');
    const tally = await icestat(['tally', '-', '--by', 'gender'], { input: latin1 });
    expect(tally.code).toBe(2);
    expect(tally.stderr).toMatch(/not valid UTF-8 .*--encoding latin1/);
    const read = await icestat(['tally', '-', '--by', 'gender', '--encoding', 'latin1', '--format', 'json'], { input: latin1 });
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout)).toMatchObject({ total: 1, rows: [{ gender: 'male', count: 1 }] });
    const sample = await icestat(['inspect', '-', '--encoding', 'latin1', '--json'], { input: latin1 });
    expect(JSON.parse(sample.stdout).sample).toEqual([{ apprehensionDate: '2017-01-01', gender: 'male', landmark: 'CAFé' }]);
  });
});
