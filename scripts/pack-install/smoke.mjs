// The packages end to end, as a user would run them: load the bundled dataset from a path, audit
// it, tally a record-level CSV, build chart data, and compile and render a Vega-Lite spec with the
// installed vega-lite and vega.
import { fileURLToPath } from 'node:url';
import { audit, countFindings } from '@icestat/core';
import { loadDataset } from '@icestat/loaders';
import * as csv from '@icestat/loaders/csv';
import { breakdownRows } from '@icestat/chart-data';
import { loadBundledDataset, figuresCsvPath } from '@icestat/data';
import { toVegaLitePlaceBars } from '@icestat/chart-data/vega-lite';
import { toChartJsPlaceBars } from '@icestat/chart-data/chartjs';
import { compile } from 'vega-lite';
import { parse, View } from 'vega';
import { assert, check, checkParallelTally, finish } from './harness.cjs';

const datasetPath = fileURLToPath(new URL('./data/icestat-dataset.json', import.meta.url));
const recordsPath = fileURLToPath(new URL('./data/sample-arrests.csv', import.meta.url));
const breakdown = 'surge-2019-09-by-aor';

let dataset;
await check('load the bundled dataset (loadDataset from a path)', async () => {
  dataset = await loadDataset(datasetPath);
  assert(dataset.schemaVersion === '1.0.0', `schemaVersion ${dataset.schemaVersion}`);
  return `${dataset.operations.length} operations, ${dataset.sources.length} sources`;
});

await check('@icestat/data: loadBundledDataset() and its figures CSV give the same dataset', async () => {
  const bundled = await loadBundledDataset();
  assert(JSON.stringify(bundled) === JSON.stringify(dataset), 'the installed @icestat/data differs from data/icestat-dataset.json');
  const fromCsv = await csv.loadFiguresCsv(figuresCsvPath);
  assert(JSON.stringify(fromCsv) === JSON.stringify(bundled), 'icestat-figures.csv reads back to a different dataset');
  return `${bundled.operations.length} operations; ${figuresCsvPath.slice(figuresCsvPath.lastIndexOf('node_modules/'))}`;
});

await check('audit: 0 errors, 3 warnings', () => {
  assert(dataset, 'no dataset');
  const findings = audit(dataset);
  const counts = countFindings(findings);
  const warnings = findings.filter((f) => f.severity === 'warning').map((f) => `    ${f.code}: ${f.message}`);
  assert(counts.error === 0 && counts.warning === 3, `got ${JSON.stringify(counts)}\n${warnings.join('\n')}`);
  return `${findings.length} findings (${counts.error} errors, ${counts.warning} warnings, ${counts.info} info)`;
});

await check('tally sample-arrests.csv by fiscalYear × criminality', async () => {
  const { tally, report } = await csv.tallyArrestRecords(recordsPath, { by: ['fiscalYear', 'criminality'] });
  assert(report.rowsRead === 3000, `rowsRead ${report.rowsRead}, expected 3000`);
  assert(report.accepted + report.rejected === report.rowsRead, `accepted ${report.accepted} + rejected ${report.rejected} ≠ rowsRead ${report.rowsRead}`);
  assert(tally.seen === report.accepted, `tally saw ${tally.seen}, the report accepted ${report.accepted}`);
  const counted = tally.rows.reduce((n, r) => n + r.count, 0);
  assert(counted === tally.total, `rows sum to ${counted}, total is ${tally.total}`);
  assert(
    tally.rows.every((r) => typeof r.fiscalYear === 'string' && typeof r.criminality === 'string'),
    'a row lacks fiscalYear or criminality',
  );
  return `rowsRead ${report.rowsRead} = ${report.accepted} accepted + ${report.rejected} rejected; ${tally.rows.length} groups`;
});

await check('parallel tally: worker threads start from the installed package (ESM)', () => checkParallelTally(csv, recordsPath, 'js'));

let rows;
await check(`breakdownRows(dataset, '${breakdown}')`, () => {
  rows = breakdownRows(dataset, breakdown);
  assert(rows.length === 10, `${rows.length} rows, expected 10`);
  assert(
    rows.every((r) => r.source && typeof r.text === 'string'),
    'a row lacks its source or text',
  );
  return `${rows.length} rows, ${rows.reduce((s, r) => s + (r.value ?? 0), 0)} arrests`;
});

await check('toVegaLitePlaceBars → vega-lite compile → vega View (renderer none) toSVG: 10 bars', async () => {
  assert(rows, 'no rows');
  const spec = toVegaLitePlaceBars(rows);
  const warnings = [];
  const logger = {
    level: () => logger,
    warn: (...a) => {
      warnings.push(a.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
    error: (...a) => {
      throw new Error(a.map(String).join(' '));
    },
  };
  const compiled = compile(spec, { logger });
  const view = new View(parse(compiled.spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  assert(svg.startsWith('<svg'), 'not an SVG');
  const bars = countItems(svg, 'rect', 'bars');
  assert(bars === 10, `${bars} bars in the SVG, expected 10`);
  const labels = countItems(svg, 'text', 'labels');
  return `${bars} bars, ${labels} labels, ${(svg.length / 1024).toFixed(0)} KiB SVG${warnings.length ? `, vega-lite warned: ${warnings.join('; ')}` : ''}`;
});

await check('toChartJsPlaceBars: 10 labels, plain data', () => {
  assert(rows, 'no rows');
  const config = toChartJsPlaceBars(rows);
  assert(config.type === 'bar' && config.data.labels.length === 10, `type ${config.type}, ${config.data.labels.length} labels`);
  const copy = JSON.parse(JSON.stringify(config));
  assert(copy.data.datasets.length === config.data.datasets.length, 'not JSON-serialisable');
  return `${config.data.datasets.length} dataset${config.data.datasets.length === 1 ? '' : 's'}, ${config.data.labels.length} labels`;
});

/** Items (path, line or text elements) inside the `<g class="mark-<type> role-mark <name>…">` groups of an SVG. */
function countItems(svg, type, name) {
  const open = new RegExp(`<g class="mark-${type} role-mark ${name}[^"]*"[^>]*?(/?)>`, 'g');
  let n = 0;
  for (let m = open.exec(svg); m; m = open.exec(svg)) {
    if (m[1] === '/') continue;
    const body = svg.slice(open.lastIndex, svg.indexOf('</g>', open.lastIndex));
    n += body.match(/<(path|line|text)\b/g)?.length ?? 0;
  }
  return n;
}

finish();
