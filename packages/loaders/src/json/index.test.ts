import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from '@fast-check/vitest';
import { datasetSchema, type Dataset } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { datasetInput } from '../../../core/src/__fixtures__/arbitraries';
import { caught } from '../../../core/src/__fixtures__/testing';
import { loadDataset, parseDataset, safeLoadDataset, safeParseDataset, stringifyDataset, writeDataset } from './index';

const bundledPath = fileURLToPath(new URL('../../../data/data/icestat-dataset.json', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`../__fixtures__/json/${name}`, import.meta.url));
const bundledText = readFileSync(bundledPath, 'utf8');
const bundled: Dataset = datasetSchema.parse(JSON.parse(bundledText));

/** A Web stream that delivers the given chunks one by one. */
function webStream(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

describe('loadDataset reads the bundled dataset from every kind of input', () => {
  it('from a path', async () => {
    expect(await loadDataset(bundledPath)).toStrictEqual(bundled);
  });
  it('from a file: URL', async () => {
    expect(await loadDataset(pathToFileURL(bundledPath))).toStrictEqual(bundled);
  });
  it('from a Node stream (fs.createReadStream)', async () => {
    expect(await loadDataset(createReadStream(bundledPath))).toStrictEqual(bundled);
  });
  it('from a Web ReadableStream (Blob.stream())', async () => {
    expect(await loadDataset(new Blob([bundledText]).stream())).toStrictEqual(bundled);
  });
  it('from a stream of one-byte chunks, splitting every multi-byte character', async () => {
    const bytes = new TextEncoder().encode(bundledText);
    expect(bytes.length).toBeGreaterThan(bundledText.length); // it has “curly quotes” and dashes
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    expect(await loadDataset(webStream(chunks))).toStrictEqual(bundled);
  });
  it('from a stream split in two at every byte boundary', async () => {
    const text = stringifyDataset(
      datasetSchema.parse({
        schemaVersion: '1.0.0',
        title: '“Nearly 500” — Opération “Safe City” 😀',
        sources: [{ id: 's', title: '“ ” é ü 😀', publisher: 'Ñ', kind: 'news-report' }],
        operations: [],
      }),
    );
    const bytes = new TextEncoder().encode(`\ufeff${text}`);
    const expected = parseDataset(text);
    for (let k = 0; k <= bytes.length; k++) {
      const parts = [bytes.subarray(0, k), bytes.subarray(k)].map((b) => Buffer.from(b));
      expect(await loadDataset(Readable.from(parts))).toStrictEqual(expected);
    }
  });
  it('names the input in messages: the path, or the name given', async () => {
    const r = await safeLoadDataset(fixture('syntax-error.json'));
    expect(r.success || r.error.issues[0]?.file).toBe(fixture('syntax-error.json'));
    const named = await safeLoadDataset(createReadStream(fixture('syntax-error.json')), { name: 'upload.json' });
    expect(named.success || named.error.message).toMatch(/^upload\.json:5:31: /);
  });
  it('rejects a missing file with the file system error', async () => {
    await expect(loadDataset(fixture('no-such-file.json'))).rejects.toThrow(/ENOENT/);
  });
});

describe('parseDataset errors', () => {
  it('locates a syntax error by line and column (fixture syntax-error.json)', () => {
    const e = caught(() => parseDataset(readFileSync(fixture('syntax-error.json'), 'utf8'), { name: 'syntax-error.json' }));
    expect(e.code).toBe('parse_error');
    expect(e.message).toBe('syntax-error.json:5:31: invalid JSON: expected "," or "}" after the value of "title"; got "publisher"');
    expect(e.issues).toEqual([
      {
        code: 'invalid_json',
        message: 'syntax-error.json:5:31: invalid JSON: expected "," or "}" after the value of "title"; got "publisher"',
        file: 'syntax-error.json',
        line: 5,
        column: 31,
      },
    ]);
  });
  it('puts an unexpected end of the input at the end of the text', () => {
    const e = caught(() => parseDataset('{\n  "title": "x",\n'));
    expect(e.message).toBe('(text):3:1: invalid JSON: expected a property name in double quotes after ","; got the end of the text');
    expect(caught(() => parseDataset('')).issues[0]).toMatchObject({ line: 1, column: 1 });
  });
  it('reports a schema problem with its JSON path, line and column (fixture low-above-high.json)', () => {
    const r = safeParseDataset(readFileSync(fixture('low-above-high.json'), 'utf8'), { name: 'low-above-high.json' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.code).toBe('invalid_dataset');
    expect(r.error.issues).toEqual([
      {
        code: 'custom',
        path: 'operations[0].figures[0].quantity.low',
        message: 'operations[0].figures[0].quantity.low: must not exceed high (low 510, high 498)',
        file: 'low-above-high.json',
        line: 18,
        column: 32,
      },
    ]);
    expect(r.error.message).toBe(
      'Invalid dataset in low-above-high.json: 1 problem\n' +
        '  - low-above-high.json:18:32: operations[0].figures[0].quantity.low: must not exceed high (low 510, high 498)',
    );
    // zod's own issues are kept under cause.
    expect((r.error.cause as { issues: unknown[] }).issues).toHaveLength(1);
  });
  it('points a missing field at the object that lacks it', () => {
    const r = safeParseDataset('{\n  "schemaVersion": "1.0.0",\n  "sources": [],\n  "operations": []\n}');
    expect(r.success || r.error.issues).toEqual([
      { code: 'invalid_type', path: 'title', message: 'title: is required (text)', file: '(text)', line: 1, column: 1 },
    ]);
  });
  it('rejects duplicate keys, which JSON.parse would silently collapse', () => {
    const e = caught(() => parseDataset('{"title": "a",\n "title": "b"}'));
    expect(e.code).toBe('invalid_dataset');
    expect(e.issues).toEqual([
      {
        code: 'duplicate_key',
        path: 'title',
        message: 'title: the key occurs twice in one object (first at line 1, column 2); JSON would keep only the last value',
        file: '(text)',
        line: 2,
        column: 2,
      },
    ]);
  });
  it('ignores a byte-order mark', () => {
    expect(parseDataset(`\ufeff${bundledText}`)).toStrictEqual(bundled);
  });
});

describe('prototype pollution', () => {
  it('rejects "__proto__" keys at any depth, with their paths, and leaves Object.prototype untouched', () => {
    const r = safeParseDataset(readFileSync(fixture('proto.json'), 'utf8'), { name: 'proto.json' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => [i.code, i.path, i.line, i.column])).toEqual([
      ['forbidden_key', '__proto__', 2, 3],
      ['forbidden_key', 'sources[0].__proto__', 5, 83],
    ]);
    expect(r.error.issues[0]?.message).toBe('__proto__: a "__proto__" key is not allowed (no icestat object has one, and it can pollute object prototypes)');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).pollutedNested).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('pollutedViaConstructor');
  });
  it('rejects "constructor" and other unknown keys through the strict schema', () => {
    const text = '{"schemaVersion": "1.0.0", "title": "T", "sources": [], "operations": [], "constructor": {"prototype": {"pollutedViaConstructor": true}}}';
    const r = safeParseDataset(text);
    expect(r.success || r.error.issues.map((i) => i.message)).toEqual(['(root): unknown key "constructor"']);
    expect(({} as Record<string, unknown>).pollutedViaConstructor).toBeUndefined();
  });
});

