import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { IcestatError, type TallyDimension } from '@icestat/core';
import { afterAll, describe, expect, it } from 'vitest';
import { corruptedRecordsFile, recordsFile, writeRecordsFile } from '../../__fixtures__/records/arbitraries';
import { resolveReadOptions } from './options';
import { tallyInParallel } from './parallel';
import { tallyArrestRecords } from './tally';

const dir = mkdtempSync(join(tmpdir(), 'icestat-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(text: string): string {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, text);
  return path;
}

async function outcome(path: string, by: TallyDimension[], workers: number) {
  try {
    return await tallyArrestRecords(path, { by, workers, minBytesPerWorker: 1, maxRejections: 50 });
  } catch (e) {
    if (!IcestatError.isInstance(e)) throw e;
    return { error: e.code, message: e.message };
  }
}

const header = 'Apprehension Date,Apprehension State,Apprehension AOR,Apprehension Criminality,Apprehension Site Landmark\n';

describe('tallyArrestRecords over worker threads', { timeout: 120_000 }, () => {
  it('gives the same tally, report and rejection lines as one thread', async () => {
    const rows: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String((i % 12) + 1).padStart(2, '0');
      const crim = ['1 Convicted Criminal', '2 Pending Criminal Charges', '3 Other Immigration Violator'][i % 3];
      const aor = ['Chicago Area of Responsibility', 'NOL', 'Phoenix Area of Responsibility'][i % 3];
      if (i % 97 === 0)
        rows.push(`2017-02-30,IL,${aor},${crim},BAD DATE`); // rejected, line known
      else if (i % 101 === 0)
        rows.push(''); // blank line
      else if (i % 89 === 0)
        rows.push(`2016-${month}-${day},IL,${aor}`); // too few cells
      else rows.push(`2016-${month}-${day},IL,${aor},${crim},"SITE, ""${i}"""`);
    }
    const path = file(`${header + rows.join('\n')}\n`);
    const by: TallyDimension[] = ['fiscalYear', 'criminality', 'aor'];
    const one = await outcome(path, by, 1);
    const many = await outcome(path, by, 4);
    expect(many).toStrictEqual(one);
    // …and the four threads really ran: the parallel path answered instead of handing back.
    const plan = { file: path, by, excludeDuplicates: false, read: resolveReadOptions({ maxRejections: 50 }) };
    const joined = await tallyInParallel(path, plan, { workers: 4, minBytesPerWorker: 1 });
    expect(joined?.report).toStrictEqual('report' in one ? one.report : undefined);
    if ('error' in one) throw new Error(one.message);
    expect(one.report.rejected).toBeGreaterThan(50);
    expect(one.report.rejections[0]).toMatchObject({ line: 2, code: 'bad_date' }); // row 0 is on line 2
    expect(one.report.accepted + one.report.rejected).toBe(one.report.rowsRead);
  });

  it('reads the file again on one thread when a cut falls inside a quoted line break', async () => {
    // Every row's landmark holds a quoted line break, so about half the line feeds are inside quotes.
    const rows = Array.from({ length: 2000 }, (_, i) => `2019-09-${String((i % 5) + 21)},PA,PHI,1 Convicted Criminal,"PHI STREET\nARREST ${i}"`);
    const path = file(`${header + rows.join('\n')}\n`);
    for (const workers of [2, 3, 4, 5]) {
      const many = await outcome(path, ['fiscalYear', 'aor'], workers);
      expect(many).toStrictEqual(await outcome(path, ['fiscalYear', 'aor'], 1));
      expect('tally' in many && many.tally.rows).toEqual([{ fiscalYear: 'FY2019', aor: 'PHI', count: 2000 }]);
    }
  });

  const dims = fc.subarray(['fiscalYear', 'criminality', 'aor', 'state', 'gender'] as TallyDimension[], { maxLength: 3 });
  test.prop(
    [
      fc.oneof(
        recordsFile.map((f) => writeRecordsFile(f)),
        corruptedRecordsFile.map((c) => c.text),
      ),
      dims,
      fc.integer({ min: 2, max: 4 }),
    ],
    { numRuns: 12 },
  )('any file, valid or damaged, cut anywhere, tallies as on one thread', async (text, by, workers) => {
    const path = file(text);
    expect(await outcome(path, by, workers)).toStrictEqual(await outcome(path, by, 1));
  });

  it('with table auto, picks the table by what the tally needs, as one thread does', async () => {
    // "Departed Date" maps removals' departed date; "Arresting Agency" maps an arrests field: all
    // fields rank arrests first, the tally's fiscal year ranks removals (found by the property test
    // of the record tables).
    const { tallyRecords } = await import('./tally');
    const path = file('Departed Date,Arresting Agency\n2016-10-01,ERO Criminal Alien Program\n2016-10-01,ERO Criminal Alien Program\n');
    const one = await tallyRecords(path, { by: ['fiscalYear'], workers: 1 });
    const three = await tallyRecords(path, { by: ['fiscalYear'], workers: 3, minBytesPerWorker: 1 });
    expect(one.report.table).toBe('removals');
    expect(three).toStrictEqual(one);
    expect(three.tally.rows).toEqual([{ fiscalYear: 'FY2017', count: 2 }]);
  });

  it('stops the workers it started when the cuts need fewer of them, or none', async () => {
    // The workers start before the header is searched, so a file read on one thread after all
    // (lone-CR line ends) or cut into fewer ranges than threads (rows longer than the 64 KiB
    // window that finds a cut) has started workers with no job. A worker left waiting would keep
    // the process alive: the child process below must end by itself.
    const loneCr = file(`${header.trimEnd()}\r${'2019-09-21,PA,PHI,1 Convicted Criminal,X\r'.repeat(3000)}`);
    const longRows = file(`${header}${`2019-09-21,PA,PHI,1 Convicted Criminal,"${'L'.repeat(70_000)}"\n`.repeat(3)}`);
    const script = `
      import { resolveReadOptions } from ${JSON.stringify(new URL('./options.ts', import.meta.url).href)};
      import { tallyInParallel } from ${JSON.stringify(new URL('./parallel.ts', import.meta.url).href)};
      const plan = (file) => ({ file, by: ['aor'], excludeDuplicates: false, read: resolveReadOptions({}) });
      const out = [];
      for (const f of ${JSON.stringify([loneCr, longRows])}) {
        const joined = await tallyInParallel(f, plan(f), { workers: 6, minBytesPerWorker: 1 });
        out.push(joined === undefined ? 'one thread' : joined.snapshots.length);
      }
      console.log(JSON.stringify(out));`;
    const { execFile } = await import('node:child_process');
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', '--conditions=@icestat/source', '--input-type=module', '-e', script],
        { timeout: 60_000, cwd: new URL('.', import.meta.url).pathname },
        (error, out) => (error ? reject(error) : resolve({ stdout: out })),
      ),
    );
    // Lone CRs: one thread. Three rows of 70 KB: the cuts give one or two ranges, never six.
    const [lone, long] = JSON.parse(stdout) as [unknown, unknown];
    expect(lone).toBe('one thread');
    expect(long === 'one thread' || (typeof long === 'number' && long >= 2 && long < 6)).toBe(true);
  });

  it('rejects a nonsensical worker count', async () => {
    await expect(tallyArrestRecords(file(header), { by: [], workers: 0 })).rejects.toThrow(
      /workers: expected 'auto' or a whole number of at least 1; received 0/,
    );
  });
});
