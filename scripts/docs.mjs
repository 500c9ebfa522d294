#!/usr/bin/env node
// The API reference: TypeDoc over every published package (typedoc.json, one typedoc.json per
// package naming its entry points), written to docs/api/ (not committed).
//
// Fails on any TypeDoc error. Warnings are compared with scripts/typedoc-known-warnings.json (the
// warnings the code gives today, each to be fixed at its source): new ones are listed, and with
// --strict they fail the run too; an entry whose warning is gone is reported so the list only
// shrinks. Once it is empty, CI runs TypeDoc with --treatWarningsAsErrors.
//
// Usage: node scripts/docs.mjs [--strict]   (npm run docs)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const known = JSON.parse(readFileSync(new URL('./typedoc-known-warnings.json', import.meta.url), 'utf8')).warnings;

const unknownArgs = process.argv.slice(2).filter((a) => a !== '--strict');
if (unknownArgs.length > 0) {
  console.error(`unknown option ${unknownArgs.join(' ')}; usage: node scripts/docs.mjs [--strict]`);
  process.exit(2);
}
const r = spawnSync(process.execPath, [`${root}node_modules/typedoc/bin/typedoc`], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
});
const output = stripVTControlCharacters(`${r.stdout}${r.stderr}`);
process.stdout.write(output);
if (r.status !== 0) {
  console.error(`\ndocs: TypeDoc failed (exit ${r.status ?? r.signal})`);
  process.exit(1);
}
const warnings = output
  .split('\n')
  .map((l) => /^\[warning\] (.*)$/.exec(l.trim())?.[1])
  .filter((w) => w !== undefined && !/^Found \d+ errors and \d+ warnings$/.test(w));
// Paths in messages are made relative to the repository, so the list holds on any checkout.
const normalise = (w) => w.replaceAll(root, '').replaceAll(root.replace(/\/$/, ''), '.');
const seen = warnings.map(normalise);
const unknown = seen.filter((w) => !known.includes(w));
const gone = known.filter((w) => !seen.includes(w));
if (gone.length > 0)
  console.log(`\ndocs: ${gone.length} known warning(s) no longer occur; remove them from scripts/typedoc-known-warnings.json:\n- ${gone.join('\n- ')}`);
const strict = process.argv.includes('--strict');
if (unknown.length > 0) {
  console.error(`\ndocs: ${unknown.length} new TypeDoc warning(s) (not in scripts/typedoc-known-warnings.json):\n- ${unknown.join('\n- ')}`);
  if (strict) process.exit(1);
}
console.log(`\ndocs: API reference in docs/api/ (0 errors; ${seen.length - unknown.length} known and ${unknown.length} new warning(s))`);
