import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { audit, countFindings, figuresOf, SCHEMA_VERSION, type Dataset } from '@icestat/core';
import { toJsonSchema } from '@icestat/core/json-schema';
import { parseFiguresCsv, stringifyFiguresCsv } from '@icestat/loaders/csv';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetJsonPath, figuresCsvPath, loadBundledDataset, readBundledDataset } from './index';

// The news reports' texts are their publishers' and not part of this repository; CI keeps them
// beside it. Without them the evidence check is skipped, unless ICESTAT_REQUIRE_REALDATA=1 says it
// must run.
const seedsDir = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
const requireRealData = process.env.ICESTAT_REQUIRE_REALDATA === '1';
const haveSeeds = existsSync(seedsDir);

let dataset: Dataset;
let byId: Map<string, ReturnType<typeof figuresOf>[number]>;
beforeAll(() => {
  dataset = readBundledDataset();
  byId = new Map(figuresOf(dataset).map((v) => [v.figure.id, v]));
});

function value(id: string): number | undefined {
  return byId.get(id)?.figure.quantity.value;
}
function values(filter: (v: ReturnType<typeof figuresOf>[number]) => boolean): number[] {
  return [...byId.values()].filter(filter).map((v) => v.figure.quantity.value);
}
function operation(id: string) {
  const o = dataset.operations.find((x) => x.id === id);
  if (!o) throw new Error(`no operation ${id}`);
  return o;
}

