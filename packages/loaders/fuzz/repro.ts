// `npx tsx --conditions=@icestat/source fuzz/repro.ts <file> [maxRowLength] [delimiter]`: reads a
// file the fuzz kept, with the library and the reference reader, and prints where they differ.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseArrestRecords } from '../src/csv/index';
import { referenceRead } from './reference';

const [path, max, delimiter] = process.argv.slice(2);
if (!path) throw new Error('usage: repro.ts <file> [maxRowLength] [delimiter]');
const text = readFileSync(path, 'utf8');
const maxRowLength = max ? Number(max) : 1 << 20;
const ref = referenceRead(text, { maxRowLength, ...(delimiter ? { delimiter } : {}) });
let lib: ReturnType<typeof parseArrestRecords>;
try {
  lib = parseArrestRecords(text, { maxRowLength, maxRejections: Infinity, ...(delimiter ? { delimiter } : {}) });
} catch (e) {
  console.log(`library threw ${String(e)}; reference ${ref.error ?? 'read the file'}`);
  process.exit(0);
}
for (const k of ['rowsRead', 'accepted', 'rejected', 'blankLines', 'delimiter'] as const) {
  if (lib.report[k] !== ref[k]) console.log(`${k}: library ${JSON.stringify(lib.report[k])}, reference ${JSON.stringify(ref[k])}`);
}
const n = Math.max(lib.report.rejections.length, ref.rejections.length);
for (let i = 0; i < n; i++) {
  const a = lib.report.rejections[i];
  const b = ref.rejections[i];
  const pick = (r: typeof a | typeof b) => r && { line: r.line, code: r.code, column: r.column, raw: r.raw, endLine: r.endLine, quote: r.quote };
  if (!isDeepStrictEqual(pick(a), pick(b))) console.log(`rejection ${i}:\n  library   ${JSON.stringify(pick(a))}\n  reference ${JSON.stringify(pick(b))}`);
}
if (!isDeepStrictEqual(lib.records, ref.records)) console.log('records differ');
