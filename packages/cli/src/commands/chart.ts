import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { audit, breakdownsOf, IcestatError, type Dataset } from '@icestat/core';
import { breakdownRows, comparisonRows, criminalityRows, seriesRows } from '@icestat/chart-data';
import { toVegaLiteComparison, toVegaLiteCriminality, toVegaLitePlaceBars, toVegaLiteTimeSeries } from '@icestat/chart-data/vega-lite';
import { commonOptions, parseCommandArgs } from '../args';
import { readDataset } from '../engine';
import { expandInputs } from '../inputs';
import type { CliIo } from '../io';
import { paintFor } from '../paint';
import { exitCodes, UsageError } from '../usage-error';
import { describeIssues } from './validate';

/** The text of `icestat chart --help`. */
export const help = `icestat chart — charts and a report page for an icestat dataset

Usage: icestat chart DATASET --out DIR

Writes into DIR, for DATASET (JSON or figures CSV):
  <name>.vl.json   a Vega-Lite spec per chart, the numbers inline with their intervals and sources
  <name>.svg       the same chart drawn as SVG
  report.html      one self-contained page: the charts, the audit's findings, the sources

Charts: each place breakdown (bars with intervals), the share "criminal" under each definition,
each series over time, and the operations compared by arrests per day.

Options:
  --out DIR        the folder to write to (created if missing)
  -h, --help       this help

Examples:
  icestat chart packages/data/data/icestat-dataset.json --out charts/
`;

interface View {
  readonly name: string;
  readonly heading: string;
  readonly spec: object;
}

/** A view, or none when the data cannot give it (a rate without a period, …): charts never guess. */
function tryView(build: () => View | undefined): View | undefined {
  try {
    return build();
  } catch (e) {
    if (IcestatError.isInstance(e)) return undefined;
    throw e;
  }
}

/** The charts the dataset can give, from chart-data's builders. */
function viewsOf(dataset: Dataset): View[] {
  const views: (View | undefined)[] = [];
  for (const visit of breakdownsOf(dataset)) {
    if (visit.breakdown.dimension !== 'place' || visit.depth > 0) continue;
    views.push(
      tryView(() => ({ name: visit.breakdown.id, heading: `${visit.operation.name}: by place`, spec: toVegaLitePlaceBars(breakdownRows(dataset, visit)) })),
    );
  }
  for (const definition of ['convicted', 'ice-criminal'] as const) {
    views.push(
      tryView(() => {
        const rows = criminalityRows(dataset, definition);
        return rows.length === 0
          ? undefined
          : { name: `criminality-${definition}`, heading: `Share “criminal” (${definition})`, spec: toVegaLiteCriminality(rows) };
      }),
    );
  }
  for (const s of dataset.series) views.push(tryView(() => ({ name: `series-${s.id}`, heading: s.name, spec: toVegaLiteTimeSeries(seriesRows(dataset, s)) })));
  const comparable = dataset.operations.filter((o) => o.period.start && o.period.end && o.figures.length > 0);
  if (comparable.length >= 2) {
    views.push(
      tryView(() => ({
        name: 'operations-per-day',
        heading: 'Operations compared: arrests per day',
        spec: toVegaLiteComparison(comparisonRows(dataset, comparable, { measure: 'per-day' })),
      })),
    );
  }
  return views.filter((v): v is View => v !== undefined);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function reportHtml(dataset: Dataset, rendered: readonly (View & { svg: string })[]): string {
  const findings = audit(dataset).filter((f) => f.severity !== 'info');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(dataset.title)} — icestat</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}figure svg{max-width:100%;height:auto}.error{color:#b00020}.warning{color:#9a5b00}td{padding:.3rem .5rem;vertical-align:top;border-bottom:1px solid #eee}</style>
</head>
<body>
<h1>${escapeHtml(dataset.title)}</h1>
<p>${escapeHtml(dataset.description ?? '')}</p>
<h2>Charts</h2>
${rendered.map((v) => `<figure id="${escapeHtml(v.name)}"><figcaption><strong>${escapeHtml(v.heading)}</strong></figcaption>\n${v.svg}\n</figure>`).join('\n')}
<h2>Audit: ${findings.length} finding${findings.length === 1 ? '' : 's'} to look at</h2>
<table>${findings.map((f) => `<tr><td class="${f.severity}">${f.severity}</td><td>${escapeHtml(f.message)}</td><td><code>${escapeHtml(f.location.path)}</code></td></tr>`).join('\n')}</table>
<h2>Sources</h2>
<ul>${dataset.sources.map((s) => `<li>${s.url ? `<a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a>` : escapeHtml(s.title)} — ${escapeHtml(s.publisher)}</li>`).join('\n')}</ul>
</body>
</html>
`;
}

/** Draws a Vega-Lite spec as SVG in Node (vega-lite compiles, vega renders without a canvas). */
async function renderSvg(spec: object): Promise<string> {
  const [{ compile }, { parse, View }] = await Promise.all([import('vega-lite'), import('vega')]);
  const view = new View(parse(compile(spec as Parameters<typeof compile>[0]).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Runs `icestat chart`.
 *
 * @param argv - The arguments after `chart`.
 * @param io - Streams, environment and working directory.
 * @returns The exit code.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('chart', {
    args: [...argv],
    allowPositionals: true,
    strict: true,
    allowNegative: true,
    options: { ...commonOptions, out: { type: 'string', short: 'o' } },
  });
  if (values.help) {
    io.stdout.write(help);
    return exitCodes.ok;
  }
  if (values.out === undefined) throw new UsageError('--out DIR is required: the folder to write the charts to', 'chart');
  const inputs = await expandInputs(positionals, io, 'chart');
  if (inputs.length !== 1) throw new UsageError(`expected one dataset; received ${inputs.length}`, 'chart');
  const input = inputs[0]!;
  const loaded = await readDataset(input);
  if (!loaded.success) {
    io.stderr.write(describeIssues(input.name, loaded.error, paintFor(io.stderr, io.env)));
    return exitCodes.badInput;
  }
  const dir = resolve(io.cwd, values.out);
  await mkdir(dir, { recursive: true });
  const rendered: (View & { svg: string })[] = [];
  for (const view of viewsOf(loaded.data)) {
    const svg = await renderSvg(view.spec);
    await writeFile(join(dir, `${view.name}.vl.json`), `${JSON.stringify(view.spec, null, 2)}\n`);
    await writeFile(join(dir, `${view.name}.svg`), svg);
    rendered.push({ ...view, svg });
  }
  await writeFile(join(dir, 'report.html'), reportHtml(loaded.data, rendered));
  io.stdout.write(`wrote ${rendered.length} charts (SVG + Vega-Lite JSON) and report.html to ${values.out}\n`);
  for (const v of rendered) io.stdout.write(`  ${v.name}  ${v.heading}\n`);
  return exitCodes.ok;
}