describe('stringifyDataset', () => {
  it('writes keys in the schema order, two-space indented, with a final newline', () => {
    const text = stringifyDataset(bundled);
    expect(text.startsWith('{\n  "schemaVersion": "1.0.0",\n  "title": ')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const quantity = /"quantity": \{\n\s+"value": 331,\n\s+"unit": "people",\n\s+"qualifier": "exact",\n\s+"low": 331,\n\s+"high": 331,\n\s+"bounds": "rule"\n/;
    expect(text).toMatch(quantity);
  });
  it('orders keys the same whatever the order of the input object', () => {
    const reversed = JSON.parse(JSON.stringify(bundled), function (this: unknown, _key, value: unknown) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      return Object.fromEntries(Object.entries(value).reverse());
    }) as Dataset;
    expect(stringifyDataset(reversed)).toBe(stringifyDataset(bundled));
  });
  it('round-trips and is idempotent on the bundled dataset and the kitchen sink', () => {
    const kitchen = datasetSchema.parse(JSON.parse(readFileSync(fixture('kitchen-sink.json'), 'utf8')));
    for (const d of [bundled, kitchen]) {
      const text = stringifyDataset(d);
      expect(parseDataset(text)).toStrictEqual(d);
      expect(stringifyDataset(parseDataset(text))).toBe(text);
    }
  });
  test.prop([datasetInput])('round-trips random datasets unchanged', (input) => {
    const d = datasetSchema.parse(input);
    const text = stringifyDataset(d);
    expect(parseDataset(text)).toStrictEqual(d);
    expect(stringifyDataset(parseDataset(text))).toBe(text);
  });
  it('writeDataset writes a file that loadDataset reads back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'icestat-json-'));
    try {
      const path = join(dir, 'dataset.json');
      await writeDataset(bundled, path);
      expect(await readFile(path, 'utf8')).toBe(stringifyDataset(bundled));
      expect(await loadDataset(path)).toStrictEqual(bundled);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('safeParseDataset at scale (issue #10 item 7)', () => {
  it('locates 100,000 issues on one line, each at its own value', { timeout: 120_000 }, () => {
    const prefix = '{"schemaVersion":"1.0.0","title":"t","operations":[';
    const text = `${prefix}${Array.from({ length: 100_000 }, () => '0').join(',')}]}`;
    const r = safeParseDataset(text);
    if (r.success) throw new Error('expected a failure');
    const located = r.error.issues.filter((i) => i.path?.startsWith('operations['));
    expect(located).toHaveLength(100_000);
    // operations[k] is the value at column prefix.length + 2k + 1
    for (const k of [0, 1, 99_999]) {
      expect(located.find((i) => i.path === `operations[${k}]`)).toMatchObject({ line: 1, column: prefix.length + 2 * k + 1 });
    }
  });
});
