// The demo report (the README's main job): loads the bundled dataset through @icestat/loaders,
// prints each operation with its intervals, rates, breakdowns, criminal shares and the audit, and
// writes examples/out/: one SVG and one Vega-Lite JSON per view, and a self-contained report.html.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { audit } from '@icestat/core';
import { loadDataset } from '@icestat/loaders';
import { tallyArrestRecords } from '@icestat/loaders/csv';
import { bundledDatasetPath, sampleRecordsPath } from './bundled-dataset';
import { renderHtmlReport } from './html-report';
import { renderSvg } from './render';
import { renderTextReport } from './report';
import { demoViews } from './views';

const outDir = fileURLToPath(new URL('../out/', import.meta.url));

const dataset = await loadDataset(bundledDatasetPath);
const { tally, report } = await tallyArrestRecords(sampleRecordsPath, { by: ['fiscalYear', 'criminality'] });
const text = renderTextReport(dataset);
process.stdout.write(text);
process.stdout.write(
  `Sample record-level file (${report.file}): ${report.rowsRead} rows read, ${report.accepted} accepted, ${report.rejected} rejected; ` +
    `${tally.rows.length} groups by fiscal year × criminality.\n\n`,
);

await mkdir(outDir, { recursive: true });
const rendered = [];
for (const view of demoViews(dataset, tally)) {
  const svg = await renderSvg(view.spec);
  await writeFile(`${outDir}${view.name}.svg`, svg);
  await writeFile(`${outDir}${view.name}.vl.json`, `${JSON.stringify(view.spec, null, 2)}\n`);
  rendered.push({ name: view.name, heading: view.heading, svg });
}
await writeFile(`${outDir}report.html`, renderHtmlReport(dataset, rendered, audit(dataset), text));
process.stdout.write(`Wrote ${rendered.length} charts (SVG + Vega-Lite JSON) and report.html to ${outDir}\n`);
