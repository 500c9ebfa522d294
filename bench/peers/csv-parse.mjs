// (c) csv-parse (Node stream API) piped from a file stream, rows as arrays, grouping.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { arrayGrouper, inputPath, report, startClock } from '../lib/peer.mjs';

const path = inputPath();
const t0 = startClock();
let grouper = null;
let rows = 0;
const parser = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(parse({ skip_empty_lines: true }));
for await (const row of parser) {
  if (!grouper) {
    grouper = arrayGrouper(row);
    continue;
  }
  grouper.add(row);
  rows++;
}
report({ peer: 'csv-parse', rows, ms: performance.now() - t0, groups: grouper.groups });
