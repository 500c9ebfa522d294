import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { datasetSchema, type IcestatError, type Dataset, type DatasetInput } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { datasetInput } from '../../../../core/src/__fixtures__/arbitraries';
import { csvRows } from '../../__fixtures__/testing';
import {
  figuresCsvColumns,
  loadFiguresCsv,
  parseFiguresCsv,
  safeLoadFiguresCsv,
  safeParseFiguresCsv,
  stringifyFiguresCsv,
  writeFiguresCsv,
  type FiguresCsvWriteOptions,
} from './index';
import { numericColumns } from './format';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const bundledPath = here('../../../../data/data/icestat-dataset.json');
const bundledCsvPath = here('../../../../data/data/icestat-figures.csv');
const handTypedPath = here('../../__fixtures__/figures/hand-typed.csv');
const bundled: Dataset = datasetSchema.parse(JSON.parse(readFileSync(bundledPath, 'utf8')));
const kitchenInput = JSON.parse(readFileSync(here('../../__fixtures__/json/kitchen-sink.json'), 'utf8')) as DatasetInput;
const kitchen: Dataset = datasetSchema.parse(kitchenInput);

function failure(text: string, options: Parameters<typeof parseFiguresCsv>[1] = {}): IcestatError {
  const r = safeParseFiguresCsv(text, options);
  if (r.success) throw new Error('expected the CSV to be rejected');
  return r.error;
}
const messages = (text: string, options: Parameters<typeof parseFiguresCsv>[1] = {}): string[] => failure(text, options).issues.map((i) => i.message);

const writeOptions: readonly FiguresCsvWriteOptions[] = [{}, { delimiter: ';', newline: '\r\n' }, { delimiter: '\t', columns: 'all', bom: true }];

