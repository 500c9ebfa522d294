// Every exported function of the format readers carries TSDoc with @returns and an @example, and
// every other export a doc comment (as core's docs test asks of core).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('.', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === '__fixtures__' ? [] : files(p);
    return /\.ts$/.test(name) && !/\.test(-d)?\.ts$/.test(name) ? [p] : [];
  });
}

const all = files(src).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^export (?:declare )?(?:async )?(function\*?|const|class|interface|type) (\w+)/gm)].map((m) => {
    const before = text.slice(0, m.index).trimEnd();
    return {
      file: relative(src, file),
      name: m[2]!,
      kind: m[1]!.replace('*', ''),
      doc: before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : undefined,
    };
  });
});

describe('format readers: documentation of every export', { timeout: 60_000 }, () => {
  it('finds the exports', () => {
    expect(all.filter((e) => e.kind === 'function').length).toBeGreaterThan(25);
  });

  it.each(all.filter((e) => e.kind === 'function').map((e) => [`${e.file} ${e.name}`, e] as const))('%s has TSDoc with @returns and @example', (_, e) => {
    expect(e.doc, `${e.name} has no doc comment`).toBeDefined();
    expect(e.doc).toMatch(/@returns/);
    expect(e.doc).toMatch(/@example/);
  });

  it.each(all.filter((e) => e.kind !== 'function' && e.kind !== 'type').map((e) => [`${e.file} ${e.name}`, e] as const))('%s has a doc comment', (_, e) => {
    expect(e.doc, `${e.name} has no doc comment`).toBeDefined();
  });
});
