// The installed @icestat/cli: its package root imports (ESM only; the package is a command), and
// its bin runs as a user's shell runs it — version, a tally of the sample, an audit, and charts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, check, finish } from './harness.cjs';

const here = fileURLToPath(new URL('./', import.meta.url));
const bin = join(here, 'node_modules', '.bin', 'icestat');
const icestat = (...args) => spawnSync(bin, args, { cwd: here, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

await check(`import { runIcestat } from '@icestat/cli'`, async () => {
  const file = fileURLToPath(import.meta.resolve('@icestat/cli'));
  assert(/\/node_modules\/@icestat\/cli\/dist\/index\.js$/.test(file), `resolves to ${file}`);
  const { runIcestat } = await import('@icestat/cli');
  assert(typeof runIcestat === 'function', 'runIcestat is not a function');
  return file.slice(file.lastIndexOf('node_modules/') + 13);
});

await check('icestat --version (the bin npm linked)', () => {
  assert(existsSync(bin), `${bin} is missing: npm did not link the bin`);
  const r = icestat('--version');
  const { version } = JSON.parse(readFileSync(join(here, 'node_modules', '@icestat', 'cli', 'package.json'), 'utf8'));
  assert(r.status === 0 && r.stdout === `${version}\n`, `exit ${r.status}: ${r.stdout}${r.stderr}`);
  return version;
});

await check('icestat tally data/sample-arrests.csv --by aor --format json', () => {
  const r = icestat('tally', 'data/sample-arrests.csv', '--by', 'aor', '--format', 'json');
  assert(r.status === 0, `exit ${r.status}: ${r.stderr}`);
  const out = JSON.parse(r.stdout);
  assert(out.total === 3000 && out.files[0].rowsRead === 3000, `total ${out.total}`);
  assert(r.stderr.includes('3,000 rows read · 3,000 accepted · 0 rejected'), r.stderr);
  return `${out.rows.length} groups, 3,000 rows`;
});

await check('icestat audit data/icestat-dataset.json', () => {
  const r = icestat('audit', 'data/icestat-dataset.json');
  assert(r.status === 0 && r.stdout.includes('0 errors, 3 warnings'), `exit ${r.status}: ${r.stdout}${r.stderr}`);
  return 'exit 0, 0 errors, 3 warnings';
});

await check('icestat chart data/icestat-dataset.json --out (vega and vega-lite render SVG)', () => {
  const out = mkdtempSync(join(here, 'out-charts-'));
  const r = icestat('chart', 'data/icestat-dataset.json', '--out', out);
  assert(r.status === 0, `exit ${r.status}: ${r.stderr}`);
  const svgs = readdirSync(out).filter((f) => f.endsWith('.svg'));
  assert(svgs.length >= 6 && existsSync(join(out, 'report.html')), `${svgs.length} SVGs`);
  return `${svgs.length} SVGs and report.html`;
});

finish();
