'use strict';
// Requires every entry point of the installed @icestat packages from CommonJS and checks their key
// exports, that each resolves to the package's built .cjs file (Node 20.19+ can require() ESM,
// which would hide a missing "require" condition), that no entry point loads a chart library
// (vega-lite has top-level await and cannot be required), and that require() gives the same
// export names as import (out/exports-esm.json, written by esm-entry-points.mjs).
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { assert, check, checkParallelTally, expectExports, finish } = require('./harness.cjs');

const expected = JSON.parse(readFileSync(join(__dirname, 'expected-exports.json'), 'utf8'));
delete expected.$comment;

// Record every module request made while the entry points load.
const requested = [];
const load = Module._load;
Module._load = function (request, ...rest) {
  requested.push(request);
  return load.call(this, request, ...rest);
};

async function main() {
  const seen = {};
  for (const [specifier, keys] of Object.entries(expected)) {
    await check(`require('${specifier}')`, () => {
      const file = require.resolve(specifier);
      assert(
        file.startsWith(`${__dirname}/`) && /\/node_modules\/@icestat\/[^/]+\/dist\/.+\.cjs$/.test(file),
        `resolves to ${file}, not a dist/*.cjs file of the package installed here`,
      );
      const mod = require(specifier);
      const names = expectExports(specifier, mod, keys);
      seen[specifier] = names;
      return `${names.length} exports, ${file.slice(file.lastIndexOf('node_modules/') + 13)}`;
    });
  }

  await check("require('@icestat/core/schema/dataset.json')", () => {
    const schema = require('@icestat/core/schema/dataset.json');
    assert(schema.$schema === 'https://json-schema.org/draft/2020-12/schema', `unexpected $schema ${schema.$schema}`);
  });

  await check('no entry point loads vega-lite, vega or chart.js', () => {
    const chartLibs = requested.filter((r) => /^(vega-lite|vega|chart\.js)(\/|$)/.test(r));
    const cached = Object.keys(require.cache).filter((f) => /\/node_modules\/(vega-lite|vega|chart\.js)\//.test(f));
    assert(chartLibs.length === 0 && cached.length === 0, `loaded ${[...new Set([...chartLibs, ...cached])].join(', ')}`);
    const icestat = [...new Set(requested.filter((r) => r.startsWith('@icestat/')))];
    const others = [...new Set(requested.filter((r) => !r.startsWith('.') && !r.startsWith('@icestat/') && !r.startsWith('node:') && !Module.isBuiltin(r)))];
    return `packages required: ${[...icestat, ...others].join(', ')}`;
  });

  await check('require() and import give the same export names', () => {
    let esm;
    try {
      esm = JSON.parse(readFileSync(join(__dirname, 'out', 'exports-esm.json'), 'utf8'));
    } catch {
      throw new Error('out/exports-esm.json is missing: run esm-entry-points.mjs first');
    }
    const diffs = [];
    for (const specifier of Object.keys(expected)) {
      const a = new Set(esm[specifier] ?? []);
      const b = new Set(seen[specifier] ?? []);
      const onlyEsm = [...a].filter((k) => !b.has(k));
      const onlyCjs = [...b].filter((k) => !a.has(k));
      if (onlyEsm.length || onlyCjs.length) diffs.push(`${specifier}: only in ESM [${onlyEsm.join(', ')}], only in CJS [${onlyCjs.join(', ')}]`);
    }
    assert(diffs.length === 0, diffs.join('\n'));
  });

  await check('parallel tally: worker threads start from the installed package (CJS)', () =>
    checkParallelTally(require('@icestat/loaders/csv'), join(__dirname, 'data', 'sample-arrests.csv'), 'cjs'),
  );

  await check('ESM-only vega-lite is indeed not requirable here (why the check above matters)', () => {
    try {
      require('vega-lite');
    } catch (e) {
      return `require('vega-lite') throws ${e.code ?? e.name}`;
    }
    return "require('vega-lite') works on this Node; the check above still guards bundle weight";
  });

  finish();
}

main();
