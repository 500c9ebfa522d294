// Each browser entry point of the published packages (the list of `npm run check:size`) is bundled
// for `platform: browser` from the TypeScript sources and run in headless Chromium: it loads
// without errors and computes the same numbers as in Node.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { breakdownRows } from '@icestat/chart-data';
import { readBundledDataset } from '@icestat/data';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Chromium and sets ICESTAT_REQUIRE_BROWSER=1, so there the browser check cannot be skipped.
const requireBrowser = process.env.ICESTAT_REQUIRE_BROWSER === '1';
const { entries } = JSON.parse(readFileSync(`${root}scripts/size-budgets.json`, 'utf8')) as { entries: { name: string; code: string }[] };

// biome-ignore lint/suspicious/noExplicitAny: a bundle's exports and the rows reach a probe untyped (each probe reads a different entry point)
type Untyped = any;
// What each bundle computes in the page. `lib` is the bundle's exports; `input` the test's data.
type Probe = (lib: Untyped, input: { readonly json: string; readonly dataset: unknown; readonly rows: readonly Untyped[] }) => unknown | Promise<unknown>;
const probes: Record<string, { readonly probe: Probe; readonly expected: unknown }> = {
  '@icestat/core': {
    // "more than 680" at "approximately 75 percent" convicted leaves about 170 in [119, 276] (report 004).
    probe: (lib, { json }) => {
      const notConvicted = lib.complement(lib.quantity(680, 'more than'), lib.quantity(75, 'approximately', { unit: 'percent' }));
      const dataset = lib.datasetSchema.parse(JSON.parse(json));
      return { notConvicted, operations: dataset.operations.length, errors: lib.countFindings(lib.audit(dataset)).error };
    },
    expected: { notConvicted: { value: 170, low: 119, high: 276, unit: 'people' }, operations: 8, errors: 0 },
  },
  '@icestat/core { quantity, share }': {
    // 566 of 1,179 arrests is 48.0% (report 001 says "around 47%").
    probe: (lib) => {
      const s = lib.share(lib.quantity(566), lib.quantity(1179));
      return {
        share: Math.round(s.value * 100) / 100,
        nearly500: [lib.quantity(500, 'nearly').low, lib.quantity(500, 'nearly').high],
        exports: Object.keys(lib).sort(),
      };
    },
    expected: { share: 48.01, nearly500: [450, 500], exports: ['quantity', 'share'] },
  },
  '@icestat/loaders/json': {
    probe: async (lib, { json }) => {
      const parsed = lib.parseDataset(json);
      const streamed = await lib.loadDataset(new Blob([json]).stream(), { name: 'blob' });
      const bad = lib.safeParseDataset('{"title": }', { name: 'data.json' });
      const path = await lib.loadDataset('data/dataset.json').then(
        () => 'loaded',
        (e: Error) => e.message,
      );
      return { operations: parsed.operations.length, streamed: streamed.sources.length, bad: bad.error.message, path };
    },
    expected: {
      operations: 8,
      streamed: 15,
      bad: 'data.json:1:11: invalid JSON: expected a value; got "}"',
      path: 'data/dataset.json: reading a file path needs Node.js; in a browser, pass an http(s) URL, a ReadableStream or the text itself',
    },
  },
  '@icestat/chart-data': {
    // The September 2019 surge by Area of Responsibility: ten AORs summing to 597 (report 004).
    probe: (lib, { dataset }) => {
      const rows = lib.breakdownRows(dataset, 'surge-2019-09-by-aor');
      return { rows: rows.length, sum: rows.reduce((n: number, r: { value: number }) => n + r.value, 0), first: rows[0].value };
    },
    expected: { rows: 10, sum: 597, first: 97 },
  },
  '@icestat/chart-data/vega-lite': {
    // The surge's ten AOR rows (made in Node by breakdownRows) as a bar chart spec.
    probe: (lib, { rows }) => {
      const spec = lib.toVegaLitePlaceBars(rows);
      return { values: spec.data.values.map((r: { value: number }) => r.value), bar: JSON.stringify(spec).includes('"bar"') };
    },
    expected: { values: [97, 82, 80, 57, 54, 46, 49, 45, 45, 42], bar: true },
  },
  '@icestat/chart-data/chartjs': {
    // Chart.js sorts the bars by value, largest first (Detroit's 46 after Dallas's 49).
    probe: (lib, { rows }) => {
      const config = lib.toChartJsPlaceBars(rows);
      return { type: config.type, bars: config.data.labels.length, data: config.data.datasets[0].data.slice(0, 7) };
    },
    expected: { type: 'bar', bars: 10, data: [97, 82, 80, 57, 54, 49, 46] },
  },
};

async function browserBundle(code: string): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: '__icestat',
    minify: true,
    write: false,
    logLevel: 'silent',
    target: 'es2022',
    conditions: ['@icestat/source'],
  });
  return result.outputFiles[0]!.text;
}

describe('browser bundles', () => {
  it('every entry point checked by check:size has a probe here', () => {
    expect(Object.keys(probes).sort()).toEqual(entries.map((e) => e.name).sort());
  });

  describe.runIf(requireBrowser || existsSync(chromium))('in headless Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      const { chromium: launcher } = await import('playwright-core');
      browser = await launcher.launch({
        executablePath: chromium,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
    });

    const dataset = readBundledDataset();
    const input = {
      json: readFileSync(`${root}packages/data/data/icestat-dataset.json`, 'utf8'),
      dataset,
      rows: breakdownRows(dataset, 'surge-2019-09-by-aor'),
    };
    it.each(entries.map((e) => [e.name, e.code] as const))('%s loads and computes', { timeout: 120_000 }, async (name, code) => {
      const bundle = await browserBundle(code);
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      try {
        await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
        await page.addScriptTag({ content: bundle });
        const { probe, expected } = probes[name]!;
        const got = await page.evaluate(
          async ({ source, input }) => {
            // The probe travels as source text and runs against the bundle's global.
            // biome-ignore lint/security/noGlobalEval: the probe is this test's own function, sent to the page as text (indirect eval: global scope)
            const run = globalThis.eval(`(${source})`) as Probe;
            return run((globalThis as { __icestat?: Untyped }).__icestat, input);
          },
          { source: probe.toString(), input },
        );
        expect(got).toEqual(expected);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});
