// Runs the built `icestat` bin as a child process, as a user's shell would.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(packageDir, '..', '..');
export const bin = join(packageDir, 'bin', 'icestat.js');
export const samplePath = join(repoRoot, 'examples', 'data', 'sample-arrests.csv');
export const datasetPath = join(repoRoot, 'examples', 'data', 'icestat-dataset.json');
export const seedsDir = join(repoRoot, 'examples', 'data', 'seeds');
export const fixture = (name: string): string => join(packageDir, 'test', '__fixtures__', name);

/** The real releases, beside the repository (see the project's test-data notes). */
export const realdata = resolve(repoRoot, '..', 'shared', 'realdata');
const requireRealdata = process.env.ICESTAT_REQUIRE_REALDATA === '1';
if (requireRealdata && !existsSync(realdata)) throw new Error(`ICESTAT_REQUIRE_REALDATA=1 but ${realdata} is missing`);
/** `describe` when the real releases are there (or required), `describe.skip` otherwise. */
export const describeRealdata = existsSync(realdata) || requireRealdata ? describe : describe.skip;

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
