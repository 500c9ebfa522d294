import { IcestatError } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import * as browser from './node-files.browser';
import * as node from './node-files';

describe('#node-files', () => {
  it('has the same exports in Node and in its browser twin', () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
    expect([node.canReadFiles, browser.canReadFiles]).toEqual([true, false]);
  });

  it('the browser twin names the path and says what to pass instead', async () => {
    let thrown: unknown;
    try {
      browser.openFile('data/arrests.csv');
    } catch (e) {
      thrown = e;
    }
    expect(IcestatError.isInstance(thrown) && thrown.code).toBe('invalid_input');
    expect((thrown as Error).message).toBe(
      'data/arrests.csv: reading a file path needs Node.js; in a browser, pass an http(s) URL, a ReadableStream or the text itself',
    );
    await expect(browser.writeTextFile(new URL('file:///out/dataset.json'), '{}')).rejects.toThrow(
      'file:///out/dataset.json: writing a file path needs Node.js',
    );
  });

  it('Node reads a file in chunks and knows ASCII bytes', async () => {
    const chunks: unknown[] = [];
    for await (const c of node.openFile(new URL('../../package.json', import.meta.url))) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(0);
    expect(node.isAsciiBytes?.(new Uint8Array([0x61, 0x62]))).toBe(true);
    expect(node.isAsciiBytes?.(new Uint8Array([0xc3, 0xa9]))).toBe(false);
  });
});
