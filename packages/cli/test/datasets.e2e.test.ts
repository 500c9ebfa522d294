import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit, countFindings, figuresOf, type Dataset } from '@icestat/core';
import { stringifyFiguresCsv } from '@icestat/loaders/csv';
import { parseDataset } from '@icestat/loaders/json';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetPath, icestat, seedsDir, seedsPresent } from './helpers';

const withSeeds = seedsPresent ? it : it.skip;
const skipNote = seedsPresent ? '' : ` (skipped: no report texts in ${seedsDir})`;

let dataset: Dataset;
let dir: string;
beforeAll(() => {
  dataset = parseDataset(readFileSync(datasetPath, 'utf8'));
  dir = mkdtempSync(join(tmpdir(), 'icestat-cli-'));
});

/** The bundled dataset with one change, written to a temporary file. */
// biome-ignore lint/suspicious/noExplicitAny: the changes write JSON the model's (readonly) types forbid
function mutated(name: string, change: (d: Record<string, any>) => void): string {
  const raw = JSON.parse(readFileSync(datasetPath, 'utf8'));
  change(raw);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(raw, null, 2));
  return file;
}

describe('icestat audit', () => {
  it('audits the bundled dataset: the counts of core’s audit, grouped by severity with locations, exit 0', async () => {
    const counts = countFindings(audit(dataset));
    const r = await icestat(['audit', 'packages/data/data/icestat-dataset.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`packages/data/data/icestat-dataset.json: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} checks passed`);
    expect(counts).toEqual({ error: 0, warning: 3, info: 10 });
    expect(r.stdout).toContain('Warnings — a reader should look (3)');
    expect(r.stdout).toContain(
      'at operations[2].claims[1] (operation ice-enforcement-2025-01, claim ice-enforcement-2025-01-26-share-undocumented-status) [claim]',
    );
    expect(r.stdout).not.toContain('Checked and consistent');
    const passed = await icestat(['audit', datasetPath, '--passed']);
    expect(passed.stdout).toContain('Checked and consistent (10)');
  });

  it('--json gives every finding as core’s audit does', async () => {
    const r = await icestat(['audit', datasetPath, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.findings).toEqual(JSON.parse(JSON.stringify(audit(dataset))));
    expect(out.counts).toEqual(countFindings(audit(dataset)));
  });

  it('exits 1 when a finding is an error: a part larger than its total', async () => {
    const file = mutated('err.json', (d) => {
      const b = d.operations[4].breakdowns.find((x: { id: string }) => x.id === 'safe-city-2017-by-place');
      b.parts[0].figure.quantity.value = 5000;
    });
    const r = await icestat(['audit', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Errors — cannot be true as stated (2)');
    expect(r.stdout).toContain('the part “Philadelphia” (5,000) exceeds the total nearly 500 [450–500]');
    expect(r.stdout).toContain('at operations[4].breakdowns[2] (operation safe-city-2017, breakdown safe-city-2017-by-place) [parts-exceed-total]');
  });

  it('audits a figures CSV the same as the JSON it came from', async () => {
    const file = join(dir, 'dataset.csv');
    writeFileSync(file, stringifyFiguresCsv(dataset));
    const csv = JSON.parse((await icestat(['audit', file, '--json'])).stdout);
    const json = JSON.parse((await icestat(['audit', datasetPath, '--json'])).stdout);
    expect(csv.counts).toEqual(json.counts);
    expect(csv.findings.map((f: { message: string }) => f.message)).toEqual(json.findings.map((f: { message: string }) => f.message));
  });

  it('exits 2 for a file that is not a dataset, with located problems on stderr', async () => {
    const file = mutated('broken.json', (d) => {
      d.operations[1].sources = ['nope'];
    });
    const r = await icestat(['audit', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.json:\d+:\d+: operations\[1\]\.sources\[0\]: names source "nope"/);
    const missing = await icestat(['audit', join(dir, 'none.json')]);
    expect(missing.code).toBe(2);
  });
});

describe('icestat validate', () => {
  withSeeds(`passes the bundled dataset, and finds every evidence phrase in the four seed reports${skipNote}`, async () => {
    const r = await icestat(['validate', datasetPath]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid (schema and cross-references; 15 sources, 8 operations, 2 series)');
    const items =
      figuresOf(dataset).length + dataset.operations.flatMap((o) => o.claims).length + dataset.series.flatMap((s) => s.claims).length + dataset.claims.length;
    const e = await icestat(['validate', datasetPath, '--texts', seedsDir]);
    expect(e.code).toBe(0);
    expect(e.stdout).toContain(`evidence: ${items} of ${items} found in 4 source text(s)`);
  });

  it('lists every schema and reference problem with file, line, column and path; exit 1', async () => {
    const file = mutated('invalid.json', (d) => {
      d.operations[0].figures[0].quantity.low = 1_000_000;
      d.operations[1].sources = ['nope'];
    });
    const r = await icestat(['validate', file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/invalid\.json:\d+:\d+: operations\[0\]\.figures\[0\]\.quantity\.high: give both low and high/);
    expect(lines[1]).toMatch(/invalid\.json:\d+:\d+: operations\[1\]\.sources\[0\]: names source "nope"/);
    expect(lines[2]).toContain('invalid — 2 problems');
    const json = JSON.parse((await icestat(['validate', file, '--json'])).stdout);
    expect(json.valid).toBe(false);
    expect(json.issues.map((i: { path: string }) => i.path)).toEqual(['operations[0].figures[0].quantity.high', 'operations[1].sources[0]']);
  });

  it('reports JSON syntax errors at their line and column once', async () => {
    const file = join(dir, 'syntax.json');
    writeFileSync(file, '{"title": }');
    const r = await icestat(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('syntax.json:1:11: invalid JSON: expected a value; got "}"');
    expect(r.stdout).not.toContain('syntax.json:1:11: syntax.json:1:11');
  });

  withSeeds(`finds evidence that is not in its source’s text, and names the figure${skipNote}`, async () => {
    const file = mutated('misquoted.json', (d) => {
      d.operations[0].figures[0].evidence = 'the arrest of 3,310 individuals';
    });
    const r = await icestat(['validate', file, '--texts', seedsDir]);
    expect(r.code).toBe(1);
    const id = dataset.operations[0]!.figures[0]!.id;
    expect(r.stdout).toContain(
      `operations[0].figures[0].evidence: the evidence of "${id}", “the arrest of 3,310 individuals”, is not in 000_8f42807424de4bfa.txt`,
    );
  });

  it('validates every file a glob names; one invalid file makes the exit 1', async () => {
    const globDir = mkdtempSync(join(tmpdir(), 'icestat-cli-'));
    writeFileSync(join(globDir, 'a.json'), readFileSync(datasetPath));
    writeFileSync(join(globDir, 'b.json'), '{"schemaVersion": "1.0.0"}');
    const r = await icestat(['validate', '*.json', '--json'], { cwd: globDir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.map((x: { file: string; valid: boolean }) => [x.file, x.valid])).toEqual([
      ['a.json', true],
      ['b.json', false],
    ]);
  });

  it('exits 2 for a --texts that is not a folder', async () => {
    const r = await icestat(['validate', datasetPath, '--texts', join(dir, 'nowhere')]);
    expect(r.code).toBe(2);
  });
});

describe('icestat chart', () => {
  it('writes an SVG and a Vega-Lite spec per chart and a self-contained report.html', { timeout: 120_000 }, async () => {
    const out = join(dir, 'charts');
    const r = await icestat(['chart', datasetPath, '--out', out]);
    expect(r.code).toBe(0);
    const files = readdirSync(out);
    const specs = files.filter((f) => f.endsWith('.vl.json'));
    expect(specs.length).toBeGreaterThanOrEqual(6);
    expect(r.stdout).toContain(`wrote ${specs.length} charts`);
    for (const f of specs) {
      const spec = JSON.parse(readFileSync(join(out, f), 'utf8'));
      expect(spec.$schema, f).toMatch(/vega-lite\/v6/);
      expect(readFileSync(join(out, f.replace('.vl.json', '.svg')), 'utf8')).toMatch(/^<svg/);
    }
    // The Safe City bars carry the report's numbers and their source.
    const safeCity = readFileSync(join(out, 'safe-city-2017-by-place.vl.json'), 'utf8');
    expect(safeCity).toContain('Philadelphia');
    expect(safeCity).toContain('107');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain(`<title>${dataset.title}`);
    expect(html.match(/<figure /g)).toHaveLength(specs.length);
    expect(html).not.toMatch(/<script|<link /);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });

  it('requires --out', async () => {
    const r = await icestat(['chart', datasetPath]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out DIR is required');
  });
});
