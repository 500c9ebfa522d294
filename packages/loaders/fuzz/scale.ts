// `npm run fuzz:scale`: times the inputs that used to cost quadratic time or unbounded memory
// (issue #10 items 6 and 7), at doubling sizes, so a reader can see each is now linear. Prints
// a table; asserts nothing about speed (no verdict may depend on the machine).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseDataset, readArrestRecords, safeParseDataset, safeParseFiguresCsv, stringifyFiguresCsv, tallyArrestRecords } from '../src/index';

const ms = (f: () => unknown): number => {
  const t = performance.now();
  f();
  return Math.round(performance.now() - t);
};
const mb = (): number => Math.round(process.memoryUsage().rss / 2 ** 20);
const row = (what: string, size: string, t: number): void => console.log(`${what.padEnd(52)} ${size.padStart(14)} ${String(t).padStart(8)} ms  rss ${mb()} MB`);
const max = Number(process.env.SCALE_MAX ?? 4);

// Item 6: an unknown figures-CSV column name of 1 MB … 24 MB, and 12,500 … 100,000 unknown columns.
for (const size of [1, 2, 4, 8, 16, 24].filter((s) => s <= 6 * max)) {
  const text = `${'q'.repeat(size << 20)},value\nx,1\n`;
  row(
    'figures CSV: one unknown column name',
    `${size} MB`,
    ms(() => safeParseFiguresCsv(text)),
  );
}
for (const n of [12_500, 25_000, 50_000, 100_000].filter((_, i) => i < max)) {
  const text = `${Array.from({ length: n }, (_, i) => `unknown_${i}`).join(',')}\n${','.repeat(n - 1)}\n`;
  row(
    'figures CSV: unknown columns',
    `${n.toLocaleString('en-US')} cols`,
    ms(() => safeParseFiguresCsv(text)),
  );
}

// Item 7: safeParseDataset locating every issue (one per value of a long array of bad values).
for (const n of [36_000, 72_000, 144_000, 288_000].filter((_, i) => i < max)) {
  const text = `{"schemaVersion":1,"title":"t","operations":[${Array.from({ length: n }, () => '0').join(',')}]}`;
  let issues = 0;
  const t = ms(() => {
    const r = safeParseDataset(text);
    issues = r.success ? 0 : r.error.issues.length;
  });
  row(`safeParseDataset: ${issues.toLocaleString('en-US')} issues`, `${Math.round(text.length / 1024)} KB`, t);
}

// Item 7: a valid figures CSV with many operations and breakdowns.
const bundled = parseDataset(readFileSync(fileURLToPath(new URL('../../data/data/icestat-dataset.json', import.meta.url)), 'utf8'));
const template = bundled.operations.find((o) => (o.breakdowns?.length ?? 0) > 0)!;
for (const n of [1_000, 2_000, 4_000, 8_000].filter((_, i) => i < max)) {
  const json = JSON.stringify(template);
  const operations = Array.from({ length: n }, (_, i) => JSON.parse(json.replaceAll(template.id, `${template.id}-${i}`)));
  const csv = stringifyFiguresCsv({ ...bundled, operations, series: [], claims: [] });
  let ok = false;
  const t = ms(() => {
    ok = safeParseFiguresCsv(csv).success;
  });
  row(`figures CSV: valid, ${ok ? 'read' : 'NOT READ'}`, `${n.toLocaleString('en-US')} ops, ${Math.round(csv.length / 2 ** 20)} MB`, t);
}

// Record files of a million rows (SCALE_RECORDS=1): a stray quote swallowing the file, and blank-looking
// rows above the header read with the default options (workers) and on one thread.
if (process.env.SCALE_RECORDS === '1') {
  const dir = mkdtempSync(join(tmpdir(), 'icestat-scale-'));
  try {
    const header = 'Apprehension Date,Apprehension AOR,Apprehension Criminality\n';
    const body = Array.from({ length: 1_000_000 }, (_, i) => `2017-01-15,${['CHI', 'NYC', 'PHI'][i % 3]},1 Convicted Criminal\n`).join('');
    const stray = join(dir, 'stray.csv');
    writeFileSync(stray, `${header}2017-01-15,"CHI,1 Convicted Criminal\n${body.slice(body.indexOf('\n') + 1)}`);
    let t = performance.now();
    const reader = readArrestRecords(stray);
    for await (const _ of reader) void _;
    row('records: a stray quote, readArrestRecords', '1,000,001 lines', Math.round(performance.now() - t));
    console.log(`  ${reader.report.rejected} rejection: ${reader.report.rejections[0]?.reason}`);
    t = performance.now();
    const tallied = await tallyArrestRecords(stray, { by: ['aor'] });
    row('records: a stray quote, tallyArrestRecords (auto)', '1,000,001 lines', Math.round(performance.now() - t));
    console.log(`  rows read ${tallied.report.rowsRead}, rejected ${tallied.report.rejected}`);

    const blank = join(dir, 'blank.csv');
    writeFileSync(blank, `,,,,\n${header}${body}`);
    t = performance.now();
    const auto = await tallyArrestRecords(blank, { by: ['aor'] });
    row('records: ",,,," above the header, tally (auto)', '1,000,000 rows', Math.round(performance.now() - t));
    t = performance.now();
    const one = await tallyArrestRecords(blank, { by: ['aor'], workers: 1 });
    row('records: ",,,," above the header, tally (1 thread)', '1,000,000 rows', Math.round(performance.now() - t));
    console.log(`  same tally and report: ${isDeepStrictEqual(auto, one)}; ${JSON.stringify(auto.tally.rows)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
