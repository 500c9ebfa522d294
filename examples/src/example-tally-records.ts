// @icestat/loaders/csv + @icestat/core: stream a record-level arrest file (FOIA release format)
// into a tally by fiscal year and criminality, then read the criminal share under each definition.
//   npm run example:tally-records --workspace=examples [path/to/arrests.csv]
import { criminalShares, tallyBreakdown } from '@icestat/core';
import { tallyArrestRecords } from '@icestat/loaders/csv';
import { sampleRecordsPath } from './bundled-dataset';

const path = process.argv[2] ?? sampleRecordsPath;
const { tally, report } = await tallyArrestRecords(path, { by: ['fiscalYear', 'criminality'] });
console.log(`${report.file}: ${report.rowsRead} rows read = ${report.accepted} accepted + ${report.rejected} rejected`);
for (const r of report.rejections.slice(0, 5)) console.log(`  line ${r.line}${r.column ? `, column "${r.column}"` : ''}: ${r.reason}`);
for (const row of tally.rows) console.log(`  ${row.fiscalYear}  ${String(row.criminality).padEnd(28)} ${row.count}`);

const { total, breakdown } = tallyBreakdown(tally, 'criminality', { source: 'sample-arrests' });
for (const s of Object.values(criminalShares({ breakdown, total }).shares)) {
  console.log(`  ${s.definition.padEnd(26)} ${s.share ? `${s.share.value.toFixed(1)}%` : `not determinable: ${s.reason}`}`);
}
