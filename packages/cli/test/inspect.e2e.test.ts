import { readFileSync } from 'node:fs';
import { tallyArrestRecords } from '@icestat/loaders/csv';
import { describe, expect, it } from 'vitest';
import { fixture, icestat, samplePath } from './helpers';

describe('icestat inspect', () => {
  it('shows the header, the preset, the columns read, a sample, the row counts, and the next command', async () => {
    const r = await icestat(['inspect', 'examples/data/sample-arrests.csv']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^examples\/data\/sample-arrests\.csv — [\d,]+ bytes, plain text$/m);
    expect(out).toContain('1  Apprehension Date,Apprehension State,');
    expect(out).toContain('Delimiter "," · preset ice-release');
    expect(out).toContain('Columns read (11)');
    expect(out).toMatch(/Apprehension AOR\s+→\s+apprehensionAor/);
    expect(out).toContain('Sample records (5), as read');
    expect(out).toContain('"apprehensionAor":"ATL"');
    expect(out).toContain('examples/data/sample-arrests.csv: 3,000 rows read · 3,000 accepted · 0 rejected');
    expect(out).toContain('Next: icestat tally examples/data/sample-arrests.csv --by fiscal-year,aor');
    expect(out).not.toContain('Warnings');
  });

  it('--json: columns and counts as the library reports them', async () => {
    const r = await icestat(['inspect', fixture('bad-rows.csv'), '--json']);
    const out = JSON.parse(r.stdout);
    const { report } = await tallyArrestRecords(fixture('bad-rows.csv'), { by: [] });
    expect(out.columns).toEqual(report.columns);
    expect(out.counts).toEqual({ rowsRead: report.rowsRead, accepted: report.accepted, rejected: report.rejected, blankLines: report.blankLines });
    expect(out.warnings).toEqual([expect.stringContaining('no column is read as apprehensionState')]);
  });

  it('reads standard input once: counts a short input whole, and says what it did not count of a long one', async () => {
    const text = readFileSync(samplePath, 'utf8');
    const short = text.split('\n').slice(0, 101).join('\n') + '\n';
    const r = await icestat(['inspect', '-'], { input: short });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(stdin): 100 rows read · 100 accepted · 0 rejected');
    expect(r.stdout).toContain('Next: icestat tally - --by fiscal-year,aor');
    const long = await icestat(['inspect', '-'], { input: text });
    expect(long.stdout).toMatch(/not counted \(standard input is read only once\); in the first [\d,]+ rows: [\d,]+ accepted, 0 rejected/);
  });

  it('refuses a binary file by its first bytes, in two plain lines', async () => {
    const r = await icestat(['inspect', '-'], { input: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'icestat: (stdin): a zip archive (an .xlsx workbook is one); this version of @icestat/loaders reads plain-text CSV (comma, semicolon, tab or pipe) only.',
      'icestat: Decompress or export it as CSV first, or update @icestat/loaders when it reads this format.',
    ]);
  });

  it('refuses text that is not UTF-8 instead of showing replacement characters', async () => {
    const latin1 = Buffer.concat([Buffer.from('Apprehension Date,Gender\n2017-01-01,M'), Buffer.from([0xe9]), Buffer.from('le\n')]);
    const inspect = await icestat(['inspect', '-'], { input: latin1 });
    expect(inspect.code).toBe(2);
    expect(inspect.stderr).toBe('icestat: (stdin): not UTF-8 text; save or convert the file as UTF-8 first\n');
    const tally = await icestat(['tally', '-', '--by', 'gender'], { input: latin1 });
    expect(tally.code).toBe(2);
    expect(tally.stderr).toMatch(/not valid UTF-8/);
  });
});
