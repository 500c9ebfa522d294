import {
  agencySchema,
  claimantSchema,
  claimKindSchema,
  criminalityClassSchema,
  dimensionSchema,
  metricSchema,
  operationKindSchema,
  placeSchema,
  precisionSchema,
  qualifierFromWords,
  qualifierSchema,
  seriesIntervalSchema,
  sourceKindSchema,
  unitSchema,
  type PlaceKind,
} from '@icestat/core';

/**
 * The columns of the CSV-of-figures format, in the order the writer puts them. Header names are
 * matched case-insensitively, with spaces and dashes read as underscores; any order is accepted.
 */
export const figuresCsvColumns = [
  'record',
  'source',
  'operation',
  'series',
  'figure',
  'breakdown',
  'parent',
  'total',
  'claim',
  'title',
  'operation_name',
  'agency',
  'operation_kind',
  'period_start',
  'period_end',
  'period_days',
  'period_precision',
  'period_label',
  'series_name',
  'interval',
  'dimension',
  'exhaustive',
  'exclusive',
  'ambiguity',
  'category',
  'label',
  'criminality',
  'offence',
  'place_kind',
  'place',
  'place_state',
  'place_label',
  'metric',
  'qualifier',
  'value',
  'low',
  'high',
  'bounds',
  'unit',
  'figure_period_start',
  'figure_period_end',
  'figure_period_days',
  'figure_period_precision',
  'figure_period_label',
  'claim_kind',
  'inputs',
  'statement',
  'source_title',
  'source_publisher',
  'source_kind',
  'source_published',
  'source_url',
  'source_author',
  'citing',
  'claimant_role',
  'claimant_name',
  'evidence',
  'note',
  'json',
] as const;

/** One column of the CSV-of-figures format. */
export type FiguresCsvColumn = (typeof figuresCsvColumns)[number];

/** What a row of the CSV-of-figures format describes (its `record` column). */
export type FiguresCsvRecord = 'dataset' | 'source' | 'operation' | 'series' | 'figure' | 'part' | 'breakdown' | 'claim';

/** Every value of the `record` column. */
export const figuresCsvRecords: readonly FiguresCsvRecord[] = ['dataset', 'source', 'operation', 'series', 'figure', 'part', 'breakdown', 'claim'];

/** Columns that hold numbers, written as plain numbers (never formula-guarded). */
export const numericColumns: ReadonlySet<FiguresCsvColumn> = new Set(['value', 'low', 'high', 'period_days', 'figure_period_days']);

/** How a cell is read and written. */
export type CellKind =
  | { readonly kind: 'text' }
  | { readonly kind: 'code' }
  | { readonly kind: 'enum'; readonly options: readonly string[] }
  | { readonly kind: 'qualifier' }
  | { readonly kind: 'number' }
  | { readonly kind: 'list'; readonly options?: readonly string[] }
  | { readonly kind: 'tristate' };

/** A flat column holding one field of a record, at `path` inside the record's object. */
export interface Field {
  readonly column: FiguresCsvColumn;
  readonly path: readonly string[];
  readonly cell: CellKind;
}

/** How one record type maps to a row. */
export interface RecordSpec {
  readonly type: FiguresCsvRecord;
  readonly fields: readonly Field[];
  /** Where the place columns go: one place (`part.place`) or a one-element list (`figure.places`). */
  readonly place?: { readonly path: readonly string[]; readonly many: boolean };
  /** Paths of quantities, whose rule-derived `low`/`high`/`bounds` the writer leaves out. */
  readonly quantities: readonly (readonly string[])[];
  /** Keys held by rows of their own, never by the `json` column. */
  readonly children: readonly string[];
  /** Values the reader fills in when a required field is absent (and the writer leaves out). */
  readonly defaults: Readonly<Record<string, unknown>>;
}

const text: CellKind = { kind: 'text' };
const code: CellKind = { kind: 'code' };
const number: CellKind = { kind: 'number' };
const tristate: CellKind = { kind: 'tristate' };
const oneOf = (options: readonly string[]): CellKind => ({ kind: 'enum', options });
const f = (column: FiguresCsvColumn, path: readonly string[], cell: CellKind): Field => ({ column, path, cell });

