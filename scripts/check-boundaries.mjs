#!/usr/bin/env node
// Guard rails that keep the dependency arrow pointing one way (core ← loaders, chart-data; data → loaders):
// - @icestat/core depends on zod alone, and its sources import nothing else;
// - loaders and chart-data import core only through its public entry points (and
//   `@icestat/core/internal`, which is for them alone), never each other;
// - the cli uses the other packages' public entry points only (never their sources);
// - no package imports another package's files by relative path;
// - no import cycles inside any package (madge).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const problems = [];

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|mts|cts)$/.test(name) ? [p] : [];
  });
}

function imports(file) {
  const text = readFileSync(file, 'utf8');
  const found = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) found.push(m[1] ?? m[2] ?? m[3]);
  return found;
}

const isTest = (f) => /\.test(-d)?\.ts$|__fixtures__|\.fixture\.ts$/.test(f);
const publicCoreEntries = new Set(['@icestat/core']);
// Core's internals (record-table specs, issue conversion, tally group keys), for loaders and chart-data only.
const coreInternal = '@icestat/core/internal';
// Every package's public entry points (its package.json exports, without ./package.json).
const publicEntries = new Set(
  ['core', 'loaders', 'chart-data'].flatMap((p) => {
    const m = JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8'));
    return Object.keys(m.exports)
      .filter((k) => k !== './package.json' && k !== './internal')
      .map((k) => (k === '.' ? m.name : `${m.name}/${k.slice(2)}`));
  }),
);
const rules = {
  core: { deps: ['zod'], allow: (spec) => spec === 'zod' || spec.startsWith('.') },
  // fflate (gzip/zip), saxes (xlsx XML), hyparquet + hyparquet-compressors (Parquet);
  // `#node-files`: the package's own file access (package.json "imports"), with a browser twin.
  // `@icestat/loaders/xlsx` and `/parquet`: the record readers load their own format subpaths lazily,
  // by package name, so that the CSV and JSON builds do not carry them.
  loaders: {
    allow: (spec) =>
      spec.startsWith('.') ||
      publicCoreEntries.has(spec) ||
      spec === '@icestat/loaders/xlsx' ||
      spec === '@icestat/loaders/parquet' ||
      spec === coreInternal ||
      ['fflate', 'saxes', 'hyparquet', 'hyparquet-compressors', '#node-files'].includes(spec) ||
      spec.startsWith('node:'),
  },
  'chart-data': {
    allow: (spec) =>
      spec.startsWith('.') ||
      publicCoreEntries.has(spec) ||
      spec === coreInternal ||
      spec === 'vega-lite' ||
      spec === 'chart.js' ||
      spec.startsWith('vega-lite/'),
  },
  // The curated dataset reads its files with the JSON loader; nothing depends on it.
  data: { allow: (spec) => spec.startsWith('.') || publicCoreEntries.has(spec) || spec === '@icestat/loaders/json' || spec.startsWith('node:') },
  cli: {
    allow: (spec) =>
      spec.startsWith('.') ||
      spec.startsWith('node:') ||
      publicEntries.has(spec) ||
      ['picocolors', 'tinyglobby', 'cli-progress', 'vega', 'vega-lite'].includes(spec),
  },
};

for (const [pkg, rule] of Object.entries(rules)) {
  const dir = join(root, 'packages', pkg);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (rule.deps) {
    const deps = Object.keys(manifest.dependencies ?? {}).sort();
    if (deps.join(',') !== rule.deps.join(','))
      problems.push(`${pkg}: runtime dependencies must be exactly ${rule.deps.join(', ')}; found ${deps.join(', ') || 'none'}`);
    if (Object.keys(manifest.peerDependencies ?? {}).length > 0) problems.push(`${pkg}: must have no peer dependencies`);
  }
  for (const file of sources(join(dir, 'src'))) {
    if (isTest(file)) continue;
    for (const spec of imports(file)) {
      const where = relative(root, file);
      if (!rule.allow(spec)) problems.push(`${where}: imports "${spec}", which ${pkg} may not import`);
      if (spec.startsWith('.')) {
        const target = join(file, '..', spec);
        if (!target.startsWith(join(dir, 'src'))) problems.push(`${where}: reaches outside its package with "${spec}"`);
      }
    }
  }
}

// Type-only imports of chart libraries are fine; a runtime import would drag them into bundles.
for (const file of sources(join(root, 'packages', 'chart-data', 'src'))) {
  if (isTest(file)) continue;
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^\s*import\s+(?!type\b)[^;]*from\s+['"](vega-lite|chart\.js|vega)['"]/gm)) {
    problems.push(`${relative(root, file)}: imports ${m[1]} at runtime; chart libraries lend types only (import type)`);
  }
}

const madge = join(root, 'node_modules', '.bin', 'madge');
for (const pkg of Object.keys(rules)) {
  const src = join(root, 'packages', pkg, 'src');
  try {
    execFileSync(madge, ['--circular', '--extensions', 'ts', '--ts-config', join(root, 'packages', pkg, 'tsconfig.json'), '--no-spinner', src], {
      stdio: 'pipe',
    });
  } catch (e) {
    problems.push(`${pkg}: import cycles found by madge:\n${e.stdout?.toString() ?? e.message}`);
  }
}

if (problems.length > 0) {
  console.error(`Boundary check failed (${problems.length}):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Boundaries hold: core depends on zod alone; loaders and chart-data use core’s public entry; the cli uses public entries only; no cycles.');
