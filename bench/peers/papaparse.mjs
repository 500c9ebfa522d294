// (b) papaparse streaming a file (Node readable input, `chunk` callback, rows as arrays), grouping.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { arrayGrouper, inputPath, report, startClock } from '../lib/peer.mjs';

const path = inputPath();
const t0 = startClock();
let grouper = null;
let rows = 0;
await new Promise((resolve, reject) => {
  Papa.parse(createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }), {
    header: false,
    skipEmptyLines: true,
    chunk(results) {
      let data = results.data;
      if (!grouper) {
        grouper = arrayGrouper(data[0]);
        data = data.slice(1);
      }
      for (const row of data) grouper.add(row);
      rows += data.length;
    },
    complete: resolve,
    error: reject,
  });
});
report({ peer: 'papaparse', rows, ms: performance.now() - t0, groups: grouper.groups });