function quantityFields(base: readonly string[]): Field[] {
  return [
    f('qualifier', [...base, 'qualifier'], { kind: 'qualifier' }),
    f('value', [...base, 'value'], number),
    f('low', [...base, 'low'], number),
    f('high', [...base, 'high'], number),
    f('bounds', [...base, 'bounds'], oneOf(['rule', 'explicit'])),
    f('unit', [...base, 'unit'], oneOf(unitSchema.options)),
  ];
}

function periodFields(prefix: 'period' | 'figure_period', base: readonly string[]): Field[] {
  return [
    f(`${prefix}_start`, [...base, 'start'], code),
    f(`${prefix}_end`, [...base, 'end'], code),
    f(`${prefix}_days`, [...base, 'days'], number),
    f(`${prefix}_precision`, [...base, 'precision'], oneOf(precisionSchema.options)),
    f(`${prefix}_label`, [...base, 'label'], text),
  ];
}

function provenanceFields(base: readonly string[]): Field[] {
  return [
    f('source', [...base, 'source'], code),
    f('citing', [...base, 'citing'], code),
    f('claimant_role', [...base, 'claimant', 'role'], oneOf(claimantSchema.shape.role.options)),
    f('claimant_name', [...base, 'claimant', 'name'], text),
    f('evidence', [...base, 'evidence'], text),
    f('note', [...base, 'note'], text),
  ];
}

function figureFields(base: readonly string[]): Field[] {
  return [
    f('figure', [...base, 'id'], code),
    f('metric', [...base, 'metric'], oneOf(metricSchema.options)),
    ...quantityFields([...base, 'quantity']),
    ...periodFields('figure_period', [...base, 'period']),
    ...provenanceFields(base),
  ];
}

const none: Readonly<Record<string, unknown>> = Object.freeze({});

/** The record specs, by record type. */
export const recordSpecs: Readonly<Record<FiguresCsvRecord, RecordSpec>> = {
  dataset: {
    type: 'dataset',
    fields: [f('title', ['title'], text), f('note', ['note'], text)],
    quantities: [],
    children: ['sources', 'operations', 'series', 'claims'],
    defaults: none,
  },
  source: {
    type: 'source',
    fields: [
      f('source', ['id'], code),
      f('source_title', ['title'], text),
      f('source_publisher', ['publisher'], text),
      f('source_kind', ['kind'], oneOf(sourceKindSchema.options)),
      f('source_published', ['published'], code),
      f('source_url', ['url'], text),
      f('source_author', ['author'], text),
      f('citing', ['cites'], { kind: 'list' }),
      f('note', ['note'], text),
    ],
    quantities: [],
    children: [],
    defaults: none,
  },
  operation: {
    type: 'operation',
    fields: [
      f('operation', ['id'], code),
      f('operation_name', ['name'], text),
      f('agency', ['agency'], oneOf(agencySchema.options)),
      f('operation_kind', ['kind'], oneOf(operationKindSchema.options)),
      ...periodFields('period', ['period']),
      f('source', ['sources'], { kind: 'list' }),
      f('note', ['note'], text),
    ],
    place: { path: ['places'], many: true },
    quantities: [],
    children: ['figures', 'breakdowns', 'claims'],
    defaults: { period: {}, places: [] },
  },
  series: {
    type: 'series',
    fields: [
      f('series', ['id'], code),
      f('series_name', ['name'], text),
      f('agency', ['agency'], oneOf(agencySchema.options)),
      f('metric', ['metric'], oneOf(metricSchema.options)),
      f('interval', ['interval'], oneOf(seriesIntervalSchema.options)),
      f('note', ['note'], text),
    ],
    quantities: [],
    children: ['figures', 'claims'],
    defaults: none,
  },
  figure: {
    type: 'figure',
    fields: figureFields([]),
    place: { path: ['places'], many: true },
    quantities: [['quantity']],
    children: [],
    defaults: none,
  },
  part: {
    type: 'part',
    fields: [
      f('category', ['category'], code),
      f('label', ['label'], text),
      f('criminality', ['criminality'], { kind: 'list', options: criminalityClassSchema.options }),
      f('offence', ['offence'], code),
      ...figureFields(['figure']),
    ],
    place: { path: ['place'], many: false },
    quantities: [['figure', 'quantity']],
    children: ['breakdowns'],
    defaults: none,
  },
  breakdown: {
    type: 'breakdown',
    fields: [
      f('breakdown', ['id'], code),
      f('dimension', ['dimension'], oneOf(dimensionSchema.options)),
      f('total', ['total'], code),
      f('exhaustive', ['exhaustive'], tristate),
      f('exclusive', ['exclusive'], tristate),
      f('ambiguity', ['ambiguity'], text),
      f('note', ['note'], text),
    ],
    quantities: [],
    children: ['parts'],
    defaults: none,
  },
  claim: {
    type: 'claim',
    fields: [
      f('claim', ['id'], code),
      f('claim_kind', ['kind'], oneOf(claimKindSchema.options)),
      f('inputs', ['inputs'], { kind: 'list' }),
      ...periodFields('figure_period', ['period']),
      ...quantityFields(['stated']),
      f('statement', ['statement'], text),
      ...provenanceFields([]),
    ],
    quantities: [['stated']],
    children: [],
    defaults: none,
  },
};

