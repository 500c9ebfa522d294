import { Readable } from 'node:stream';
import { fc, test } from '@fast-check/vitest';
import { IcestatError } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { textChunks } from './input';

async function text(chunks: readonly Uint8Array[]): Promise<string> {
  let out = '';
  for await (const t of textChunks(Readable.from(chunks.map((c) => Buffer.from(c))))) out += t;
  return out;
}

const encoder = new TextEncoder();

describe('textChunks from Node Buffers (ASCII fast path)', () => {
  it('joins ASCII chunks and characters split across chunks', async () => {
    const bytes = encoder.encode('a,b\n“quoted”,é\nplain,ascii\n');
    // split inside “ (3 bytes), inside é (2 bytes), and between pure-ASCII runs
    const cuts = [2, 5, 6, 17, 18, 22];
    const chunks = cuts.map((c, i) => bytes.slice(i === 0 ? 0 : cuts[i - 1], c)).concat([bytes.slice(cuts[cuts.length - 1])]);
    expect(await text(chunks)).toBe('a,b\n“quoted”,é\nplain,ascii\n');
  });

  it('drops a byte-order mark and rejects bytes that are not UTF-8', async () => {
    expect(await text([new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), encoder.encode(',b\n')])).toBe('a,b\n');
    // a lead byte whose continuation never comes, followed by ASCII
    await expect(text([new Uint8Array([0x61, 0xe2, 0x80]), encoder.encode('abc')])).rejects.toSatisfy(
      (e: unknown) => IcestatError.isInstance(e) && e.code === 'unsupported_encoding',
    );
  });

  it("keeps a U+FEFF that starts a later chunk: only the input's first character is a byte-order mark (issue #10 item 4)", async () => {
    // The first chunk takes the ASCII path, so the decoder first sees the second chunk.
    expect(await text([encoder.encode('a,b\n'), encoder.encode('\uFEFFc,d\n')])).toBe('a,b\n\uFEFFc,d\n');
    expect(await text([encoder.encode('\uFEFF\uFEFFa\n')])).toBe('\uFEFFa\n');
  });

  const withBoms = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constant('\uFEFF')), { maxLength: 14 }).map((p) => p.join(''));
  test.prop([withBoms, fc.array(fc.nat(), { maxLength: 8 })])(
    'any text with U+FEFF anywhere, cut into any Buffers, loses only a leading one',
    async (s, rawCuts) => {
      const bytes = encoder.encode(s);
      const cuts = [...new Set(rawCuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const chunks: Uint8Array[] = [];
      let at = 0;
      for (const c of [...cuts, bytes.length]) {
        chunks.push(bytes.slice(at, c));
        at = c;
      }
      expect(await text(chunks)).toBe(s.replace(/^\uFEFF/, ''));
    },
  );

  test.prop([fc.string({ unit: 'grapheme', maxLength: 80 }), fc.array(fc.nat(), { maxLength: 8 })])(
    'any text cut into any Buffers reads back the same',
    async (s, rawCuts) => {
      const bytes = encoder.encode(s.replace(/^\uFEFF/, ''));
      const cuts = [...new Set(rawCuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const chunks: Uint8Array[] = [];
      let at = 0;
      for (const c of [...cuts, bytes.length]) {
        chunks.push(bytes.slice(at, c));
        at = c;
      }
      expect(await text(chunks)).toBe(s.replace(/^\uFEFF/, ''));
    },
  );
});
