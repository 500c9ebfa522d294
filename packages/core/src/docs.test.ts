// Every exported function of the public API carries TSDoc with a runnable-looking @example
// (issue: "TSDoc with an example on every export"); schemas and constants carry a doc block.
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

interface Export {
  readonly file: string;
  readonly name: string;
  readonly kind: string;
  readonly doc: string | undefined;
}

function exportsOf(file: string): Export[] {
  const text = readFileSync(file, 'utf8');
  const out: Export[] = [];
  const re = /^export (?:declare )?(function|const|class|interface|type) (\w+)/gm;
  for (const m of text.matchAll(re)) {
    const before = text.slice(0, m.index).trimEnd();
    const doc = before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : undefined;
    out.push({ file: relative(src, file), name: m[2]!, kind: m[1]!, doc });
  }
  return out;
}

// Only modules reachable from the package root count; internal helpers are not public.
const internal = new Set(['stats/internal.ts']);
const all = files(src)
  .filter((f) => !internal.has(relative(src, f)))
  .flatMap(exportsOf);

describe('public API documentation', () => {
  it('finds the exports', () => {
    expect(all.filter((e) => e.kind === 'function').length).toBeGreaterThan(40);
  });

  it.each(all.filter((e) => e.kind === 'function').map((e) => [`${e.file} ${e.name}`, e] as const))('%s has TSDoc with @example', (_, e) => {
    expect(e.doc, `${e.name} has no doc comment`).toBeDefined();
    expect(e.doc).toMatch(/@example/);
    expect(e.doc).toMatch(/@returns/);
  });

  it.each(all.filter((e) => e.kind !== 'function' && e.kind !== 'type').map((e) => [`${e.file} ${e.name}`, e] as const))('%s has a doc comment', (_, e) => {
    expect(e.doc, `${e.name} has no doc comment`).toBeDefined();
  });
});
