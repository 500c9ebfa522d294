// The library side of bench/cli.mjs: what a user would write instead of running `icestat tally` —
// import the loaders, tally the file (the arrests table), write the same CSV (header, one line a group) to stdout.
//   node bench/lib/library-tally-csv.mjs FILE
import { tallyRecords } from '@icestat/loaders/csv';

const by = ['fiscalYear', 'criminality', 'aor'];
const { tally, report } = await tallyRecords(process.argv[2], { table: 'arrests', by });
const lines = ['fiscal_year,criminality,aor,count', ...tally.rows.map((r) => [...by.map((d) => r[d]), r.count].join(','))];
process.stdout.write(`${lines.join('\n')}\n`);
process.stderr.write(`${report.rowsRead} rows read, ${report.accepted} accepted, ${report.rejected} rejected\n`);
