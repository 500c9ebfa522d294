// Type-checked (never run) as an ES module — the consumer project's package.json has
// "type": "module" — by `tsc -p tsconfig.esm.json` (NodeNext, strict, no skipLibCheck): every
// entry point's ESM types (`import` → `types` → dist/**/*.d.ts) must resolve and be usable.
import {
  audit,
  countFindings,
  createTally,
  datasetSchema,
  IcestatError,
  quantity,
  share,
  type Dataset,
  type Estimate,
  type Finding,
  type TallyResult,
} from '@icestat/core';
import * as loaders from '@icestat/loaders';
import { loadDataset, parseDataset, stringifyDataset } from '@icestat/loaders/json';
import { parseFiguresCsv, tallyArrestRecords, type LoadReport } from '@icestat/loaders/csv';
import { breakdownRows, tallyRows, type ChartRow, type TimeRow } from '@icestat/chart-data';
import { toVegaLitePlaceBars, toVegaLiteTimeSeries, type VegaLiteSpecOptions } from '@icestat/chart-data/vega-lite';
import { type chartJsTooltipLines, toChartJsPlaceBars, type ChartJsBarConfig } from '@icestat/chart-data/chartjs';
import { datasetJsonPath, figuresCsvUrl, loadBundledDataset, readBundledDataset } from '@icestat/data';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartConfiguration } from 'chart.js';
import schema from '@icestat/core/schema/dataset.json' with { type: 'json' };

const dataset: Dataset = await loadDataset('data/icestat-dataset.json');
const again: Dataset = parseDataset(stringifyDataset(dataset), { name: 'again.json' });
const viaRoot: Dataset = await loaders.loadDataset(new URL('file:///tmp/x.json'));
const strict: Dataset = datasetSchema.parse(JSON.parse('{}'));
const bundled: Dataset = await loadBundledDataset();
const bundledSync: Dataset = readBundledDataset();
const dataFiles: [string, URL] = [datasetJsonPath, figuresCsvUrl];

const findings: Finding[] = audit(again);
const errors: number = countFindings(findings).error;
// @ts-expect-error audit returns Finding[], not a number: fails if the types resolved to `any`
const notANumber: number = audit(dataset);

const half: Estimate = share(quantity(566), quantity(1179));
const tally = createTally({ by: ['fiscalYear', 'criminality'] });
// @ts-expect-error 'weekday' is not a tally dimension
createTally({ by: ['weekday'] });

const { tally: counted, report }: { tally: TallyResult; report: LoadReport } = await tallyArrestRecords('data/sample-arrests.csv', {
  by: ['fiscalYear', 'criminality'],
});
const balanced: boolean = report.accepted + report.rejected === report.rowsRead;
const fromCsv: Dataset = parseFiguresCsv('operation,metric,value\n', { name: 'figures.csv' });

const rows: ChartRow[] = breakdownRows(dataset, 'surge-2019-09-by-aor');
const timeRows: TimeRow[] = tallyRows(counted);
const options: VegaLiteSpecOptions = { width: 420, title: 'Arrests' };
const spec: TopLevelSpec = toVegaLitePlaceBars(rows, { ...options, sort: 'report' });
const series: TopLevelSpec = toVegaLiteTimeSeries(timeRows);
const bars: ChartJsBarConfig = toChartJsPlaceBars(rows);
const chart: ChartConfiguration<'bar', ChartJsBarConfig['data']['datasets'][number]['data'], string> = bars;
const lines: typeof chartJsTooltipLines extends (...args: never[]) => string[] ? true : false = true;

const schemaId: string | undefined = (schema as { $id?: string }).$id;
const isError: boolean = IcestatError.isInstance(new Error('x'));

export {
  again,
  viaRoot,
  strict,
  bundled,
  bundledSync,
  dataFiles,
  errors,
  notANumber,
  half,
  tally,
  balanced,
  fromCsv,
  spec,
  series,
  chart,
  lines,
  schemaId,
  isError,
};
