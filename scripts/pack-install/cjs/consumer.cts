// Type-checked (never run) as a CommonJS module — a .cts file, in a folder whose package.json
// says "type": "commonjs" — by `tsc -p tsconfig.cjs.json` (NodeNext, strict): every entry point's
// CJS types (`require` → `types` → dist/**/*.d.cts) must resolve and be usable. The imports below
// compile to require() calls.
import { audit, countFindings, createTally, IcestatError, type Dataset, type Finding, type TallyResult } from '@icestat/core';
import * as loaders from '@icestat/loaders';
import { loadDataset } from '@icestat/loaders/json';
import { tallyArrestRecords, type LoadReport } from '@icestat/loaders/csv';
import { breakdownRows, type ChartRow } from '@icestat/chart-data';
import { toVegaLitePlaceBars, type VegaLiteSpecOptions } from '@icestat/chart-data/vega-lite';
import { toChartJsPlaceBars, type ChartJsBarConfig } from '@icestat/chart-data/chartjs';
import { datasetJsonPath, loadBundledDataset } from '@icestat/data';
import type { ChartConfiguration } from 'chart.js';
import schema = require('@icestat/core/schema/dataset.json');

// vega-lite and chart.js publish ESM-only types. Under "module": "NodeNext" TypeScript 5.8+ lets a
// CommonJS file import them (Node 20.19+ can require() ESM), as chart-data's own .d.cts files do;
// under "node16" (or TypeScript <= 5.7) those imports are TS1479/TS1541 errors, and only
// skipLibCheck hides the ones inside @icestat/chart-data/dist/{vega-lite,chartjs}/index.d.cts.
import type { TopLevelSpec } from 'vega-lite';

export async function main(): Promise<number> {
  const dataset: Dataset = await loadDataset('data/icestat-dataset.json');
  const viaRoot: Dataset = await loaders.loadDataset('data/icestat-dataset.json');
  const bundled: Dataset = await loadBundledDataset();
  const bundledPath: string = datasetJsonPath;
  const findings: Finding[] = audit(viaRoot);
  // @ts-expect-error audit returns Finding[], not a number: fails if the types resolved to `any`
  const notANumber: number = audit(dataset);

  const { tally, report }: { tally: TallyResult; report: LoadReport } = await tallyArrestRecords('data/sample-arrests.csv', {
    by: ['fiscalYear', 'criminality'],
  });
  createTally({ by: ['aor'] }).merge(createTally({ by: ['aor'] }).snapshot());

  const rows: ChartRow[] = breakdownRows(dataset, 'surge-2019-09-by-aor');
  const options: VegaLiteSpecOptions = { width: 420 };
  const spec: TopLevelSpec = toVegaLitePlaceBars(rows, options);
  const bars: ChartJsBarConfig = toChartJsPlaceBars(rows);
  const chart: ChartConfiguration<'bar', ChartJsBarConfig['data']['datasets'][number]['data'], string> = bars;

  const schemaVersion: string = (schema as { $schema?: string }).$schema ?? '';
  const isError: boolean = IcestatError.isInstance(new Error('x'));
  void [notANumber, spec, chart, schemaVersion, isError, bundled, bundledPath];
  return countFindings(findings).error + tally.total + report.rejected;
}