describe('round trips', () => {
  it('the bundled dataset: JSON → CSV → dataset is deep-equal', () => {
    for (const options of writeOptions) {
      const csv = stringifyFiguresCsv(bundled, options);
      const delimiter = options.delimiter ?? ',';
      expect(parseFiguresCsv(csv, { delimiter })).toStrictEqual(bundled);
    }
  });

  it("the curated dataset's icestat-figures.csv (@icestat/data) is what the writer writes today", () => {
    const csv = stringifyFiguresCsv(bundled);
    // UPDATE_FIXTURES=1 npx vitest run src/csv/figures rewrites it after a deliberate change.
    if (process.env.UPDATE_FIXTURES) writeFileSync(bundledCsvPath, csv);
    expect(readFileSync(bundledCsvPath, 'utf8')).toBe(csv);
    expect(parseFiguresCsv(readFileSync(bundledCsvPath, 'utf8'))).toStrictEqual(bundled);
  });

  it('every feature of the schema survives (the kitchen-sink dataset)', () => {
    for (const options of writeOptions) {
      const csv = stringifyFiguresCsv(kitchen, options);
      expect(parseFiguresCsv(csv, { delimiter: options.delimiter ?? ',' })).toStrictEqual(kitchen);
    }
  });

  it('keeps -0, empty lists and empty objects apart from absent ones', () => {
    const input = structuredClone(kitchenInput) as { operations: { figures: { quantity: Record<string, unknown> }[] }[] };
    input.operations[0]!.figures[5]!.quantity = { value: -0, unit: 'percent-change', low: -0, high: 0 };
    const d = datasetSchema.parse(input);
    const back = parseFiguresCsv(stringifyFiguresCsv(d));
    expect(Object.is(back.operations[0]?.figures[5]?.quantity.value, -0)).toBe(true);
    expect(back).toStrictEqual(d);
    expect(back.sources[1]?.cites).toEqual([]);
    expect(back.sources[2]).not.toHaveProperty('cites');
    expect(back.operations[2]?.aliases).toEqual([]);
    expect(back.operations[1]).not.toHaveProperty('aliases');
    expect(back.operations[0]?.figures[2]?.period).toEqual({});
    expect(back.operations[0]?.breakdowns[1]?.parts[0]?.breakdowns?.[0]?.parts[0]?.breakdowns).toEqual([]);
  });

  test.prop([datasetInput])('random datasets round-trip unchanged', (input) => {
    const d = datasetSchema.parse(input);
    expect(parseFiguresCsv(stringifyFiguresCsv(d))).toStrictEqual(d);
  });

  // Every text field of the kitchen sink replaced by arbitrary text, so that each column (and the
  // json column) sees quotes, delimiters, line breaks, formula characters, BOMs and lone surrogates.
  const textKeys = new Set(['title', 'publisher', 'note', 'name', 'label', 'evidence', 'statement', 'ambiguity', 'description', 'author', 'about']);
  const slots: (readonly (string | number)[])[] = [];
  const collect = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node))
      node.forEach((v, i) => {
        collect(v, [...path, i]);
      });
    else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string' && textKeys.has(k)) slots.push([...path, k]);
        else collect(v, [...path, k]);
      }
    }
  };
  collect(kitchenInput, []);
  const text = fc
    .oneof(
      fc.string({
        unit: fc.constantFrom('a', ' ', ',', ';', '\t', '"', "'", '\n', '\r', '\r\n', '=', '+', '-', '@', '|', '{', 'é', '“', '\ufeff'),
        maxLength: 10,
      }),
      fc.string({ unit: 'binary', maxLength: 10 }),
    )
    .filter((s) => s.trim() !== '');
  test.prop([fc.array(text, { minLength: slots.length, maxLength: slots.length }), fc.constantFrom(...writeOptions)], { numRuns: 40 })(
    'the kitchen sink with arbitrary texts round-trips unchanged',
    (texts, options) => {
      const input = structuredClone(kitchenInput) as unknown as Record<string | number, unknown>;
      slots.forEach((path, i) => {
        let node = input;
        for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
        node[path[path.length - 1]!] = texts[i];
      });
      const d = datasetSchema.parse(input);
      expect(parseFiguresCsv(stringifyFiguresCsv(d, options), { delimiter: options.delimiter ?? ',' })).toStrictEqual(d);
    },
  );

  test.prop([datasetInput, fc.constantFrom(',', ';', '\t' as const)], { numRuns: 50 })(
    'no written text cell starts with = + - @ tab or CR; numbers stay plain',
    (input, delimiter) => {
      const csv = stringifyFiguresCsv(datasetSchema.parse(input), { delimiter });
      const header = csv.slice(0, csv.indexOf('\n')).split(delimiter);
      const rows = csvRows(csv, delimiter).slice(1);
      for (const row of rows) {
        row.forEach((cell, i) => {
          const column = header[i] as (typeof figuresCsvColumns)[number];
          if (numericColumns.has(column)) expect(cell).toMatch(/^(-?\d+(\.\d+)?(e[-+]\d+)?)?$/);
          else expect(['=', '+', '-', '@', '\t', '\r']).not.toContain(cell[0]);
        });
      }
    },
  );
});