/** Columns that describe an operation, allowed on the rows of its figures, parts and claims. */
export const operationGroup: readonly FiguresCsvColumn[] = [
  'operation_name',
  'agency',
  'operation_kind',
  'period_start',
  'period_end',
  'period_days',
  'period_precision',
  'period_label',
];
/** Columns that describe a series, allowed on the rows of its figures and claims. */
export const seriesGroup: readonly FiguresCsvColumn[] = ['series_name', 'agency', 'interval'];
/** Columns that describe a source, allowed on every row that names it. */
export const sourceGroup: readonly FiguresCsvColumn[] = ['source_title', 'source_publisher', 'source_kind', 'source_published', 'source_url', 'source_author'];
/** Columns that describe a breakdown, allowed on the rows of its parts. */
export const breakdownGroup: readonly FiguresCsvColumn[] = ['operation', 'parent', 'dimension', 'total', 'exhaustive', 'exclusive', 'ambiguity'];

// ---------------------------------------------------------------------------------------------
// Cells

const listItem = /^[^\s|]+$/;

/**
 * Writes a value in a cell of the given kind, or says it cannot be (the writer then keeps it in
 * the `json` column).
 *
 * @param cell - The cell kind.
 * @param value - The value at the field's path.
 * @returns The cell text, or `undefined` when the value does not fit the column.
 * @throws Never.
 * @example
 * formatCell({ kind: 'list' }, ['a', 'b']); // => 'a|b'
 */
export function formatCell(cell: CellKind, value: unknown): string | undefined {
  switch (cell.kind) {
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
    case 'code':
      return typeof value === 'string' && value !== '' && value === value.trim() ? value : undefined;
    case 'enum':
      return typeof value === 'string' && cell.options.includes(value) ? value : undefined;
    case 'qualifier':
      return typeof value === 'string' && (qualifierSchema.options as readonly string[]).includes(value) ? value : undefined;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
      return Object.is(value, -0) ? '-0' : String(value);
    case 'list':
      if (!Array.isArray(value) || value.length === 0) return undefined;
      if (!value.every((v): v is string => typeof v === 'string' && listItem.test(v) && (!cell.options || cell.options.includes(v)))) return undefined;
      return value.join('|');
    case 'tristate':
      return value === true ? 'true' : value === false ? 'false' : value === 'unknown' ? 'unknown' : undefined;
  }
}

const numberRe = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function matchOption(raw: string, options: readonly string[]): string | undefined {
  const key = raw.trim().toLowerCase();
  return options.find((o) => o.toLowerCase() === key);
}

function shown(raw: string): string {
  return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);
}

/** The outcome of {@link parseCell}. */
export type CellResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly what: string };

/**
 * Reads a non-empty cell of the given kind.
 *
 * @param cell - The cell kind.
 * @param raw - The cell text, formula guard already undone.
 * @returns The value, or what was expected and what arrived.
 * @throws Never.
 * @example
 * parseCell({ kind: 'number' }, '1,179');
 * // => { ok: false, what: 'expected a number such as 498, 47.5 or -5; got "1,179" (write it without thousands separators)' }
 */
