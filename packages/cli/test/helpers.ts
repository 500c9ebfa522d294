// Runs the built `icestat` bin as a child process, as a user's shell would.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(packageDir, '..', '..');
export const bin = join(packageDir, 'bin', 'icestat.js');
export const samplePath = join(repoRoot, 'examples', 'data', 'sample-arrests.csv');
export const datasetPath = join(repoRoot, 'packages', 'data', 'data', 'icestat-dataset.json');
export const fixture = (name: string): string => join(packageDir, 'test', '__fixtures__', name);

/** The real releases, beside the repository (see the project's test-data notes). */
export const realdata = resolve(repoRoot, '..', 'shared', 'realdata');
const requireRealdata = process.env.ICESTAT_REQUIRE_REALDATA === '1';
if (requireRealdata && !existsSync(realdata)) throw new Error(`ICESTAT_REQUIRE_REALDATA=1 but ${realdata} is missing`);
/** Whether the real-data tests run: the releases are there, or required (then a missing folder fails above). */
export const realdataPresent = existsSync(realdata) || requireRealdata;
/** The news reports the bundled dataset was read from: publishers' texts, kept beside the repository, not in it. */
export const seedsDir = resolve(repoRoot, '..', 'shared', 'seeds');
/** Whether the tests that need the report texts run (required with the real data). */
export const seedsPresent = existsSync(seedsDir) || requireRealdata;
if (!realdataPresent) console.warn(`skipping the real-data tests: ${realdata} is not there (set ICESTAT_REQUIRE_REALDATA=1 to fail instead)`);

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `icestat ARGS` with piped stdio (not a terminal), optionally feeding standard input. */
export function icestat(args: readonly string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', rej);
    child.on('close', (code) => res({ code, stdout, stderr }));
    // A command that stops reading early (inspect peeks) closes its input, as `head` does.
    child.stdin.on('error', () => undefined);
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

/** Whether util-linux `script` is there to give a command a pseudo-terminal. */
export const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** A shell word, single-quoted. */
export function sh(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
