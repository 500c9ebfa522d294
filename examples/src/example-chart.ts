// @icestat/chart-data: turn a breakdown into tidy rows and a Vega-Lite spec, render it to SVG.
//   npm run example:chart --workspace=examples > chart.svg
import { breakdownRows } from '@icestat/chart-data';
import { toVegaLitePlaceBars } from '@icestat/chart-data/vega-lite';
import { readBundledDataset } from './bundled-dataset';
import { renderSvg } from './render';

const dataset = readBundledDataset();
const rows = breakdownRows(dataset, 'surge-2019-09-by-aor');
console.error(rows.map((r) => `${r.label}: ${r.text} — “${r.evidence}”`).join('\n'));
process.stdout.write(await renderSvg(toVegaLitePlaceBars(rows, { title: 'September 2019 surge: arrests by ICE area' })));
