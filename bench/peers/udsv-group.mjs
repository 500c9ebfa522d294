// Extra (opt-in, `--only udsv-group`): uDSV's incremental parser plus the same grouping the other
// JavaScript peers do (lib/peer.mjs), to separate the cost of grouping from the cost of parsing.
import { createReadStream } from 'node:fs';
import { inferSchema, initParser } from 'udsv';
import { arrayGrouper, inputPath, report, startClock } from '../lib/peer.mjs';

const path = inputPath();
const t0 = startClock();
let parser = null;
let grouper = null;
let rows = 0;
const add = (row) => {
  rows++;
  grouper.add(row);
};
for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  if (!parser) {
    parser = initParser(inferSchema(chunk));
    grouper = arrayGrouper(parser.schema.cols.map((c) => c.name));
  }
  parser.chunk(chunk, parser.stringArrs, add);
}
parser?.end();
report({ peer: 'udsv-group', rows, ms: performance.now() - t0, groups: grouper.groups });
