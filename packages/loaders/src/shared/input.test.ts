import { Readable } from 'node:stream';
import { fc, test } from '@fast-check/vitest';
import { IcestatError } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { TEXT_PIECE, textChunks } from './input';

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

describe('textChunks hands a big read on as text of TEXT_PIECE bytes at a time', () => {
  async function pieces(chunks: readonly Uint8Array[]): Promise<string[]> {
    const out: string[] = [];
    for await (const t of textChunks(Readable.from(chunks.map((c) => Buffer.from(c))))) out.push(t);
    return out;
  }

  it('cuts a 1 MiB read of ASCII into pieces of TEXT_PIECE bytes that join back to the read', async () => {
    const line = 'Apprehension Date,Apprehension AOR\n2016-10-01,Chicago Area of Responsibility\n';
    const s = line.repeat(Math.ceil((1024 * 1024) / line.length)).slice(0, 1024 * 1024);
    const out = await pieces([encoder.encode(s)]);
    expect(out.map((p) => p.length)).toEqual(Array.from({ length: (1024 * 1024) / TEXT_PIECE }, () => TEXT_PIECE));
    expect(out.join('')).toBe(s);
  });

  it('keeps a character whose bytes straddle a piece boundary whole, wherever it falls', async () => {
    for (const char of ['é', '“', '😀']) {
      const width = encoder.encode(char).length;
      for (let before = TEXT_PIECE - width; before <= TEXT_PIECE; before++) {
        const s = `${'a'.repeat(before)}${char}${'b'.repeat(TEXT_PIECE)}${char}\n`;
        const out = await pieces([encoder.encode(s)]);
        expect(out.join('')).toBe(s);
        // At most a piece's bytes, plus a character held over from the piece before (an emoji is two UTF-16 units).
        expect(Math.max(...out.map((p) => p.length))).toBeLessThanOrEqual(TEXT_PIECE + 1);
      }
    }
  });

  it('locates a bad byte in a later piece of a big read by its offset and line in the file', async () => {
    const lines = 'x,y\n'.repeat(40_000); // 160,000 bytes: the bad byte falls in a later piece
    const bytes = new Uint8Array([...encoder.encode(lines), 0x61, 0xff, 0x0a]);
    const error = await pieces([bytes]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(IcestatError.isInstance(error) && error.code).toBe('unsupported_encoding');
    expect((error as Error).message).toContain('byte 0xFF at byte offset 160001 (line 40001)');
  });
});
