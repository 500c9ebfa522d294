#!/usr/bin/env node
// Proves the pending changesets produce a release: in a throwaway copy of the repository, run
// `changeset version` and check that every package with a changeset gets a new version and a
// CHANGELOG entry, independently of the others. The real repository is not touched.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const pending = readdirSync(join(root, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
if (pending.length === 0) {
  console.log('No pending changesets: nothing to version.');
  process.exit(0);
}

const bumped = new Map(); // package name → highest bump
const order = { patch: 1, minor: 2, major: 3 };
for (const f of pending) {
  const front = readFileSync(join(root, '.changeset', f), 'utf8').split('---')[1] ?? '';
  // YAML front matter: the package name double-quoted, single-quoted or bare.
  for (const m of front.matchAll(/^(?:"([^"]+)"|'([^']+)'|([@\w./-]+)):\s*(patch|minor|major)\s*$/gm)) {
    const name = m[1] ?? m[2] ?? m[3];
    const prev = bumped.get(name);
    if (!prev || order[m[4]] > order[prev]) bumped.set(name, m[4]);
  }
}

const work = mkdtempSync(join(tmpdir(), 'icestat-changesets-'));
try {
  for (const entry of ['package.json', 'package-lock.json', '.changeset', 'packages', 'examples']) {
    cpSync(join(root, entry), join(work, entry), {
      recursive: true,
      filter: (src) => !/node_modules|\/dist(\/|$)|\.turbo/.test(src),
    });
  }
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  const git = (...args) => execFileSync('git', args, { cwd: work, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=ci@icestat.invalid', '-c', 'user.name=ci', 'add', '-A');
  git('-c', 'user.email=ci@icestat.invalid', '-c', 'user.name=ci', 'commit', '-qm', 'snapshot');
  execFileSync(join(root, 'node_modules', '.bin', 'changeset'), ['version'], { cwd: work, stdio: 'pipe' });

  const failures = [];
  for (const dir of readdirSync(join(work, 'packages'))) {
    const manifest = JSON.parse(readFileSync(join(work, 'packages', dir, 'package.json'), 'utf8'));
    const before = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
    const bump = bumped.get(manifest.name);
    const changelog = join(work, 'packages', dir, 'CHANGELOG.md');
    if (!bump) {
      if (manifest.version !== before.version) failures.push(`${manifest.name}: has no changeset but moved ${before.version} → ${manifest.version}`);
      continue;
    }
    if (manifest.version === before.version) failures.push(`${manifest.name}: has a ${bump} changeset but stayed at ${before.version}`);
    if (!existsSync(changelog)) failures.push(`${manifest.name}: no CHANGELOG.md was written`);
    else if (!readFileSync(changelog, 'utf8').includes(`## ${manifest.version}`))
      failures.push(`${manifest.name}: CHANGELOG.md lacks a "## ${manifest.version}" entry`);
    else console.log(`${manifest.name}: ${before.version} → ${manifest.version} (${bump}), CHANGELOG.md written`);
  }
  if (failures.length > 0) {
    console.error(`changeset version check failed:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