export function parseCell(cell: CellKind, raw: string): CellResult {
  switch (cell.kind) {
    case 'text':
      return { ok: true, value: raw };
    case 'code':
      return { ok: true, value: raw.trim() };
    case 'enum': {
      const value = matchOption(raw, cell.options);
      return value === undefined ? { ok: false, what: `expected one of ${cell.options.join(', ')}; got ${shown(raw)}` } : { ok: true, value };
    }
    case 'qualifier': {
      const value = qualifierFromWords(raw);
      if (value !== undefined) return { ok: true, value };
      return {
        ok: false,
        what: `expected one of ${qualifierSchema.options.join(', ')} (or words such as "about", "over", "almost", "up to"); got ${shown(raw)}`,
      };
    }
    case 'number': {
      const t = raw.trim();
      if (numberRe.test(t)) return { ok: true, value: Number(t) };
      const hint = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)
        ? ' (write it without thousands separators)'
        : /^-?\d+,\d+$/.test(t)
          ? ' (write decimals with a point)'
          : /%\s*$/.test(t)
            ? ' (write the number alone; the unit column says percent)'
            : '';
      return { ok: false, what: `expected a number such as 498, 47.5 or -5; got ${shown(raw)}${hint}` };
    }
    case 'list': {
      const items = raw.split('|').map((s) => s.trim());
      if (items.some((s) => s === '')) return { ok: false, what: `expected items separated by "|" with none empty; got ${shown(raw)}` };
      if (!cell.options) return { ok: true, value: items };
      const options = cell.options;
      const values = items.map((s) => matchOption(s, options));
      const bad = items.filter((_, i) => values[i] === undefined);
      if (bad.length > 0) return { ok: false, what: `expected items among ${options.join(', ')}, separated by "|"; got ${bad.map(shown).join(', ')}` };
      return { ok: true, value: values };
    }
    case 'tristate': {
      const t = raw.trim().toLowerCase();
      if (t === 'true') return { ok: true, value: true };
      if (t === 'false') return { ok: true, value: false };
      if (t === 'unknown') return { ok: true, value: 'unknown' };
      return { ok: false, what: `expected true, false or unknown; got ${shown(raw)}` };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Places

/** Every place kind, in the order of the place schema. */
export const placeKinds: readonly PlaceKind[] = placeSchema.options.map((o) => o.shape.kind.value);

type PlaceLayout = Readonly<Record<string, readonly [FiguresCsvColumn, CellKind]>>;
const label = ['place_label', text] as const;
const list: CellKind = { kind: 'list' };

/** Which place column holds which key of a place, by kind. A site's `city` has no column. */
export const placeLayouts: Readonly<Record<PlaceKind, PlaceLayout>> = {
  nation: { country: ['place', code], label },
  region: { name: ['place', text], states: ['place_state', list], label },
  state: { state: ['place', code], label },
  county: { name: ['place', text], state: ['place_state', code], label },
  city: { name: ['place', text], state: ['place_state', code], label },
  metro: { name: ['place', text], states: ['place_state', list], label },
  aor: { aor: ['place', code], label },
  'aor-set': { aors: ['place', list], label },
  'not-recorded': { label },
  site: { name: ['place', text], state: ['place_state', code], label },
};

/**
 * Writes a place in the place columns, when every key it has has a column.
 *
 * @param place - A place object.
 * @returns The cells by column, or `undefined` when the place needs the `json` column.
 * @throws Never.
 * @example
 * placeToCells({ kind: 'aor', aor: 'CHI' }); // => Map { 'place_kind' => 'aor', 'place' => 'CHI' }
 */
export function placeToCells(place: unknown): Map<FiguresCsvColumn, string> | undefined {
  if (typeof place !== 'object' || place === null || Array.isArray(place)) return undefined;
  const p = place as Record<string, unknown>;
  const kind = p.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(placeLayouts, kind)) return undefined;
  const layout = placeLayouts[kind as PlaceKind];
  const cells = new Map<FiguresCsvColumn, string>([['place_kind', kind]]);
  for (const [key, value] of Object.entries(p)) {
    if (key === 'kind') continue;
    const slot = Object.hasOwn(layout, key) ? layout[key] : undefined;
    if (!slot) return undefined;
    const cell = formatCell(slot[1], value);
    if (cell === undefined) return undefined;
    cells.set(slot[0], cell);
  }
  return cells;
}

/**
 * The place column that holds a key of a place of some kind.
 *
 * @param kind - The place kind (from `place_kind`), if known.
 * @param key - A key of the place object.
 * @returns The column; `place_kind` when the key has none.
 * @throws Never.
 * @example
 * placeColumn('county', 'state'); // => 'place_state'
 */
export function placeColumn(kind: string | undefined, key: string | number | undefined): FiguresCsvColumn {
  if (kind === undefined || !Object.hasOwn(placeLayouts, kind) || typeof key !== 'string') return 'place_kind';
  const slot = placeLayouts[kind as PlaceKind][key];
  return slot ? slot[0] : 'place_kind';
}
