// (d) Arquero: load the whole file into a column table (Arquero's own streaming CSV parser, all
// columns kept, autoType off so every cell stays a string), then derive the three keys with Arquero
// expressions and groupby + count.
//
// Not `aq.loadCSV(path)`: in arquero 8.0.3 its stream parser corrupts a quoted field that straddles
// two chunks (truncates it and loses rows: 99,997 of 100,000 rows on records-100k.csv; compare
// uwdata/arquero#395). So the file is fed to `aq.fromCSVStream` in chunks cut after a newline,
// which is exact here because the generated files have no newlines inside quotes. `aq.fromCSV` on
// the whole text would also be exact but cannot hold the 5M file (V8's string length limit).
import { createReadStream } from 'node:fs';
import * as aq from 'arquero';
import { AOR_LOOKUP } from '../lib/reference.mjs';
import { inputPath, report, SEP } from '../lib/peer.mjs';

const { op } = aq;
const path = inputPath();
const t0 = performance.now();
const table = await aq.fromCSVStream(rowAlignedText(path), { autoType: false });
const counts = table
  .params({
    aorMap: AOR_LOOKUP,
    crimMap: { 1: 'convicted', 2: 'pending-charges', 3: 'other-immigration-violator' },
  })
  .derive({
    fiscalYear: (d) =>
      d['Apprehension Date'] == null
        ? '(missing)'
        : op.match(d['Apprehension Date'], /^\(?b\)?\s*\(\d/i)
          ? '(redacted)'
          : 'FY' + (op.parse_int(op.substring(d['Apprehension Date'], 0, 4)) + (op.substring(d['Apprehension Date'], 5, 6) === '1' ? 1 : 0)),
    criminality: (d, $) =>
      d['Apprehension Criminality'] == null
        ? '(missing)'
        : op.match(d['Apprehension Criminality'], /^\(?b\)?\s*\(\d/i)
          ? '(redacted)'
          : op.recode(op.substring(d['Apprehension Criminality'], 0, 1), $.crimMap, '(invalid)'),
    aor: (d, $) =>
      d['Apprehension AOR'] == null
        ? '(missing)'
        : op.match(d['Apprehension AOR'], /^\(?b\)?\s*\(\d/i)
          ? '(redacted)'
          : op.recode(d['Apprehension AOR'], $.aorMap, '(invalid)'),
  })
  .groupby('fiscalYear', 'criminality', 'aor')
  .count();
const groups = new Map();
for (const r of counts.objects()) groups.set(r.fiscalYear + SEP + r.criminality + SEP + r.aor, r.count);
report({ peer: 'arquero', rows: table.numRows(), ms: performance.now() - t0, groups });

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