describe('a hand-typed file (fixture hand-typed.csv: BOM, CRLF, mixed-case headers, a quoted multi-line cell)', () => {
  const figure = (id: string, value: number, source: string, evidence: string, extra: Record<string, unknown> = {}) => ({
    id,
    metric: 'arrests' as const,
    quantity: { value, unit: 'people' as const },
    source,
    claimant: { role: 'agency' as const, name: 'ICE' },
    evidence,
    ...extra,
  });
  const expected = datasetSchema.parse({
    schemaVersion: '1.0.0',
    title: 'Figures from CSV',
    sources: [
      { id: 'fusion-2016', title: 'U.S. immigration officials confirm 331 arrests in Midwest raids', publisher: 'Fusion', kind: 'news-report' },
      {
        id: 'buzzfeed-2017',
        title: 'ICE Acknowledges It Targeted Sanctuary Cities In Its Most Recent Sweeps',
        publisher: 'BuzzFeed News',
        kind: 'news-report',
      },
      { id: 'wsws-2019', title: 'Trump administration steps up ICE raids', publisher: 'World Socialist Web Site', kind: 'news-report' },
    ],
    operations: [
      {
        id: 'midwest-2016',
        name: 'Midwest raids',
        agency: 'ICE-ERO',
        kind: 'targeted-sweep',
        period: { start: '2016-05-09', end: '2016-06-13' },
        places: [],
        figures: [
          figure('midwest-2016-1', 331, 'fusion-2016', 'the arrest of 331 individuals', { places: [{ kind: 'aor', aor: 'CHI' }] }),
          figure('midwest-2016-2', 39, 'fusion-2016', '39 arrests in Kansas City', { places: [{ kind: 'city', name: 'Kansas City', state: 'MO' }] }),
        ],
        sources: ['fusion-2016'],
      },
      {
        id: 'safe-city-2017',
        name: 'Operation Safe City',
        agency: 'ICE',
        kind: 'targeted-sweep',
        period: {},
        places: [],
        figures: [
          {
            ...figure('safe-city-2017-1', 500, 'buzzfeed-2017', 'nearly 500 people, in a series\nof four-day raids'),
            quantity: { value: 500, unit: 'people', qualifier: 'nearly' },
          },
          figure('safe-city-2017-2', 317, 'buzzfeed-2017', '317 of those arrested had prior criminal convictions'),
        ],
        sources: ['buzzfeed-2017'],
      },
      {
        id: 'surge-2019',
        name: 'September 2019 surge',
        agency: 'ICE',
        kind: 'nationwide-surge',
        period: { start: '2019-09-21', end: '2019-09-25' },
        places: [],
        figures: [
          figure('surge-2019-1', 597, 'wsws-2019', '597 people', { places: [{ kind: 'nation', country: 'US' }] }),
          {
            ...figure('surge-2019-2', 680, 'wsws-2019', 'more than 680 at Mississippi plants', { places: [{ kind: 'state', state: 'MS' }] }),
            metric: 'detentions',
            quantity: { value: 680, unit: 'people', qualifier: 'more-than' },
          },
        ],
        sources: ['wsws-2019'],
      },
    ],
  });

  it('loads to the expected dataset from a path', async () => {
    expect(await loadFiguresCsv(handTypedPath)).toStrictEqual(expected);
  });
  it('loads the same from a Node stream and a Web stream', async () => {
    expect(await loadFiguresCsv(createReadStream(handTypedPath))).toStrictEqual(expected);
    expect(await loadFiguresCsv(new Blob([readFileSync(handTypedPath)]).stream())).toStrictEqual(expected);
  });
  it('reads the same with LF-only and CR-only line endings', () => {
    const text = readFileSync(handTypedPath, 'utf8');
    expect(parseFiguresCsv(text.replaceAll('\r\n', '\n'))).toStrictEqual(expected);
    // Old Mac files end lines with a lone CR; the line break inside the quoted cell stays LF.
    expect(parseFiguresCsv(text.replaceAll('\r\n', '\r'))).toStrictEqual(expected);
    const bad = text.replaceAll('\r\n', '\r').replace(',317,', ',three hundred,');
    expect(messages(bad)).toEqual(['(text):6: column "Value": expected a number such as 498, 47.5 or -5; got "three hundred"']);
  });
  it('takes a title for a file without a dataset row', () => {
    expect(parseFiguresCsv(readFileSync(handTypedPath, 'utf8'), { title: 'My figures' }).title).toBe('My figures');
  });
  it('reads ; and tab delimited files, with the delimiter quoted inside cells', () => {
    const text = readFileSync(handTypedPath, 'utf8');
    expect(parseFiguresCsv(text.replaceAll(',', ';').replace('people; in a series', 'people, in a series'), { delimiter: ';' })).toStrictEqual(expected);
    const semicolon = parseFiguresCsv(
      'operation;operation_name;agency;operation_kind;metric;value;unit;source;source_title;source_publisher;source_kind;claimant_role;evidence\r\nop;Op;ICE;targeted-sweep;arrests;1;people;s;"A; B";P;news-report;agency;"x; ""y"""\r\n',
      { delimiter: ';' },
    );
    expect(semicolon.sources[0]?.title).toBe('A; B');
    expect(semicolon.operations[0]?.figures[0]?.evidence).toBe('x; "y"');
    const tab = parseFiguresCsv(stringifyFiguresCsv(expected, { delimiter: '\t' }), { delimiter: '\t' });
    expect(tab).toStrictEqual(expected);
  });
});

