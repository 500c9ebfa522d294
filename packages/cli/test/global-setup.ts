// The end-to-end tests run the BUILT bin, as a user would. Under `npm test` turbo builds it first
// (packages/cli/turbo.json: test depends on build); run alone (`npx vitest run`), this builds the
// command and the packages it uses when dist is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const root = join(pkg, '..', '..');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function built(name: string, entry: string): boolean {
  const dist = join(root, 'packages', name, 'dist', entry);
  return existsSync(dist) && statSync(dist).mtimeMs >= newest(join(root, 'packages', name, 'src'));
}

export default function setup(): void {
  const fresh = built('cli', 'cli.js') && built('core', 'index.js') && built('loaders', 'csv/index.js') && built('chart-data', 'vega-lite/index.js');
  if (fresh) return;
  const r = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@icestat/cli...', '--output-logs=errors-only'], {
    cwd: root,
    encoding: 'utf8',
    stdio: 'pipe',
  });
  if (r.status !== 0) throw new Error(`could not build @icestat/cli for the end-to-end tests:\n${r.stdout}\n${r.stderr}`);
}
