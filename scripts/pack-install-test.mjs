#!/usr/bin/env node
// Pack-and-install test: what a user gets from npm, checked outside the workspace.
//
// 1. `npm pack`s @icestat/core, @icestat/loaders, @icestat/chart-data, @icestat/data and @icestat/cli (building them first if
//    their dist is missing, or with --build) and checks each tarball holds every file its
//    package.json points at, and no tests or fixtures;
// 2. installs the tarballs, with vega-lite, vega, chart.js, typescript, ajv and @types/node from
//    the registry, into a fresh project under the OS temp dir (the files of scripts/pack-install/
//    and the bundled dataset and sample records copied in);
// 3. in that project: imports every entry point from ESM, requires every entry point from CJS,
//    type-checks an ESM and a CJS consumer with the installed TypeScript (NodeNext, strict),
//    validates the bundled dataset with the shipped JSON Schema (Ajv 2020, strict, formats),
//    and loads, audits, tallies and charts (vega-lite compile + vega SVG render); runs the
//    installed `icestat` bin.
//
// Usage: node scripts/pack-install-test.mjs [--keep] [--build]
//   --keep   leave the temp dir (tarballs and consumer project) in place and print its path
//   --build  run `turbo run build` for the packages first, even when dist exists
// Exits non-zero if any step fails. Needs the npm registry (the npm cache is reused: --prefer-offline).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const fixtures = join(root, 'scripts', 'pack-install');
const packageDirs = ['core', 'loaders', 'chart-data', 'data', 'cli'].map((p) => join(root, 'packages', p));
const dataFiles = [join(root, 'packages', 'data', 'data', 'icestat-dataset.json'), join(root, 'examples', 'data', 'sample-arrests.csv')];
const registryDeps = ['vega-lite@6.4.0', 'vega@6.2.0', 'chart.js@^4.5', 'typescript@~5.9.3', 'ajv@^8', 'ajv-formats@^3', '@types/node@^20.19'];

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log('Usage: node scripts/pack-install-test.mjs [--keep] [--build]');
  process.exit(0);
}
const unknown = argv.filter((a) => a !== '--keep' && a !== '--build');
if (unknown.length > 0) {
  console.error(`unknown option ${unknown.join(' ')}; usage: node scripts/pack-install-test.mjs [--keep] [--build]`);
  process.exit(2);
}
const keep = argv.includes('--keep');
const forceBuild = argv.includes('--build');

// npm passes its config to scripts as npm_config_* variables; those that pick workspaces or a
// prefix would point the consumer's npm back at this repository, so they are left out.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^npm_config_(workspace|workspaces|include_workspace_root|prefix|global|location|dry_run|package_lock_only)$/i.test(k),
  ),
);

/** Runs a command; resolves with its exit code, output and duration (never rejects). */
function run(command, args, { cwd, timeout = 120_000 } = {}) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      stderr += `\n(timed out after ${timeout / 1000} s)`;
      child.kill('SIGKILL');
    }, timeout);
    child.on('error', (e) => (stderr += `\n${e.message}`));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? (signal ? 128 : 1), stdout, stderr, ms: Date.now() - started });
    });
  });
}

const indent = (text, n = 4) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => `${' '.repeat(n)}${l}`)
    .join('\n');
const tail = (text, lines = 40) => text.trimEnd().split('\n').slice(-lines).join('\n');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const results = [];
/**
 * Runs one step and prints it with ✓ or ✗. `fn` returns a detail string, or `{ detail, output }`
 * (output printed indented under the step), and throws (an Error, optionally with `.output`) to fail.
 * A step whose prerequisite failed is skipped and counts as failed.
 */