describe('more of what people type', () => {
  it('builds breakdowns from part rows, and nests them under a part by its figure id', () => {
    const csv = [
      'record,operation,operation_name,agency,operation_kind,figure,breakdown,parent,total,dimension,exhaustive,exclusive,category,criminality,value,qualifier,unit,metric,source,source_title,source_publisher,source_kind,claimant_role,evidence',
      ',safe-city,Operation Safe City,ICE,targeted-sweep,arrests,,,,,,,,,498,,people,arrests,bf,Sanctuary sweeps,BuzzFeed News,news-report,agency,nearly 500',
      ',safe-city,,,,convicted,by-criminality,,arrests,criminality,true,true,convicted,convicted,317,,people,arrests,bf,,,,agency,317',
      ',safe-city,,,,not-convicted,by-criminality,,,,,,not-convicted,pending-charges|other-immigration-violator,181,,people,arrests,bf,,,,agency,181',
      ',safe-city,,,,,by-history,not-convicted,,immigration-history,unknown,unknown,undocumented-only,,68,,people,arrests,bf,,,,agency,68',
      ',safe-city,,,,,by-history,,,,,,previously-removed,,104,,people,arrests,bf,,,,agency,104',
    ].join('\n');
    const d = parseFiguresCsv(csv);
    const b = d.operations[0]?.breakdowns[0];
    expect(b).toMatchObject({ id: 'by-criminality', total: 'arrests', exhaustive: true, exclusive: true });
    expect(b?.parts.map((p) => p.figure.id)).toEqual(['convicted', 'not-convicted']);
    expect(b?.parts[1]?.criminality).toEqual(['pending-charges', 'other-immigration-violator']);
    const nested = b?.parts[1]?.breakdowns?.[0];
    expect(nested?.parts.map((p) => [p.category, p.figure.id, p.figure.quantity.value])).toEqual([
      ['undocumented-only', 'by-history-undocumented-only', 68],
      ['previously-removed', 'by-history-previously-removed', 104],
    ]);
  });
  it('reads a file of 2,000 operations with breakdowns, each breakdown under its own operation (issue #10 item 7)', { timeout: 120_000 }, () => {
    const template = bundled.operations.find((o) => o.breakdowns.length > 0)!;
    const json = JSON.stringify(template);
    const operations = Array.from({ length: 2000 }, (_, i) => JSON.parse(json.replaceAll(template.id, `${template.id}-${i}`)) as Dataset['operations'][number]);
    const many: Dataset = { ...bundled, operations, series: [], claims: [] };
    const d = parseFiguresCsv(stringifyFiguresCsv(many));
    expect(d.operations).toHaveLength(2000);
    expect(d.operations[1234]!.breakdowns.map((b) => b.id)).toEqual(template.breakdowns.map((b) => b.id.replaceAll(template.id, `${template.id}-1234`)));
    expect(d).toStrictEqual(datasetSchema.parse(many));
  });

  it('accepts words as qualifiers, any case for enumerations, and undoes a guard on numbers', () => {
    const csv =
      'operation,operation_name,agency,operation_kind,metric,qualifier,value,unit,source,source_title,source_publisher,source_kind,claimant_role,evidence\n' +
      "op,Op,ice,Targeted-Sweep,ARRESTS,Upwards of,'-0.5,Percent-Change,s,T,P,news-report,Agency,x\n";
    const q = parseFiguresCsv(csv).operations[0]?.figures[0]?.quantity;
    expect(q).toMatchObject({ value: -0.5, qualifier: 'more-than', unit: 'percent-change' });
  });
  it('skips blank lines and rows with only empty cells', () => {
    const csv =
      'operation,operation_name,agency,operation_kind,metric,value,unit,source,source_title,source_publisher,source_kind,claimant_role,evidence\n\n,,,,,,,,,,,,\nop,Op,ICE,targeted-sweep,arrests,1,people,s,T,P,news-report,agency,x\n,,,,,,,,,,,,\n';
    expect(parseFiguresCsv(csv).operations[0]?.figures).toHaveLength(1);
  });
});

