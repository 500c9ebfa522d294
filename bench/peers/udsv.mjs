// (a) The floor: uDSV's incremental parser over a file stream, counting rows and nothing else.
import { createReadStream } from 'node:fs';
import { inferSchema, initParser } from 'udsv';
import { inputPath, report, startClock } from '../lib/peer.mjs';

const path = inputPath();
const t0 = startClock();
let parser = null;
let rows = 0;
const count = () => {
  rows++;
};
for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  parser ??= initParser(inferSchema(chunk));
  parser.chunk(chunk, parser.stringArrs, count);
}
parser?.end();
report({ peer: 'udsv', rows, ms: performance.now() - t0 });
