// Every export of the package carries TSDoc with an @example; functions also say what they return.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const text = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
const exported = [...text.matchAll(/^export (?:async )?(function|const) (\w+)/gm)].map((m) => {
  const before = text.slice(0, m.index).trimEnd();
  return { kind: m[1]!, name: m[2]!, doc: before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : undefined };
});

describe('public API documentation', () => {
  it('finds the exports', () => {
    expect(exported.map((e) => e.name).sort()).toEqual([
      'datasetJsonPath',
      'datasetJsonUrl',
      'figuresCsvPath',
      'figuresCsvUrl',
      'loadBundledDataset',
      'readBundledDataset',
    ]);
  });

  it.each(exported.map((e) => [e.name, e] as const))('%s has TSDoc with @example', (_, e) => {
    expect(e.doc, `${e.name} has no doc comment`).toBeDefined();
    expect(e.doc).toMatch(/@example/);
    if (e.kind === 'function') expect(e.doc).toMatch(/@returns/);
  });
});
