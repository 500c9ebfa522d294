import { mkdtempSync, readFileSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { tallyArrestRecords, tallyRecords, unescapeCsvCell } from '@icestat/loaders/csv';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, icestat, samplePath } from './helpers';

type Row = Record<string, string>;
const csv = (text: string): Row[] => parse(text, { columns: true }) as Row[];

describe('icestat tally on the bundled sample (3,000 generated rows)', () => {
  let library: Awaited<ReturnType<typeof tallyArrestRecords>>;
  beforeAll(async () => {
    library = await tallyArrestRecords(samplePath, { by: ['aor', 'fiscalYear'] });
  });

  it('writes CSV when piped, with the library’s counts, and the load report on stderr', async () => {
    const r = await icestat(['tally', 'examples/data/sample-arrests.csv', '--by', 'aor,fiscal-year']);
    expect(r.code).toBe(0);
    const rows = csv(r.stdout);
    expect(Object.keys(rows[0]!)).toEqual(['aor', 'fiscal_year', 'count']);
    expect(rows.map((x) => [x.aor, x.fiscal_year, Number(x.count)])).toEqual(library.tally.rows.map((x) => [x.aor, x.fiscalYear, x.count]));
    expect(rows.reduce((n, x) => n + Number(x.count), 0)).toBe(3000);
    expect(r.stderr).toContain('examples/data/sample-arrests.csv: 3,000 rows read · 3,000 accepted · 0 rejected');
    // Piped: no progress bar, no colour.
    expect(r.stderr).not.toMatch(/rows\/s/);
    expect(r.stderr).not.toContain('\u001b[');
  });

  it('gives the same counts as JSON, in the library’s shape, with the load report', async () => {
    const r = await icestat(['tally', samplePath, '--by', 'fiscalYear', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const lib = await tallyArrestRecords(samplePath, { by: ['fiscalYear'] });
    expect(out.rows).toEqual(lib.tally.rows);
    expect(out.total).toBe(3000);
    expect(out.files[0]).toMatchObject({ rowsRead: 3000, accepted: 3000, rejected: 0, table: 'arrests', preset: 'ice-release/arrests' });
  });

  it('--where keeps only the rows asked for: convicted by AOR equals the library’s tally filtered', async () => {
    const lib = await tallyArrestRecords(samplePath, { by: ['aor', 'criminality'] });
    const want = lib.tally.rows.filter((x) => x.criminality === 'convicted').map((x) => [x.aor, x.count]);
    const r = await icestat(['tally', samplePath, '--by', 'aor', '--where', 'criminality=1 Convicted Criminal']);
    expect(r.code).toBe(0);
    expect(csv(r.stdout).map((x) => [x.aor, Number(x.count)])).toEqual(want);
    const total = want.reduce((n, [, c]) => n + Number(c), 0);
    expect(r.stderr).toContain(`where criminality = convicted: ${total.toLocaleString('en-US')} of 3,000 accepted rows`);
  });

  it('--where on a value as written (a country) matches whatever its case', async () => {
    const lib = await tallyRecords(samplePath, { by: ['citizenship'] });
    const mexico = lib.tally.rows.find((x) => x.citizenship === 'MEXICO')!.count;
    expect(mexico).toBeGreaterThan(0);
    const r = await icestat(['tally', samplePath, '--where', 'citizenship=Mexico', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total).toBe(mexico);
  });

  it('--where with two values of one dimension adds them; on two dimensions narrows', async () => {
    const lib = await tallyArrestRecords(samplePath, { by: ['aor', 'criminality'] });
    const count = (pred: (x: (typeof lib.tally.rows)[number]) => boolean) => lib.tally.rows.filter(pred).reduce((n, x) => n + x.count, 0);
    const both = await icestat(['tally', samplePath, '--where', 'aor=SEA', '--where', 'aor=Chicago Area of Responsibility', '--format', 'json']);
    expect(JSON.parse(both.stdout).total).toBe(count((x) => x.aor === 'SEA' || x.aor === 'CHI'));
    const narrow = await icestat(['tally', samplePath, '--where', 'aor=SEA', '--where', 'criminality=convicted', '--format', 'json']);
    expect(JSON.parse(narrow.stdout).total).toBe(count((x) => x.aor === 'SEA' && x.criminality === 'convicted'));
  });

  it('shows a table when asked, with thousands separators and shares', async () => {
    const r = await icestat(['tally', samplePath, '--by', 'criminality', '--format', 'table']);
    expect(r.stdout).toMatch(/^criminality\s+count\s+share$/m);
    expect(r.stdout).toMatch(/^total\s+3,000\s+100\.0%$/m);
  });

  it('reads standard input (-), and tallies the files a glob names together', async () => {
    const stdin = await icestat(['tally', '-', '--by', 'aor'], { input: readFileSync(samplePath) });
    const path = await icestat(['tally', samplePath, '--by', 'aor']);
    expect(stdin.code).toBe(0);
    expect(stdin.stdout).toBe(path.stdout);
    expect(stdin.stderr).toContain('(stdin): 3,000 rows read');

    const dir = mkdtempSync(join(tmpdir(), 'icestat-cli-'));
    copyFileSync(samplePath, join(dir, 'a.csv'));
    copyFileSync(samplePath, join(dir, 'b.csv'));
    const both = await icestat(['tally', '*.csv', '--by', 'aor', '--format', 'json'], { cwd: dir });
    expect(both.code).toBe(0);
    const single = JSON.parse((await icestat(['tally', samplePath, '--by', 'aor', '--format', 'json'])).stdout);
    const doubled = JSON.parse(both.stdout);
    expect(doubled.total).toBe(6000);
    expect(doubled.rows).toEqual(single.rows.map((x: { count: number }) => ({ ...x, count: 2 * x.count })));
    expect(both.stderr).toContain('a.csv: 3,000 rows read');
    expect(both.stderr).toContain('b.csv: 3,000 rows read');
    expect(both.stderr).toContain('all 2 files: 6,000 rows read');
  });

  it('--out writes the file, its format from the extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icestat-cli-'));
    const r = await icestat(['tally', samplePath, '--by', 'gender', '--out', join(dir, 'g.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'g.json'), 'utf8')).total).toBe(3000);
    const vl = await icestat(['tally', samplePath, '--by', 'fiscal-year', '--format', 'vega-lite']);
    const spec = JSON.parse(vl.stdout);
    expect(spec.$schema).toMatch(/vega-lite/);
    expect(JSON.stringify(spec)).toContain('FY2017');
  });
});

describe('icestat tally with bad rows', () => {
  const file = fixture('bad-rows.csv');

  it('reports every rejection with its line, and accepted + rejected = rows read', async () => {
    const lib = await tallyArrestRecords(file, { by: ['aor'] });
    const r = await icestat(['tally', file, '--by', 'aor']);
    expect(r.code).toBe(0);
    const { rowsRead, accepted, rejected } = lib.report;
    expect(accepted + rejected).toBe(rowsRead);
    expect(rowsRead).toBe(8);
    expect(r.stderr).toContain(`${rowsRead} rows read · ${accepted} accepted · ${rejected} rejected`);
    for (const rej of lib.report.rejections) expect(r.stderr).toContain(rej.code);
    expect(r.stderr).toMatch(/bad_date\s+2\s+lines 3, 9 — e\.g\. line 3 \(Apprehension Date\)/);
    expect(csv(r.stdout).reduce((n, x) => n + Number(x.count), 0)).toBe(accepted);
  });

  it('--rejections writes each rejected row as formula-safe CSV that parses back to the rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icestat-cli-'));
    const out = join(dir, 'rejected.csv');
    const r = await icestat(['tally', file, '--by', 'aor', '--rejections', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const rows = csv(text);
    const lib = await tallyArrestRecords(file, { by: ['aor'] });
    expect(rows.map((x) => [Number(x.line), x.code, x.reason])).toEqual(lib.report.rejections.map((x) => [x.line, x.code, x.reason]));
    // Line 9 starts with a spreadsheet formula: written guarded ('=…), undone by unescapeCsvCell.
    const formula = rows.find((x) => x.line === '9')!;
    expect(formula.raw).toBe("'=1+2,SEA,1 Convicted Criminal,Male,SEA STREET");
    expect(unescapeCsvCell(formula.raw!)).toBe('=1+2,SEA,1 Convicted Criminal,Male,SEA STREET');
    expect(rows.every((x) => Object.values(x).every((cell) => !/^[=+\-@]/.test(cell)))).toBe(true);
  });

  it('refuses a dimension that no column fills instead of counting everything as missing', async () => {
    const r = await icestat(['tally', file, '--by', 'state']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^icestat: .*bad-rows\.csv: cannot tally by "state" \(field apprehensionState\): no column of the file maps to it/);
    expect(r.stderr).toContain('icestat: on the command line: map a column with --column "HEADER=FIELD", or leave the dimension out of --by');
  });

  it('--column reads a column under another name; --date counts by another date field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icestat-cli-'));
    const f = join(dir, 'renamed.csv');
    writeFileSync(f, 'Arrested,Office,Departed Date\n2017-09-30,SEA,2017-10-05\n2017-10-01,Seattle Area of Responsibility,\n');
    const r = await icestat(['tally', f, '--by', 'aor,fiscal-year', '--column', 'Arrested=apprehensionDate', '--column', 'Office=apprehensionAor']);
    expect(csv(r.stdout)).toEqual([
      { aor: 'SEA', fiscal_year: 'FY2017', count: '1' },
      { aor: 'SEA', fiscal_year: 'FY2018', count: '1' },
    ]);
    const d = await icestat([
      'tally',
      f,
      '--by',
      'fiscal-year',
      '--column',
      'Office=apprehensionAor',
      '--column',
      'Arrested=apprehensionDate',
      '--date',
      'departed-date',
    ]);
    expect(d.code).toBe(0);
    expect(d.stderr).toContain('dates: fiscal-year, month and day are those of the field departedDate');
    expect(d.stderr).toContain('columns: 3 mapped (Arrested → apprehensionDate, Office → apprehensionAor, Departed Date → departedDate)');
    const nope = await icestat(['tally', f, '--by', 'fiscal-year', '--date', 'Nope']);
    expect(nope.code).toBe(2);
    expect(nope.stderr).toContain('icestat: --date "Nope": expected a date field, one of apprehensionDate, bookInDate,');
    const missing = await icestat([
      'tally',
      f,
      '--by',
      'fiscal-year',
      '--column',
      'Office=apprehensionAor',
      '--column',
      'Arrested=apprehensionDate',
      '--column',
      'Seized=departedDate',
    ]);
    expect(missing.stderr).toContain(`warning: ${f} has no column "Seized" (--column)`);
    expect(csv(d.stdout)).toEqual(
      [
        { fiscal_year: 'FY2018', count: '1' },
        { fiscal_year: '(missing)', count: '1' },
      ].sort((a, b) => (a.fiscal_year < b.fiscal_year ? -1 : 1)),
    );
  });
});

