// resolution-mode: vega-lite's types are ESM only; this lets CommonJS consumers (.d.cts) read them.
// biome-ignore syntax/correctness/noTypeOnlyImportAttributes: TypeScript (5.3+) allows resolution-mode on a type-only import; Biome's parser does not know it yet
import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };
import type { CriminalityRow } from '../tidy/criminality-rows';
import { frame, labelsInOrder, provenanceTooltip, schemaUrl, sourceLine, values } from './internal';
import type { VegaLiteSpecOptions } from './options';

/** The three parts of a criminality bar, as the legend names them. */
const parts = {
  criminal: 'criminal',
  open: 'cannot tell from the data',
  notCriminal: 'not criminal',
} as const;

/**
 * A Vega-Lite spec of the "criminal" share of each operation's arrests under one definition, as
 * 100% bars: the part known to be criminal, the part known not to be, and — where the data cannot
 * tell — a dashed grey band between them spanning the shares the data allows, with the reason in
 * the tooltip. Nothing is guessed: an operation whose share is determinable has no band. Each bar
 * is labelled with its text ("63.7% (317 of 498)"). Marks are named `criminal`, `undetermined`,
 * `notCriminal`, `intervals` and `labels`.
 *
 * @param rows - Rows from `criminalityRows`, all under one definition.
 * @param options - Title, extra subtitle lines, size.
 * @returns A Vega-Lite v6 spec with the rows inline; shares on a `.0%` axis.
 * @example
 * toVegaLiteCriminality(criminalityRows(dataset, 'convicted')).title.subtitle[0];
 * // => '“Criminal” here: convicted of any crime.'
 */
export function toVegaLiteCriminality(rows: readonly CriminalityRow[], options: VegaLiteSpecOptions = {}): TopLevelSpec {
  const descriptions = [...new Set(rows.map((r) => r.description))];
  const definition = descriptions.length === 1 ? `“Criminal” here: ${descriptions[0] ?? ''}.` : `“Criminal” here: ${descriptions.join('; ')}.`;
  const caption = [definition, sourceLine(rows)];
  if (rows.some((r) => !r.determinable)) {
    caption.push('Dashed grey: what the data cannot tell; the band spans the shares it allows (reason in the tooltip).');
  }
  if (rows.some((r) => r.determinable && r.high > r.low)) caption.push('Error bars show the interval of the share.');
  const tips = provenanceTooltip(rows);
  const tooltip = [
    { field: 'label', type: 'nominal' as const, title: 'Operation' },
    { field: 'description', type: 'nominal' as const, title: '“Criminal”' },
    ...tips.tooltip,
  ];
  const color = (part: string) => ({
    datum: part,
    type: 'nominal' as const,
    scale: { domain: [parts.criminal, parts.open, parts.notCriminal], range: ['#c44e52', '#bbbbbb', '#8fb3d9'] },
    legend: { title: null, orient: 'bottom' as const, labelLimit: 240 },
  });
  const x = (field: string) => ({
    field,
    type: 'quantitative' as const,
    title: 'share of arrests',
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  });
  return {
    $schema: schemaUrl,
    ...frame(options, { title: 'How many of those arrested were “criminal”?', width: 420, height: { step: 28 } }, caption),
    data: { values: values(rows) },
    transform: [
      { calculate: '0', as: 'zero' },
      { calculate: '1', as: 'one' },
      { calculate: 'datum.low / 100', as: 'lowShare' },
      { calculate: 'datum.high / 100', as: 'highShare' },
      { calculate: '(datum.determinable ? datum.value : datum.low) / 100', as: 'criminalEnd' },
      { calculate: '(datum.determinable ? datum.value : datum.high) / 100', as: 'notCriminalStart' },
      ...tips.transform,
    ],
    encoding: {
      y: { field: 'label', type: 'nominal', sort: labelsInOrder(rows), title: null, axis: { labelLimit: 320 } },
      tooltip,
    },
    layer: [
      {
        name: 'criminal',
        transform: [{ filter: 'datum.criminalEnd > 0' }],
        mark: { type: 'bar' },
        encoding: { x: x('zero'), x2: { field: 'criminalEnd' }, color: color(parts.criminal) },
      },
      {
        name: 'undetermined',
        transform: [{ filter: '!datum.determinable' }],
        mark: { type: 'bar', opacity: 0.6, stroke: '#555555', strokeDash: [4, 2], strokeWidth: 1 },
        encoding: { x: x('lowShare'), x2: { field: 'highShare' }, color: color(parts.open) },
      },
      {
        name: 'notCriminal',
        transform: [{ filter: 'datum.notCriminalStart < 1' }],
        mark: { type: 'bar' },
        encoding: { x: x('notCriminalStart'), x2: { field: 'one' }, color: color(parts.notCriminal) },
      },
      {
        name: 'intervals',
        transform: [{ filter: 'datum.determinable && datum.high > datum.low' }],
        mark: { type: 'errorbar', ticks: true, size: 10, color: '#222222' },
        encoding: { x: x('lowShare'), x2: { field: 'highShare' } },
      },
      {
        name: 'labels',
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: 10, color: '#333333' },
        encoding: { x: x('one'), text: { field: 'text', type: 'nominal' } },
      },
    ],
  };
}
