// The command on a terminal: a pseudo-terminal from util-linux `script` shows the progress bar and
// colour; a pipe shows neither; Ctrl-C stops a read with a partial report.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, hasScript, icestat, packageDir, repoRoot, samplePath, sh } from './helpers';

/** Runs a shell command line under a pseudo-terminal; `onOutput` may write keys to it (Ctrl-C is \x03). */
function underTerminal(command: string, onOutput?: (soFar: string, keys: (s: string) => void) => void): Promise<{ code: number | null; output: string }> {
  return new Promise((res, rej) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    const keys = (s: string): void => {
      child.stdin.write(s);
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      onOutput?.(output, keys);
    });
    child.on('error', rej);
    child.on('close', (code) => res({ code, output }));
  });
}

const node = sh(process.execPath);
const icestatLine = (args: string): string => `${node} ${sh(bin)} ${args}`;

describe.skipIf(!hasScript)('on a terminal (util-linux script)', () => {
  let big: string;
  beforeAll(() => {
    // 100,000 generated rows in the releases' format: long enough a read for the bar to be drawn.
    big = join(mkdtempSync(join(tmpdir(), 'icestat-cli-')), 'records-100k.csv');
    const r = spawnSync(process.execPath, [join(repoRoot, 'bench', 'gen.mjs'), '--rows', '100000', '--out', big], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  });

  it('draws a progress bar (bytes, rows per second, ETA) and a coloured table; the counts are those of a piped run', { timeout: 120_000 }, async () => {
    const tty = await underTerminal(icestatLine(`tally ${sh(big)} --by fiscal-year`));
    expect(tty.code).toBe(0);
    expect(tty.output).toMatch(/records-100k\.csv .*% \| [\d.]+ MB of [\d.]+ MB \| [\d,]+ rows, [\d,]+ rows\/s \| ETA/);
    expect(tty.output).toContain('\u001b[1m'); // bold: colour is on
    expect(tty.output).toMatch(/100,000 rows read · 100,000 accepted · 0 rejected/);
    const piped = await icestat(['tally', big, '--by', 'fiscal-year', '--format', 'json']);
    expect(piped.stderr).not.toMatch(/rows\/s|ETA/);
    expect(piped.stderr).not.toContain('\u001b');
    const rows = JSON.parse(piped.stdout).rows as { fiscalYear: string; count: number }[];
    // The terminal's table (thousands separators) holds the piped run's counts.
    for (const row of rows) expect(tty.output).toMatch(new RegExp(`${row.fiscalYear.replace(/[()]/g, '\\$&')}\\s+${row.count.toLocaleString('en-US')}\\s`));
  });

  it('NO_COLOR turns colour off on a terminal; the bar stays', { timeout: 120_000 }, async () => {
    const r = await underTerminal(`NO_COLOR=1 ${icestatLine(`tally ${sh(big)} --by aor`)}`);
    expect(r.code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequences of bold, dim and colour are what this test looks for
    expect(r.output).not.toMatch(/\u001b\[(1|2|3\d)m/);
    expect(r.output).toContain('rows/s');
  });

  it('--no-progress draws no bar on a terminal', { timeout: 120_000 }, async () => {
    const r = await underTerminal(icestatLine(`tally ${sh(samplePath)} --by aor --no-progress`));
    expect(r.code).toBe(0);
    expect(r.output).not.toContain('rows/s');
  });

  it('Ctrl-C stops the read, prints the report of the rows read so far, writes no result, exits 130', { timeout: 120_000 }, async () => {
    // The sample, then a producer that never ends (until Ctrl-C ends it too).
    let sent = false;
    const r = await underTerminal(`(cat ${sh(samplePath)}; sleep 60) | ${icestatLine('tally - --by aor')}`, (soFar, keys) => {
      if (!sent && /3,000 rows,/.test(soFar)) {
        sent = true;
        keys('\u0003');
      }
    });
    expect(sent).toBe(true);
    expect(r.output).toContain('INTERRUPTED — partial counts, up to the rows read so far');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the file name may end with a colour's escape sequence
    expect(r.output).toMatch(/\(stdin\)(\u001b\[\d+m)?: 3,000 rows read · 3,000 accepted · 0 rejected/);
    expect(r.output).toContain('icestat: interrupted; 3,000 rows counted so far; no result written');
    expect(r.output).not.toMatch(/^aor\s+count/m);
    expect(r.code).toBe(130);
  });
});

describe('start-up', () => {
  it('--version loads nothing but node built-ins: every command’s modules are imported only when it runs', () => {
    // Follow the static imports of the built entry through its chunks; a bare specifier that is not
    // a node built-in (the loaders, vega, picocolors …) would be parsed on every start.
    const dist = join(packageDir, 'dist');
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(dist, file), 'utf8');
      for (const m of text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gms)) {
        const spec = m[1]!;
        if (spec.startsWith('./')) visit(spec.slice(2));
        else bare.add(spec);
      }
    };
    visit('cli.js');
    expect(readdirSync(dist).filter((f) => f.endsWith('.js')).length).toBeGreaterThan(seen.size);
    expect([...bare].filter((s) => !/^(node:)?(fs|path|url|util|fs\/promises)$/.test(s))).toEqual([]);
  });

  it('prints the version and help; every command has help with examples', async () => {
    const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    expect((await icestat(['--version'])).stdout).toBe(`${pkg.version}\n`);
    const help = await icestat(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['tally', 'inspect', 'audit', 'validate', 'chart']) {
      expect(help.stdout).toContain(`  ${command} `);
      const r = await icestat([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(new RegExp(`^icestat ${command} — `));
      expect(r.stdout, command).toMatch(/\nExamples:\n {2}icestat /);
    }
    const none = await icestat([]);
    expect(none.code).toBe(2);
  });

  it('a checkout that was never built says to run the build, in plain words', () => {
    const copy = mkdtempSync(join(tmpdir(), 'icestat-cli-'));
    spawnSync('mkdir', ['-p', join(copy, 'bin')]);
    spawnSync('cp', [bin, join(copy, 'bin', 'icestat.js')]);
    const r = spawnSync(process.execPath, [join(copy, 'bin', 'icestat.js'), 'tally', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('run `npm run build` at the root of the repository');
  });
});
