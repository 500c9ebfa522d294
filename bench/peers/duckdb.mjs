// (e) DuckDB (@duckdb/node-api, in-process, in-memory database, default threads = all cores):
// read_csv over the file, every column as VARCHAR, the three keys computed in SQL (AOR names
// through a joined lookup table), GROUP BY. DuckDB reads only the three columns it needs.
import { DuckDBInstance } from '@duckdb/node-api';
import { AOR_LOOKUP } from '../lib/reference.mjs';
import { inputPath, report, SEP } from '../lib/peer.mjs';

const path = inputPath();
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
const RED = `'^\\(?b\\)?\\s*\\(\\d'`;
const key = (col, expr) => `CASE WHEN ${col} IS NULL OR ${col} = '' THEN '(missing)' WHEN regexp_matches(${col}, ${RED}, 'i') THEN '(redacted)' ELSE ${expr} END`;
const aorValues = Object.entries(AOR_LOOKUP).map(([k, v]) => `(${q(k)}, ${q(v)})`).join(', ');
const sql = `
WITH aor_lookup(release, code) AS (VALUES ${aorValues}),
src AS (
  SELECT "Apprehension Date" AS d, "Apprehension Criminality" AS c, "Apprehension AOR" AS a
  FROM read_csv(${q(path)}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true)
)
SELECT
  ${key('d', `'FY' || (CAST(substr(d, 1, 4) AS INTEGER) + CASE WHEN substr(d, 6, 1) = '1' THEN 1 ELSE 0 END)`)} AS fy,
  ${key('c', `CASE substr(c, 1, 1) WHEN '1' THEN 'convicted' WHEN '2' THEN 'pending-charges' WHEN '3' THEN 'other-immigration-violator' ELSE '(invalid: ' || c || ')' END`)} AS crim,
  ${key('a', `coalesce(l.code, '(invalid: ' || a || ')')`)} AS aor,
  count(*)::BIGINT AS n
FROM src LEFT JOIN aor_lookup l ON l.release = src.a
GROUP BY ALL`;

const t0 = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const result = await conn.runAndReadAll(sql);
const groups = new Map();
let rows = 0;
for (const [fy, crim, aor, n] of result.getRows()) {
  const count = Number(n);
  groups.set(fy + SEP + crim + SEP + aor, count);
  rows += count;
}
const ms = performance.now() - t0;
const threads = (await conn.runAndReadAll(`SELECT current_setting('threads')`)).getRows()[0][0];
conn.closeSync?.();
report({ peer: 'duckdb', rows, ms, groups, extra: { threads: Number(threads) } });
