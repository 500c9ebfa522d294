#!/usr/bin/env node
// Browser budgets: bundles each browser entry point of the published packages with esbuild
// (platform browser, minified, ESM) and checks its minified and gzip sizes against
// scripts/size-budgets.json. A Node built-in anywhere in a bundle fails it: esbuild cannot
// resolve `node:*` for the browser.
//
// Usage: node scripts/check-size.mjs [--source] [--levers] [--json]
//   --source  bundle the TypeScript sources (the @icestat/source condition) instead of dist/
//             (dist is what users get; it needs `npm run build` first)
//   --levers  also measure what zod's locales cost and what English-only locales, a namespace
//             import of zod, or zod/mini would save (information, never a failure)
//   --json    print the measurements as JSON
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const budgetsFile = fileURLToPath(new URL('./size-budgets.json', import.meta.url));
const { entries } = JSON.parse(readFileSync(budgetsFile, 'utf8'));

const argv = process.argv.slice(2);
const unknown = argv.filter((a) => !['--source', '--levers', '--json'].includes(a));
if (unknown.length > 0) {
  console.error(`unknown option ${unknown.join(' ')}; usage: node scripts/check-size.mjs [--source] [--levers] [--json]`);
  process.exit(2);
}
const source = argv.includes('--source');
if (!source) {
  const missing = ['core', 'loaders', 'chart-data'].filter((p) => !existsSync(`${root}packages/${p}/dist/index.js`));
  if (missing.length > 0) {
    console.error(
      `check:size measures the built packages, but ${missing.map((p) => `packages/${p}/dist`).join(', ')} is missing: run \`npm run build\` first (or pass --source)`,
    );
    process.exit(2);
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const isZodLocale = (path) => /node_modules\/zod\/v4\/locales\/(?!en\.js$)[^/]+\.js$/.test(path);

/**
 * Bundles `code` (resolved from the repository root) for the browser and measures it.
 * @returns {Promise<{ min: number, gzip: number, zodLocales: number, inputs: number }>}
 */
async function measure(code, { plugins = [], conditions = source ? ['@icestat/source'] : [] } = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    target: 'es2022',
    conditions,
    plugins,
  });
  const out = result.outputFiles[0].contents;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  const zodLocales = Object.entries(inputs)
    .filter(([path]) => isZodLocale(path))
    .reduce((n, [, i]) => n + i.bytesInOutput, 0);
  return { min: out.length, gzip: gzipSync(out, { level: 9 }).length, zodLocales, inputs: Object.keys(inputs).length };
}

const rows = [];
let failed = 0;
for (const entry of entries) {
  try {
    const m = await measure(entry.code);
    const over = [];
    if (m.gzip > entry.maxGzipBytes) over.push(`gzip ${kb(m.gzip)} > budget ${kb(entry.maxGzipBytes)}`);
    if (over.length) failed++;
    rows.push({ name: entry.name, ...m, budget: entry.maxGzipBytes, ok: over.length === 0, problem: over.join('; ') });
  } catch (e) {
    failed++;
    const messages = (e.errors ?? []).map((x) => `${x.text}${x.location ? ` (${x.location.file}:${x.location.line})` : ''}`);
    rows.push({ name: entry.name, ok: false, problem: `does not bundle for the browser: ${messages.join('; ') || e.message}` });
  }
}

let levers;
if (argv.includes('--levers')) levers = await measureLevers();

if (argv.includes('--json')) {
  console.log(JSON.stringify({ source, rows, levers }, null, 2));
} else {
  console.log(`Browser bundles (esbuild, platform browser, minified, gzip -9; from ${source ? 'sources' : 'dist'}):`);
  for (const r of rows) {
    const sizes =
      r.min === undefined
        ? ''
        : `${kb(r.min).padStart(9)} min ${kb(r.gzip).padStart(9)} gzip (budget ${kb(r.budget)})${r.zodLocales ? `, zod locales ${kb(r.zodLocales)} min` : ''}`;
    console.log(`${r.ok ? '✓' : '✗'} ${r.name.padEnd(36)} ${sizes}${r.problem ? `\n    ${r.problem}` : ''}`);
  }
  if (levers) {
    console.log('\nLevers (information only):');
    for (const l of levers) console.log(`  ${l.name.padEnd(62)} ${kb(l.min).padStart(9)} min ${kb(l.gzip).padStart(9)} gzip`);
  }
}
if (failed > 0) {
  console.error(`\ncheck:size: ${failed} of ${entries.length} entry points over budget or not bundling (budgets: scripts/size-budgets.json)`);
  process.exit(1);
}

/** What zod costs and what each lever would save, measured on the same bundler settings. */
async function measureLevers() {
  const core = entries.find((e) => e.name === '@icestat/core')?.code ?? "export * from '@icestat/core';";
  const small = entries.find((e) => e.name === '@icestat/core { quantity, share }')?.code ?? "export { quantity, share } from '@icestat/core';";
  // English only: zod's locale index reduced to `en` (what a zod build without other locales gives).
  const englishOnly = {
    name: 'zod-english-only',
    setup(b) {
      b.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
        /node_modules\/zod\/v4\/(classic|core)$/.test(args.resolveDir) ? { path: 'zod-locales-en', namespace: 'zod-en' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'zod-en' }, () => ({
        contents: "export { default as en } from './en.js';",
        resolveDir: `${root}node_modules/zod/v4/locales`,
        loader: 'js',
      }));
    },
  };
  // A namespace import in core (`import * as z from 'zod'` instead of `import { z } from 'zod'`),
  // which lets the bundler keep only the zod functions core calls.
  const namespaceImport = {
    name: 'zod-namespace-import',
    setup(b) {
      b.onLoad({ filter: /packages\/core\/src\/.*\.ts$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8').replace(/import \{ z \} from 'zod';/g, "import * as z from 'zod';"),
        loader: 'ts',
      }));
    },
  };
  const onSource = { conditions: ['@icestat/source'] };
  const out = [];
  const add = async (name, code, options = {}) => out.push({ name, ...(await measure(code, options)) });
  await add('@icestat/core, as built today (sources)', core, onSource);
  await add('@icestat/core, English-only zod locales', core, { ...onSource, plugins: [englishOnly] });
  await add('@icestat/core, `import * as z` in core', core, { ...onSource, plugins: [namespaceImport] });
  await add('@icestat/core, both', core, { ...onSource, plugins: [englishOnly, namespaceImport] });
  await add('{ quantity, share }, as built today (sources)', small, onSource);
  await add('{ quantity, share }, English-only zod locales', small, { ...onSource, plugins: [englishOnly] });
  await add('{ quantity, share }, `import * as z` in core', small, { ...onSource, plugins: [namespaceImport] });
  await add('{ quantity, share }, both', small, { ...onSource, plugins: [englishOnly, namespaceImport] });
  // zod alone: the floor each flavour sets (one object schema, parsed).
  const probe = (from) => `import * as z from '${from}'; export const parse = (x) => z.object({ a: z.string(), b: z.optional(z.number()) }).parse(x);`;
  await add("zod alone: `import * as z from 'zod'` (classic)", probe('zod'));
  await add("zod alone: `import { z } from 'zod'` (classic)", probe('zod').replace('* as z', '{ z }'));
  await add("zod alone: `import * as z from 'zod/mini'`", probe('zod/mini'));
  return out;
}