describe('errors: located, complete, with what was expected and what arrived', () => {
  const header =
    'operation,operation_name,agency,operation_kind,metric,qualifier,value,unit,source,source_title,source_publisher,source_kind,claimant_role,evidence';
  const good = 'op,Op,ICE,targeted-sweep,arrests,,1,people,s,T,P,news-report,agency,x';

  it('a bad number', () => {
    const e = failure(`${header}\n${good}\nop,,,,arrests,,"1,179",people,s,,,,agency,x\n`, { name: 'figures.csv' });
    expect(e.code).toBe('parse_error');
    expect(e.issues).toEqual([
      {
        code: 'invalid_cell',
        message: 'figures.csv:3: column "value": expected a number such as 498, 47.5 or -5; got "1,179" (write it without thousands separators)',
        file: 'figures.csv',
        line: 3,
        column: 'value',
      },
    ]);
    expect(e.message).toBe(
      'Invalid CSV of figures in figures.csv: 1 problem\n  - figures.csv:3: column "value": expected a number such as 498, 47.5 or -5; got "1,179" (write it without thousands separators)',
    );
  });

  it('an unknown qualifier', () => {
    expect(messages(`${header.replace('qualifier', 'Qualifier')}\n${good.replace(',,1,', ',abuot,1,')}\n`)).toEqual([
      '(text):2: column "Qualifier": expected one of exact, approximately, more-than, at-least, nearly, fewer-than, at-most, range (or words such as "about", "over", "almost", "up to"); got "abuot"',
    ]);
  });

  it('unknown columns, each listed', () => {
    const e = failure(`${header},Vaule,Comments\n${good},1,hi\n`);
    expect(e.issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [1, 'Vaule', '(text):1: column "Vaule": unknown column (did you mean "value"?); the columns are listed in the @icestat/loaders README'],
      [1, 'Comments', '(text):1: column "Comments": unknown column; the columns are listed in the @icestat/loaders README'],
    ]);
  });

  it('an unknown column of 24 MB: no suggestion search, the name cut short in the message (issue #10 item 6)', { timeout: 120_000 }, () => {
    const e = failure(`${'q'.repeat(24 << 20)},value\nx,1\n`);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ code: 'unknown_column', line: 1, column: `${'q'.repeat(80)}…` });
    expect(e.issues[0]!.message).toBe(`(text):1: column "${'q'.repeat(80)}…": unknown column; the columns are listed in the @icestat/loaders README`);
  });

  it('100,000 unknown columns, each listed, with suggestions for the near misses only', { timeout: 120_000 }, () => {
    const names = Array.from({ length: 100_000 }, (_, i) => (i === 7 ? 'valeu' : `unknown_${i}`));
    const e = failure(`${names.join(',')}\n${','.repeat(names.length - 1)}\n`);
    expect(e.issues).toHaveLength(100_000);
    expect(e.issues[7]!.message).toContain('(did you mean "value"?)');
    expect(e.issues.filter((i) => i.message.includes('did you mean'))).toHaveLength(1);
  });

  it('a hint when the delimiter is not the one in use', () => {
    expect(messages('operation;value\nop;1\n')).toEqual([
      '(text):1: column "operation;value": unknown column (is the delimiter ";"? pass it as the delimiter option); the columns are listed in the @icestat/loaders README',
    ]);
  });

  it('a wrong cell count, too few and too many, every bad row reported', () => {
    expect(messages(`${header}\n${good}\nop,Op,ICE,targeted-sweep,arrests,,1,people,s,T,P,news-report,agency\n${good},extra\n${good}\n`)).toEqual([
      '(text):3: column "evidence": expected 14 cells, as in the header; received 13',
      '(text):4: column 15: expected 14 cells, as in the header; received 15 (quote a cell that holds the delimiter)',
    ]);
  });

  it('an unclosed quote at the end of the file, at the line where its row starts', () => {
    expect(messages(`${header}\n${good}\nop,,,,arrests,,2,people,s,,,,agency,"two\nlines and no end\n`, { name: 'x.csv' })).toEqual([
      'x.csv:3: column "evidence": expected a closing quote; received none: 1 rejection covering lines 3–4 (to the end of the file); likely a stray quote at line 3, column 37',
    ]);
  });

  it('text after a closing quote', () => {
    expect(messages(`${header}\n${good.replace(',x', ',"x"y')}\n`)).toEqual([
      '(text):2: column "evidence": expected a delimiter or line end after a closing quote; received more text (write "" for a quote inside a quoted cell)',
    ]);
  });

  it('counts physical lines through quoted line breaks', () => {
    const text = `${header}\nop,Op,ICE,targeted-sweep,arrests,,1,people,s,T,P,news-report,agency,"one\ntwo\r\nthree"\nop,,,,arrests,,many,people,s,,,,agency,x\n`;
    expect(messages(text)).toEqual(['(text):5: column "value": expected a number such as 498, 47.5 or -5; got "many"']);
  });

  it('maps schema problems back to the line and column of the cell', () => {
    const e = failure(
      `${header},low,high\n${good},,\nop,,,,arrests,range,500,people,s,,,,agency,"nearly 500,\nthey said",510,498\nop,,,,arrests,,3,people,s,,,,agency,,,\n`,
      { name: 'f.csv' },
    );
    expect(e.code).toBe('invalid_dataset');
    expect(e.issues.map((i) => [i.line, i.column, i.path, i.message])).toEqual([
      [
        3,
        'low',
        'operations[0].figures[1].quantity.low',
        'f.csv:3: column "low": must not exceed high (low 510, high 498) (operations[0].figures[1].quantity.low)',
      ],
      [5, 'evidence', 'operations[0].figures[2].evidence', 'f.csv:5: column "evidence": required, but the cell is empty (operations[0].figures[2].evidence)'],
    ]);
  });

  it('points a bad id and dangling references at their rows and columns', () => {
    const text =
      'record,operation,operation_name,agency,operation_kind,figure,metric,value,unit,source,claimant_role,evidence,claim,claim_kind,inputs\n' +
      'figure,op,Op,ICE,targeted-sweep,Bad_Id,arrests,1,people,nowhere,agency,x,,,\n' +
      'claim,op,,,,,,2,ratio,nowhere,reporter,y,c,ratio,bad-id|missing\n';
    expect(messages(text)).toEqual([
      '(text):2: column "figure": must be a slug of lower-case letters, digits and dashes (e.g. "safe-city-2017") (operations[0].figures[0].id)',
      '(text):2: column "source": names source "nowhere", which is not in the dataset\'s sources (operations[0].figures[0].source)',
      '(text):3: column "source": names source "nowhere", which is not in the dataset\'s sources (operations[0].claims[0].source)',
      '(text):3: column "inputs": names figure "bad-id", which is not in the dataset (operations[0].claims[0].inputs[0])',
      '(text):3: column "inputs": names figure "missing", which is not in the dataset (operations[0].claims[0].inputs[1])',
    ]);
  });

  it('rows of one operation must agree', () => {
    expect(messages(`${header}\n${good}\nop,Op B,ICE,targeted-sweep,arrests,,2,people,s,T,P,news-report,agency,y\n`)).toEqual([
      '(text):3: column "operation_name": "Op B" differs from "Op" on line 2 for operation "op"; the rows of one operation must agree',
    ]);
  });

  it('a cell a row type does not use', () => {
    expect(messages('record,source,source_title,source_publisher,source_kind,value\nsource,s,T,P,news-report,5\n')).toEqual([
      '(text):2: column "value": not used on a source row; got "5"',
    ]);
  });

  it('bad json cells, and json that repeats a column', () => {
    const text = `record,${header},json\nfigure,${good},"{""note"": 1,}"\nfigure,${good.replace('op,Op', 'op,')},"{""evidence"": ""again""}"\nfigure,${good.replace('op,Op', 'op,')},[1]\n`;
    expect(messages(text)).toEqual([
      '(text):2: column "json": invalid JSON at character 12: expected a property name in double quotes after ","; got "}" (JSON allows no comma before "}")',
      '(text):3: column "json": gives "evidence", which column "evidence" gives too; give it once',
      '(text):4: column "json": expected a JSON object such as {"aliases": ["…"]}; got an array',
    ]);
  });

  it('a "__proto__" key in a json cell is refused and pollutes nothing', () => {
    const text = `record,${header},json\nfigure,${good},"{""__proto__"": {""polluted"": true}, ""note"": ""n""}"\n`;
    expect(messages(text)).toEqual([
      '(text):2: column "json": invalid JSON at character 2: a "__proto__" key is not allowed (no icestat object has one, and it can pollute object prototypes)',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(messages(`__proto__\n1\n`)[0]).toBe('(text):1: column "__proto__": unknown column; the columns are listed in the @icestat/loaders README');
  });

  it('an empty file, and a file with only a header', () => {
    expect(messages('')).toEqual(['(text):1: the file has no header row; the first line must name the columns (record, operation, figure, value, …)']);
    expect(parseFiguresCsv(`${header}\n`, { title: 'Empty' })).toMatchObject({ title: 'Empty', sources: [], operations: [] });
  });

  it('safeLoadFiguresCsv resolves to the error; a missing file still rejects', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'icestat-csv-'));
    try {
      const path = join(dir, 'bad.csv');
      writeFileSync(path, `${header}\nop,,,,arrests,,x,people,s,,,,agency,x\n`);
      const r = await safeLoadFiguresCsv(path);
      expect(r.success || r.error.issues[0]?.message).toBe(`${path}:2: column "value": expected a number such as 498, 47.5 or -5; got "x"`);
      await expect(safeLoadFiguresCsv(join(dir, 'missing.csv'))).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the README', () => {
  const readme = readFileSync(here('../../../README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```csv\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('has CSV examples that parse', () => {
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(safeParseFiguresCsv(block).success).toBe(true);
  });
  it('shows the Safe City excerpt exactly as the writer writes it, 5–10 rows', () => {
    const example = blocks[1]!;
    expect(example.trim().split('\n').length - 1).toBeLessThanOrEqual(10);
    const d = parseFiguresCsv(example);
    expect(stringifyFiguresCsv(d)).toBe(example);
    // …and its figures are those of the bundled dataset.
    const op = bundled.operations.find((o) => o.id === 'safe-city-2017');
    expect(d.operations[0]?.figures[0]?.quantity).toEqual(op?.figures[0]?.quantity);
    expect(d.operations[0]?.breakdowns[0]?.parts.map((p) => p.figure.quantity.value)).toEqual([317, 181]);
  });
  it('documents every column', () => {
    for (const column of figuresCsvColumns) expect(readme).toContain(`\`${column}\``);
  });
});

describe('writeFiguresCsv', () => {
  it('writes a file that loadFiguresCsv reads back, with a BOM for Excel when asked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'icestat-csv-'));
    try {
      const path = join(dir, 'figures.csv');
      await writeFiguresCsv(bundled, path, { bom: true, newline: '\r\n' });
      const bytes = await readFile(path);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(await loadFiguresCsv(path)).toStrictEqual(bundled);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('writes a template with every column', () => {
    const template = stringifyFiguresCsv(datasetSchema.parse({ schemaVersion: '1.0.0', title: 'T', sources: [], operations: [] }), { columns: 'all' });
    expect(template.split('\n')[0]).toBe(figuresCsvColumns.join(','));
  });
});
