// The package root's functions carry TSDoc with @param, @returns and an @example; every other
// export of the sources (the command's modules) carries at least a doc comment.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('.', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [p] : [];
  });
}

function exportsOf(file: string) {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^export (?:async )?(function|const|class|interface|type) (\w+)/gm)].map((m) => {
    const before = text.slice(0, m.index).trimEnd();
    return { file: relative(src, file), name: m[2]!, kind: m[1]!, doc: before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : undefined };
  });
}

const all = files(src).flatMap(exportsOf);

describe('documentation', () => {
  it('finds the exports', () => {
    expect(all.filter((e) => e.file === 'index.ts' && e.kind === 'function').map((e) => e.name)).toEqual(['runIcestat']);
  });

  it.each(all.filter((e) => e.file === 'index.ts' || e.name === 'processIo').map((e) => [`${e.file} ${e.name}`, e] as const))(
    'public %s has TSDoc with @param, @returns and @example',
    (_, e) => {
      expect(e.doc, `${e.name} has no doc comment`).toBeDefined();
      expect(e.doc).toMatch(/@returns/);
      expect(e.doc).toMatch(/@example/);
      if (e.kind === 'function' && e.name !== 'processIo') expect(e.doc).toMatch(/@param/);
    },
  );

  it.each(all.filter((e) => e.kind !== 'type').map((e) => [`${e.file} ${e.name}`, e] as const))('%s has a doc comment', (_, e) => {
    expect(e.doc, `${e.name} has no doc comment`).toBeDefined();
  });
});