describe('the bundled dataset', () => {
  it('parses and holds the four reports’ operations', () => {
    expect(dataset.schemaVersion).toBe('1.0.0');
    expect(dataset.operations.map((o) => o.id)).toEqual(
      expect.arrayContaining(['midwest-2016', 'ice-enforcement-2025-01', 'safe-city-2017', 'surge-2019-09', 'multi-state-2019-06']),
    );
  });

  it('report 000: 331 arrests May 9 – June 13 2016 in the Chicago AOR; 39 in Kansas City; Chicago 106 men + 1 woman; no minors; 121 earlier', () => {
    const midwest = operation('midwest-2016');
    expect(midwest.period).toMatchObject({ start: '2016-05-09', end: '2016-06-13' });
    expect(midwest.places).toContainEqual(expect.objectContaining({ kind: 'aor', aor: 'CHI' }));
    expect(value('midwest-2016-arrests')).toBe(331);
    expect(values((v) => v.operation?.id === 'midwest-2016')).toEqual(expect.arrayContaining([331, 39, 106, 1, 0]));
    const sex = midwest.breakdowns.find((b) => b.dimension === 'sex');
    expect(sex?.parts.map((p) => [p.category, p.figure.quantity.value])).toEqual([
      ['male', 106],
      ['female', 1],
    ]);
    expect(midwest.namedOffences?.[0]?.offences).toEqual(expect.arrayContaining(['burglary', 'domestic-violence', 'sex-offence', 'dui']));
    expect(values((v) => v.operation?.id === 'georgia-texas-north-carolina-2016-01')).toEqual([121]);
  });

  it('report 001: about 1,000 a day; 956 official vs 1,179 internal; 613 criminal, 566 not (~47%); car wash 7 by more than a dozen agents', () => {
    const ops = ['ice-enforcement-2025-01', 'philadelphia-car-wash-raid-2025-01-28'];
    expect(values((v) => ops.includes(v.operation?.id ?? ''))).toEqual(expect.arrayContaining([1000, 956, 1179, 613, 566, 7, 12]));
    const kinds = new Map(dataset.sources.map((s) => [s.id, s.kind]));
    expect(kinds.get(byId.get('ice-enforcement-2025-01-26-internal-arrests')?.figure.citing ?? '')).toBe('internal-statistics');
    expect(byId.get('philadelphia-car-wash-2025-agents')?.figure.quantity).toMatchObject({ qualifier: 'more-than', value: 12 });
    const claim = operation('ice-enforcement-2025-01').claims.find((c) => c.kind === 'share');
    expect(claim?.stated).toMatchObject({ value: 47, unit: 'percent', qualifier: 'approximately' });
  });

  it('report 002: nearly 500 (498); 317 convicted (DUI 86, sex 16, DV 12); 181 (68, 104); 18 gang; ten jurisdictions', () => {
    expect(byId.get('safe-city-2017-arrests')?.figure.quantity).toMatchObject({ value: 500, qualifier: 'nearly' });
    expect(values((v) => v.operation?.id === 'safe-city-2017')).toEqual(
      expect.arrayContaining([498, 317, 86, 16, 12, 181, 68, 104, 18, 107, 28, 30, 63, 101, 45, 33, 27, 14, 50]),
    );
    const places = operation('safe-city-2017').breakdowns.find((b) => b.dimension === 'place');
    expect(places?.parts).toHaveLength(10);
    const gang = operation('safe-city-2017').breakdowns.find((b) => b.dimension === 'gang-affiliation');
    expect(gang?.exclusive).toBe('unknown');
    expect(gang?.ambiguity).toMatch(/181/);
  });

  it('report 004: 597 over Sept 21–25 in 20 states; nearly 1,300; June 299 in 12; 680 in Mississippi; ten AORs; ERO and CBP series', () => {
    expect(operation('surge-2019-09').period).toMatchObject({ start: '2019-09-21', end: '2019-09-25' });
    expect(values(() => true)).toEqual(expect.arrayContaining([597, 20, 1300, 299, 12, 680, 326876, 1800000, 322093, 1500000]));
    const aors = operation('surge-2019-09').breakdowns.find((b) => b.dimension === 'place');
    expect(aors?.parts.map((p) => (p.place?.kind === 'aor' ? p.place.aor : null))).toEqual([
      'CHI',
      'NYC',
      'BOS',
      'WAS',
      'NEW',
      'DET',
      'DAL',
      'SNA',
      'PHI',
      'DEN',
    ]);
    expect(aors?.parts.map((p) => p.figure.quantity.value)).toEqual([97, 82, 80, 57, 54, 46, 49, 45, 45, 42]);
    const claims = operation('surge-2019-09').claims.map((c) => [c.kind, c.stated.value]);
    expect(claims).toEqual(
      expect.arrayContaining([
        ['ratio', 2],
        ['difference', 700],
      ]),
    );
  });

  it('audits with 0 errors and the 3 warnings the reports themselves give rise to', () => {
    const findings = audit(dataset);
    expect(countFindings(findings).error).toBe(0);
    // 181 − (68 + 104) leaves 9 unexplained; "around 47%" for 566 of 1,179 (48.0%); 956 vs 1,179 on Jan. 26.
    expect(findings.filter((f) => f.severity === 'warning').map((f) => f.code)).toEqual(['unexplained-remainder', 'claim', 'sources-disagree']);
  });

  it('has the schema version this build of @icestat/core writes', () => {
    expect(dataset.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('loads the same dataset asynchronously', async () => {
    expect(await loadBundledDataset()).toStrictEqual(dataset);
  });

  it('gives every figure and claim a source in the dataset', () => {
    const ids = new Set(dataset.sources.map((s) => s.id));
    const claims = [...dataset.operations.flatMap((o) => o.claims), ...dataset.claims];
    for (const item of [...[...byId.values()].map((v) => v.figure), ...claims]) {
      expect(ids.has(item.source), `${item.id}: source ${item.source}`).toBe(true);
      if (item.citing !== undefined) expect(ids.has(item.citing), `${item.id}: citing ${item.citing}`).toBe(true);
      expect(item.evidence.trim().length, item.id).toBeGreaterThan(0);
    }
  });

  const evidenceTitle = `finds each evidence phrase verbatim in its source report${haveSeeds || requireRealData ? '' : ` (skipped: no report texts in ${seedsDir})`}`;
  it.skipIf(!haveSeeds && !requireRealData)(evidenceTitle, () => {
    expect(haveSeeds, `the report texts are missing: ${seedsDir}`).toBe(true);
    const seeds = new Map(readdirSync(seedsDir).map((f) => [f, readFileSync(seedsDir + f, 'utf8').replace(/\s+/g, ' ')]));
    const seedOf = new Map(
      dataset.sources.flatMap((s) => {
        const file = [...seeds.keys()].find((f) => s.note?.includes(f));
        return file ? [[s.id, file] as const] : [];
      }),
    );
    expect(seedOf.size).toBe(4);
    const claims = [...dataset.operations.flatMap((o) => o.claims), ...dataset.claims];
    const items = [...[...byId.values()].map((v) => v.figure), ...claims];
    expect(items.length).toBeGreaterThan(55);
    for (const item of items) {
      const file = seedOf.get(item.source);
      expect(file, `${item.id} is read in a seed report`).toBeDefined();
      expect(seeds.get(file ?? '')?.includes(item.evidence.replace(/\s+/g, ' ')), `${item.id}: "${item.evidence}"`).toBe(true);
    }
  });

  it('validates against the published JSON Schema under Ajv strict', { timeout: 60_000 }, () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const validate = ajv.compile(toJsonSchema('dataset'));
    const raw = JSON.parse(readFileSync(datasetJsonPath, 'utf8'));
    expect(validate(raw), JSON.stringify(validate.errors)).toBe(true);
    raw.operations[0].figures[0].quantity.qualifier = 'loads';
    expect(validate(raw)).toBe(false);
  });
});

describe('the tidy figures CSV', () => {
  it('is what the loaders’ figures writer writes from the JSON today (after editing the JSON, run `npm run generate`)', () => {
    expect(readFileSync(figuresCsvPath, 'utf8')).toBe(stringifyFiguresCsv(readBundledDataset()));
  });

  it('reads back into the same dataset', () => {
    expect(parseFiguresCsv(readFileSync(figuresCsvPath, 'utf8'), { name: 'icestat-figures.csv' })).toStrictEqual(readBundledDataset());
  });
});

describe('the README', () => {
  it('states the counts of what the dataset holds', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const dataset = readBundledDataset();
    const breakdowns = (bs: readonly Dataset['operations'][number]['breakdowns'][number][]): number =>
      bs.length + bs.reduce((n, b) => n + b.parts.reduce((m, p) => m + breakdowns(p.breakdowns ?? []), 0), 0);
    const counts = {
      figures: figuresOf(dataset).length,
      operations: dataset.operations.length,
      series: dataset.series.length,
      sources: dataset.sources.length,
      breakdowns: dataset.operations.reduce((n, o) => n + breakdowns(o.breakdowns), 0),
      claims: dataset.operations.reduce((n, o) => n + o.claims.length, 0) + dataset.claims.length,
    };
    expect(counts).toEqual({ figures: 54, operations: 8, series: 2, sources: 15, breakdowns: 10, claims: 4 });
    for (const [what, n] of Object.entries(counts)) expect(readme).toContain(`**${n} ${what}**`);
  });
});
