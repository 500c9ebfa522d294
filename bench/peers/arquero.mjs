// (d) Arquero: load the whole file into a column table (Arquero's own streaming CSV parser, all
// columns kept, autoType off so every cell stays a string), then derive the table's three keys
// (lib/tables.mjs) with Arquero expressions and groupby + count.
//
// Not `aq.loadCSV(path)`: in arquero 8.0.3 its stream parser corrupts a quoted field that straddles
// two chunks (truncates it and loses rows: 99,997 of 100,000 rows on records-100k.csv; compare
// uwdata/arquero#395). So the file is fed to `aq.fromCSVStream` in chunks cut after a newline,
// which is exact here because the generated files have no newlines inside quotes. `aq.fromCSV` on
// the whole text would also be exact but cannot hold the 5M file (V8's string length limit).
import { createReadStream } from 'node:fs';
import * as aq from 'arquero';
import { AOR_LOOKUP } from '../lib/reference.mjs';
import { inputPath, inputTable, report, SEP, startClock } from '../lib/peer.mjs';

const path = inputPath();
const table = inputTable();

// One Arquero expression (as text, which Arquero parses) per key kind of lib/tables.mjs.
const RED = String.raw`/^\(?b\)?\s*\(\d/i`;
const keyed = (v, expr) => `(${v} == null || ${v} === '') ? '(missing)' : op.match(${v}, ${RED}) ? '(redacted)' : ${expr}`;
const KIND = {
  fiscalYear: (v) =>
    keyed(
      v,
      `op.substring(${v}, 4, 5) === '-'
        ? 'FY' + (op.parse_int(op.substring(${v}, 0, 4)) + (op.substring(${v}, 5, 6) === '1' ? 1 : 0))
        : 'FY' + (op.parse_int(op.split(${v}, '/')[2]) + (op.parse_int(op.split(${v}, '/')[0]) >= 10 ? 1 : 0))`,
    ),
  criminality: (v) => keyed(v, `op.recode(op.substring(${v}, 0, 1), $.crimMap, '(invalid)')`),
  aor: (v) => keyed(v, `op.recode(${v}, $.aorMap, '(invalid)')`),
  text: (v) => `${v} == null ? '(missing)' : ${keyed(`op.trim(${v})`, `op.trim(${v})`)}`,
};
const names = table.keys.map((_, i) => `g${i}`);
const derive = Object.fromEntries(table.keys.map((k, i) => [names[i], `(d, $) => ${KIND[k.kind](`d[${JSON.stringify(k.column)}]`)}`]));

const t0 = startClock();
const loaded = await aq.fromCSVStream(rowAlignedText(path), { autoType: false });
const counts = loaded
  .params({
    aorMap: AOR_LOOKUP,
    crimMap: { 1: 'convicted', 2: 'pending-charges', 3: 'other-immigration-violator' },
  })
  .derive(derive)
  .groupby(...names)
  .count();
const groups = new Map();
for (const r of counts.objects()) groups.set(names.map((n) => r[n]).join(SEP), r.count);
report({ peer: 'arquero', rows: loaded.numRows(), ms: performance.now() - t0, groups });

/** A Web ReadableStream of the file's text, each chunk ending at a newline. */
function rowAlignedText(file) {
  const it = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })[Symbol.asyncIterator]();
  let carry = '';
  return new ReadableStream({
    async pull(controller) {
      for (;;) {
        const { done, value } = await it.next();
        if (done) {
          if (carry) controller.enqueue(carry);
          carry = '';
          controller.close();
          return;
        }
        const text = carry + value;
        const cut = text.lastIndexOf('\n') + 1;
        carry = text.slice(cut);
        if (cut > 0) {
          controller.enqueue(text.slice(0, cut));
          return;
        }
      }
    },
  });
}
