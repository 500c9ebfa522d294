import { createTally, IcestatError, REDACTED, type TallyDimension } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { fixturePath, fixtureText, trickleStream } from '../../__fixtures__/records/sources';
import { readArrestRecords } from './read';
import { tallyArrestRecords } from './tally';

/** The slow path: every record built, then added one by one. */
async function tallyByRecords(name: string, by: readonly TallyDimension[], excludeDuplicates = false) {
  const tally = createTally({ by, excludeDuplicates });
  const reader = readArrestRecords(fixturePath(name));
  for await (const r of reader) tally.add(r);
  return { tally: tally.result(), report: reader.report };
}

describe('tallyArrestRecords', () => {
  it('counts the release-style fixture by fiscal year, criminality and AOR', async () => {
    const { tally, report } = await tallyArrestRecords(fixturePath('release-style.csv'), { by: ['fiscalYear', 'criminality', 'aor'] });
    expect(tally.rows).toStrictEqual([
      { fiscalYear: 'FY2017', criminality: 'convicted', aor: 'PHI', count: 1 },
      { fiscalYear: 'FY2017', criminality: 'other-immigration-violator', aor: 'CHI', count: 1 }, // 2017-09-30: last day of FY2017
      { fiscalYear: 'FY2017', criminality: 'pending-charges', aor: 'PHI', count: 1 },
      { fiscalYear: 'FY2018', criminality: 'convicted', aor: 'CHI', count: 1 }, // 2017-10-01: first day of FY2018
      { fiscalYear: 'FY2023', criminality: 'convicted', aor: 'ELP', count: 1 },
      { fiscalYear: 'FY2023', criminality: 'other-immigration-violator', aor: 'HOU', count: 1 },
      { fiscalYear: 'FY2023', criminality: 'pending-charges', aor: REDACTED, count: 1 },
    ]);
    expect(tally.total).toBe(7);
    expect(report).toMatchObject({ accepted: 7, rowsRead: 7, blankLines: 2 });
  });

  it('puts 30 September and 1 October in different fiscal years', async () => {
    const { tally } = await tallyArrestRecords(fixturePath('snake-case.csv'), { by: ['day', 'fiscalYear'] });
    expect(tally.rows.filter((r) => r.day === '2024-09-30' || r.day === '2024-10-01')).toStrictEqual([
      { day: '2024-09-30', fiscalYear: 'FY2024', count: 1 },
      { day: '2024-10-01', fiscalYear: 'FY2025', count: 2 },
    ]);
  });

  it('gives each row its own day, month and fiscal year when days repeat in every spelling (the per-day groups are remembered)', async () => {
    // 2017-09-30 is the last day of FY2017, 2017-10-01 the first of FY2018; each spelled three ways
    // (two with a time of day), over and over, so every later row reads a remembered day.
    const spellings = ['2017-09-30', '9/30/2017', '2017-09-30 00:00:00', '2017-10-01', '10/1/2017 9:49 PM', '2017-10-01T08:00:00'];
    const lines = ['apprehension_date,apprehension_aor'];
    for (let i = 0; i < 60; i++) lines.push(`${spellings[i % spellings.length]},NOL`);
    const { tally, report } = await tallyArrestRecords({ text: `${lines.join('\n')}\n` }, { by: ['fiscalYear', 'month', 'day'] });
    expect(report.accepted).toBe(60);
    expect(tally.rows).toStrictEqual([
      { fiscalYear: 'FY2017', month: '2017-09', day: '2017-09-30', count: 30 },
      { fiscalYear: 'FY2018', month: '2017-10', day: '2017-10-01', count: 30 },
    ]);
  });

  it('keeps apart two days that share a slot of the day table (128 years apart), row after row', async () => {
    // 1890-10-01 and 2018-10-01 fall in one slot of the table of days read in place; the tally
    // remembers groups by that slot, so it must notice when the slot has changed hands.
    const lines = ['apprehension_date,apprehension_aor,apprehension_criminality'];
    for (let i = 0; i < 3000; i++)
      lines.push(`${i % 3 === 0 ? '1890-10-01' : i % 3 === 1 ? '2018-10-01' : '10/1/2018'},${i % 2 === 0 ? 'NOL' : 'CHI'},1 Convicted Criminal`);
    const { tally, report } = await tallyArrestRecords({ text: `${lines.join('\n')}\n` }, { by: ['fiscalYear', 'day', 'aor'] });
    expect(report.accepted).toBe(3000);
    expect(tally.rows).toStrictEqual([
      { fiscalYear: 'FY1891', day: '1890-10-01', aor: 'CHI', count: 500 },
      { fiscalYear: 'FY1891', day: '1890-10-01', aor: 'NOL', count: 500 },
      { fiscalYear: 'FY2019', day: '2018-10-01', aor: 'CHI', count: 1000 },
      { fiscalYear: 'FY2019', day: '2018-10-01', aor: 'NOL', count: 1000 },
    ]);
    expect(tally.dateRange).toStrictEqual({ first: '1890-10-01', last: '2018-10-01' });
  });

  it('leaves out likely duplicates when asked, and counts them', async () => {
    const all = await tallyArrestRecords(fixturePath('snake-case.csv'), { by: ['aor'] });
    const kept = await tallyArrestRecords(fixturePath('snake-case.csv'), { by: ['aor'], excludeDuplicates: true });
    expect(all.tally.rows).toStrictEqual([
      { aor: 'DEN', count: 2 },
      { aor: 'NOL', count: 1 },
      { aor: 'NYC', count: 1 },
      { aor: 'SLC', count: 3 },
    ]);
    expect(kept.tally.rows).toStrictEqual([
      { aor: 'DEN', count: 1 },
      { aor: 'NOL', count: 1 },
      { aor: 'NYC', count: 1 },
      { aor: 'SLC', count: 3 },
    ]);
    expect(kept.tally).toMatchObject({ total: 6, seen: 7, excluded: { duplicates: 1 } });
    expect(kept.report.accepted).toBe(7);
  });

  it('refuses at once to tally by a dimension no column maps, naming it and the headers (issue #10)', async () => {
    const f = tallyArrestRecords(fixturePath('semicolon.csv'), { by: ['aor', 'apprehensionType'] });
    await expect(f).rejects.toSatisfy((e: unknown) => IcestatError.isInstance(e) && e.code === 'not_determinable');
    await expect(f).rejects.toThrow(
      /semicolon\.csv: cannot tally by "apprehensionType" \(field apprehensionType\): no column of the file maps to it; the header has "Apprehension Date", "Apprehension State", "Apprehension AOR", .*columns option/,
    );
    const parallel = tallyArrestRecords(fixturePath('semicolon.csv'), { by: ['apprehensionType'], workers: 2, minBytesPerWorker: 1 });
    await expect(parallel).rejects.toSatisfy((e: unknown) => IcestatError.isInstance(e) && e.code === 'not_determinable');
  });

  it('gives a single total with no dimensions', async () => {
    const total = await tallyArrestRecords(fixturePath('semicolon.csv'), { by: [] });
    expect(total.tally.rows).toStrictEqual([{ count: 3 }]);
  });

  it('counts by month, state, citizenship, gender and apprehension type', async () => {
    const { tally } = await tallyArrestRecords(fixturePath('snake-case.csv'), { by: ['month', 'state', 'citizenship', 'gender', 'apprehensionType'] });
    expect(tally.rows).toStrictEqual([
      { month: '2024-09', state: 'UT', citizenship: 'MEXICO', gender: 'female', apprehensionType: 'targeted', count: 1 },
      { month: '2024-10', state: 'NV', citizenship: 'GUATEMALA', gender: 'male', apprehensionType: 'targeted', count: 1 },
      { month: '2024-10', state: 'NV', citizenship: 'MEXICO', gender: 'male', apprehensionType: 'collateral', count: 1 },
      { month: '2025-01', state: 'CO', citizenship: 'MEXICO', gender: 'male', apprehensionType: 'targeted', count: 2 },
      { month: '2025-01', state: 'LA', citizenship: 'HONDURAS', gender: 'male', apprehensionType: 'collateral', count: 1 },
      { month: '2025-01', state: 'NY', citizenship: 'VENEZUELA', gender: 'female', apprehensionType: 'collateral', count: 1 },
    ]);
  });

  it.each([
    ['release-style.csv', ['fiscalYear', 'criminality', 'aor']],
    ['release-style.csv', ['state', 'citizenship', 'gender', 'day']],
    ['snake-case.csv', ['month', 'apprehensionType', 'criminality']],
    ['bad-rows.csv', ['fiscalYear', 'gender', 'aor']],
    ['unclosed-quote.csv', ['day', 'criminality']],
  ] as const)('agrees with tallying every record of %s by %j, report and all', async (name, by) => {
    for (const excludeDuplicates of [false, true]) {
      const fast = await tallyArrestRecords(fixturePath(name), { by, excludeDuplicates });
      const slow = await tallyByRecords(name, by, excludeDuplicates);
      expect(fast.tally).toStrictEqual(slow.tally);
      expect(fast.report).toStrictEqual(slow.report);
      expect(fast.tally.seen).toBe(fast.report.accepted);
    }
  });

  it('reads a Web stream as a browser would, with the same result as from a path', async () => {
    const bytes = new TextEncoder().encode(fixtureText('release-style.csv'));
    const options = { by: ['fiscalYear', 'aor'], name: 'release-style.csv' } as const;
    expect(await tallyArrestRecords(trickleStream(bytes, 7), options)).toStrictEqual(await tallyArrestRecords(fixturePath('release-style.csv'), options));
  });

  it('refuses an unknown dimension before reading', async () => {
    await expect(tallyArrestRecords({ text: '' }, { by: ['county' as TallyDimension] })).rejects.toSatisfy(
      (e) => IcestatError.isInstance(e) && e.code === 'invalid_input',
    );
  });
});