async function step(name, fn, { needs = [] } = {}) {
  const blocked = needs.filter((n) => !results.find((r) => r.name === n)?.ok);
  if (blocked.length > 0) {
    results.push({ name, ok: false, skipped: true });
    console.log(`✗ ${name} — skipped (needs: ${blocked.join(', ')})`);
    return;
  }
  const started = Date.now();
  try {
    const out = (await fn()) ?? '';
    const { detail = '', output = '' } = typeof out === 'string' ? { detail: out } : out;
    results.push({ name, ok: true });
    console.log(`✓ ${name} (${seconds(Date.now() - started)})${detail ? ` — ${detail}` : ''}`);
    if (output.trim()) console.log(indent(output));
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`✗ ${name} (${seconds(Date.now() - started)})`);
    console.log(indent(e instanceof Error ? e.message : String(e)));
    if (e?.output?.trim()) console.log(indent(e.output));
  }
}

function fail(message, output = '') {
  return Object.assign(new Error(message), { output });
}

/** Every file path a package.json points at: exports targets (all conditions), main, module, types, typesVersions, bin. */
function manifestTargets(manifest) {
  const targets = new Set();
  const walk = (v) => {
    if (typeof v === 'string') targets.add(v.replace(/^\.\//, ''));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(manifest.exports);
  for (const field of ['main', 'module', 'types', 'typings', 'bin']) walk(manifest[field]);
  for (const map of Object.values(manifest.typesVersions ?? {})) walk(map);
  return [...targets];
}

/** Whether a target (possibly with a `*` wildcard, which matches across `/` as in Node) is among the files. */
function targetPresent(target, files) {
  if (!target.includes('*')) return files.has(target);
  const re = new RegExp(
    `^${target
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+')}$`,
  );
  return [...files].some((f) => re.test(f));
}

function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? (name === 'node_modules' ? [] : listFiles(p, base)) : [relative(base, p).split(sep).join('/')];
  });
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

// ---------------------------------------------------------------------------------------------

const t0 = Date.now();
const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'icestat-pack-install-')));
const tarballDir = join(tmp, 'tarballs');
const project = join(tmp, 'consumer');
let cleaned = false;
function cleanup() {
  if (cleaned || keep) return;
  cleaned = true;
  rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

console.log(`pack-install test: node ${process.version}, temp dir ${tmp}${keep ? ' (kept)' : ''}`);

const packed = []; // { name, version, tarball, files }

await step('packages built', async () => {
  if (tmp.startsWith(`${root}/`)) throw fail(`the temp dir ${tmp} is inside the repository; set TMPDIR elsewhere`);
  const missing = () =>
    packageDirs.flatMap((dir) => {
      const files = new Set(listFiles(dir));
      return manifestTargets(readJson(join(dir, 'package.json')))
        .filter((t) => !targetPresent(t, files))
        .map((t) => `${relative(root, dir)}/${t}`);
    });
  const before = missing();
  let built = '';
  if (forceBuild || before.length > 0) {
    const r = await run('npx', ['turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only'], { cwd: root, timeout: 300_000 });
    if (r.code !== 0) throw fail(`turbo run build failed (exit ${r.code})`, tail(r.stdout + r.stderr));
    built = `built in ${seconds(r.ms)}${before.length ? ` (${before.length} files were missing, e.g. ${before[0]})` : ''}`;
  }
  const after = missing();
  if (after.length > 0) throw fail(`files named by package.json are missing after the build:\n${after.join('\n')}`);
  // A dist older than its sources is packed as it is: say so, but do not fail (CI builds first).
  const stale = packageDirs.filter((dir) => {
    const newest = (d) => Math.max(0, ...listFiles(join(dir, d)).map((f) => statSync(join(dir, d, f)).mtimeMs));
    return newest('src') > newest('dist');
  });
  const staleNote = stale.length ? `; note: src newer than dist in ${stale.map((d) => relative(root, d)).join(', ')} (run with --build to rebuild)` : '';
  return `${built || 'dist present'}${staleNote}`;
});

await step(
  'npm pack',
  async () => {
    mkdirSync(tarballDir, { recursive: true });
    const workspaces = packageDirs.flatMap((d) => ['--workspace', relative(root, d)]);
    const r = await run('npm', ['pack', '--json', '--pack-destination', tarballDir, ...workspaces], { cwd: root });
    if (r.code !== 0) throw fail(`npm pack failed (exit ${r.code})`, tail(r.stderr || r.stdout));
    const report = JSON.parse(r.stdout);
    if (report.length !== packageDirs.length) throw fail(`npm pack made ${report.length} tarballs, expected ${packageDirs.length}`);
    for (const entry of report) {
      const dir = packageDirs.find((d) => readJson(join(d, 'package.json')).name === entry.name);
      packed.push({
        name: entry.name,
        version: entry.version,
        dir,
        tarball: join(tarballDir, entry.filename),
        files: new Set(entry.files.map((f) => f.path)),
        entry,
      });
    }
    return {
      detail: `${packed.length} tarballs`,
      output: packed
        .map(
          ({ entry: e }) =>
            `${e.filename}: ${e.entryCount} files, ${(e.size / 1024).toFixed(0)} KiB packed, ${(e.unpackedSize / 1024).toFixed(0)} KiB unpacked`,
        )
        .join('\n'),
    };
  },
  { needs: ['packages built'] },
);

await step(
  'tarball contents',
  () => {
    const problems = [];
    for (const { name, dir, files } of packed) {
      for (const t of manifestTargets(readJson(join(dir, 'package.json'))))
        if (!targetPresent(t, files)) problems.push(`${name}: package.json points at ${t}, which is not in the tarball`);
      for (const f of ['package.json', 'README.md', 'LICENSE']) if (!files.has(f)) problems.push(`${name}: ${f} is not in the tarball`);
      const stray = [...files].filter((f) =>
        /\.test(-d)?\.[cm]?tsx?$|\.fixture\.[cm]?ts$|__fixtures__\/|(^|\/)(tsconfig|vitest\.config|tsup\.config)\b/.test(f),
      );
      if (stray.length)
        problems.push(`${name}: test or build files in the tarball: ${stray.slice(0, 5).join(', ')}${stray.length > 5 ? ` … (${stray.length})` : ''}`);
    }
    if (problems.length) throw fail(problems.join('\n'));
    return 'every file package.json names (exports, main, module, types, typesVersions) is in; README, LICENSE; no tests or fixtures';
  },
  { needs: ['npm pack'] },
);

await step(
  'install into a fresh project outside the workspace',
  async () => {
    cpSync(fixtures, project, { recursive: true, filter: (src) => !/(^|\/)(node_modules|out)(\/|$)/.test(relative(fixtures, src)) });
    mkdirSync(join(project, 'data'), { recursive: true });
    for (const f of dataFiles) cpSync(f, join(project, 'data', f.split('/').pop()));
    const r = await run(
      'npm',
      ['install', ...packed.map((p) => p.tarball), ...registryDeps, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
      {
        cwd: project,
        timeout: 300_000,
      },
    );
    if (r.code !== 0) throw fail(`npm install failed (exit ${r.code})`, tail(r.stderr || r.stdout));
    // The loaders and chart-data must use the packed core, not a copy from the registry.
    const lock = readJson(join(project, 'package-lock.json')).packages;
    const problems = [];
    for (const p of packed) {
      const at = `node_modules/${p.name}`;
      if (!lock[at]?.resolved?.startsWith('file:')) problems.push(`${p.name} resolved to ${lock[at]?.resolved ?? 'nothing'}, not the tarball`);
      if (readJson(join(project, at, 'package.json')).version !== p.version) problems.push(`${p.name}: installed version differs from the packed ${p.version}`);
    }
    const nested = Object.keys(lock).filter((k) => /node_modules\/@icestat\/.*node_modules\/@icestat\//.test(k));
    if (nested.length) problems.push(`nested copies of @icestat packages (from the registry?): ${nested.join(', ')}`);
    if (problems.length) throw fail(problems.join('\n'));
    const version = (name) => lock[`node_modules/${name}`]?.version ?? '?';
    const count = Object.keys(lock).filter((k) => k.startsWith('node_modules/')).length;
    return `${seconds(r.ms)}, ${count} packages; vega-lite ${version('vega-lite')}, vega ${version('vega')}, chart.js ${version('chart.js')}, typescript ${version('typescript')}, ajv ${version('ajv')}, zod ${version('zod')}`;
  },
  { needs: ['npm pack'] },
);

const installed = ['install into a fresh project outside the workspace'];

/** Runs one of the consumer scripts in the project; its own ✓/✗ lines become the step's output. */
async function consumerScript(file) {
  // JSON modules print an ExperimentalWarning on Node 20; --disable-warning exists from 20.11.
  const quiet = process.allowedNodeEnvironmentFlags.has('--disable-warning') ? ['--disable-warning=ExperimentalWarning'] : [];
  const r = await run(process.execPath, [...quiet, file], { cwd: project });
  const lines = r.stdout.trim().split('\n');
  const counts = /^\d+ passed, \d+ failed$/.test(lines.at(-1) ?? '') ? lines.pop() : '';
  const output = `${lines.join('\n')}${r.stderr.trim() ? `\n${r.stderr}` : ''}`;
  if (r.code !== 0) throw fail(`${file} exited ${r.code}${counts ? ` (${counts})` : ''}`, output);
  return { detail: counts, output };
}

await step('ESM: import every entry point', () => consumerScript('esm-entry-points.mjs'), { needs: installed });
await step('CJS: require every entry point', () => consumerScript('cjs-entry-points.cjs'), { needs: installed });

/** Type-checks one consumer with the installed tsc, and checks which @icestat declaration files it used. */
async function typecheck(tsconfig, extension) {
  const tsc = join(project, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = await run(process.execPath, [tsc, '-p', tsconfig, '--pretty', 'false', '--listFiles'], { cwd: project });
  const listed = r.stdout.split('\n').filter((l) => l.startsWith('/'));
  const errors = r.stdout.split('\n').filter((l) => l && !l.startsWith('/'));
  if (r.code !== 0) throw fail(`tsc -p ${tsconfig} failed (exit ${r.code})`, `${errors.slice(0, 40).join('\n')}${r.stderr}`);
  const icestat = listed.filter((f) => f.includes('/node_modules/@icestat/') && !f.endsWith('.json'));
  const wrong = icestat.filter((f) => !f.endsWith(extension));
  if (icestat.length === 0) throw fail('tsc read no @icestat declaration files');
  if (wrong.length) throw fail(`expected only ${extension} files of @icestat, but tsc read:\n${wrong.join('\n')}`);
  const version = readJson(join(project, 'node_modules', 'typescript', 'package.json')).version;
  return `tsc ${version}, ${listed.length} files, ${icestat.length} @icestat ${extension} files, no errors`;
}

await step('TypeScript: ESM consumer (NodeNext, strict, no skipLibCheck)', () => typecheck('tsconfig.esm.json', '.d.ts'), { needs: installed });
await step('TypeScript: CJS consumer (.cts, NodeNext, strict, no skipLibCheck)', () => typecheck('tsconfig.cjs.json', '.d.cts'), { needs: installed });
await step('JSON Schema: shipped dataset.json, Ajv 2020 strict + formats', () => consumerScript('validate-schema.mjs'), { needs: installed });
await step('load, audit, tally, chart, render', () => consumerScript('smoke.mjs'), { needs: installed });
await step('the icestat command (@icestat/cli, ESM only): import, bin, tally, audit, chart', () => consumerScript('cli.mjs'), { needs: installed });

cleanup();
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(
  `\n${keep ? `kept ${tmp}\n` : ''}${failed > 0 && !keep ? '(rerun with --keep to inspect the consumer project)\n' : ''}took ${seconds(Date.now() - t0)}`,
);
console.log(`pack-install: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