describe('icestat tally: usage and unreadable input', () => {
  it('exits 2 with one or two plain lines for usage errors', async () => {
    for (const args of [
      ['tally'],
      ['tally', samplePath, '--by', 'colour'],
      ['tally', samplePath, '--nope'],
      ['tally', samplePath, '--format', 'xml'],
      ['frobnicate'],
    ]) {
      const r = await icestat(args);
      expect(r.code, args.join(' ')).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines.length, r.stderr).toBeLessThanOrEqual(2);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('reads the table asked for, never answers for another, and refuses a sheet of a text file', async () => {
    const r = await icestat(['tally', samplePath, '--by', 'aor', '--table', 'removals']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cannot tally by "aor" \(field caseAor\): no column of the file maps to it; .*\(read as removals/);
    const unknown = await icestat(['tally', samplePath, '--by', 'aor', '--table', 'bookings']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--table: expected one of auto, arrests, encounters, removals, detainers, detentions; received "bookings"');
    const ok = await icestat(['tally', samplePath, '--by', 'aor', '--table', 'arrests', '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).total).toBe(3000);
    const sheet = await icestat(['tally', samplePath, '--sheet', 'Arrests']);
    expect(sheet.code).toBe(2);
    expect(sheet.stderr).toContain(`--sheet Arrests: ${samplePath} is not a workbook (.xlsx)`);
  });

  it('names a missing file in one line; --debug adds the stack', async () => {
    const r = await icestat(['tally', 'no/such.csv', '--by', 'aor']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^icestat: .*no\/such\.csv: no such file or directory$/);
    // Node's own file-system errors carry no stack frames: --debug shows the error as Node gave it.
    const d = await icestat(['tally', 'no/such.csv', '--by', 'aor', '--debug']);
    expect(d.stderr).toContain('ENOENT');
    // An error the library raises (a dimension the table has no column for) has its frames.
    const s = await icestat(['tally', samplePath, '--by', 'facility', '--debug']);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/^\s+at /m);
  });
});
