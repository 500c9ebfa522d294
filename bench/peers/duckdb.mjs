// (e) DuckDB (@duckdb/node-api, in-process, in-memory database, default threads = all cores):
// read_csv over the file, every column as VARCHAR, the table's three keys (lib/tables.mjs)
// computed in SQL (AOR names through a joined lookup table), GROUP BY. DuckDB reads only the
// columns it needs.
import { DuckDBInstance } from '@duckdb/node-api';
import { AOR_LOOKUP } from '../lib/reference.mjs';
import { inputPath, inputTable, report, SEP, startClock } from '../lib/peer.mjs';

const path = inputPath();
const table = inputTable();
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
const id = (s) => `"${String(s).replaceAll('"', '""')}"`;
const RED = `'^\\(?b\\)?\\s*\\(\\d'`;
const key = (col, expr) =>
  `CASE WHEN ${col} IS NULL OR ${col} = '' THEN '(missing)' WHEN regexp_matches(${col}, ${RED}, 'i') THEN '(redacted)' ELSE ${expr} END`;
const aorValues = Object.entries(AOR_LOOKUP)
  .map(([k, v]) => `(${q(k)}, ${q(v)})`)
  .join(', ');

// One SQL expression per key kind; `k` is the column's alias in `src`, `i` its position.
const KIND = {
  fiscalYear: (k) =>
    key(
      k,
      `CASE WHEN substr(${k}, 5, 1) = '-'
        THEN 'FY' || (CAST(substr(${k}, 1, 4) AS INTEGER) + CASE WHEN substr(${k}, 6, 1) = '1' THEN 1 ELSE 0 END)
        ELSE 'FY' || (CAST(substr(split_part(${k}, '/', 3), 1, 4) AS INTEGER) + CASE WHEN CAST(split_part(${k}, '/', 1) AS INTEGER) >= 10 THEN 1 ELSE 0 END) END`,
    ),
  criminality: (k) =>
    key(
      k,
      `CASE substr(${k}, 1, 1) WHEN '1' THEN 'convicted' WHEN '2' THEN 'pending-charges' WHEN '3' THEN 'other-immigration-violator' ELSE '(invalid: ' || ${k} || ')' END`,
    ),
  aor: (k, i) => key(k, `coalesce(l${i}.code, '(invalid: ' || ${k} || ')')`),
  text: (k) => key(`trim(${k})`, `trim(${k})`),
};
const cols = table.keys.map((c, i) => ({ ...c, alias: `k${i}`, i }));
const sql = `
WITH aor_lookup(release, code) AS (VALUES ${aorValues}),
src AS (
  SELECT ${cols.map((c) => `${id(c.column)} AS ${c.alias}`).join(', ')}
  FROM read_csv(${q(path)}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true)
)
SELECT
  ${cols.map((c) => `${KIND[c.kind](`src.${c.alias}`, c.i)} AS g${c.i}`).join(',\n  ')},
  count(*)::BIGINT AS n
FROM src ${cols
  .filter((c) => c.kind === 'aor')
  .map((c) => `LEFT JOIN aor_lookup l${c.i} ON l${c.i}.release = src.${c.alias}`)
  .join(' ')}
GROUP BY ALL`;

const t0 = startClock();
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const result = await conn.runAndReadAll(sql);
const groups = new Map();
let rows = 0;
for (const row of result.getRows()) {
  const count = Number(row[row.length - 1]);
  groups.set(row.slice(0, -1).join(SEP), count);
  rows += count;
}
const ms = performance.now() - t0;
const threads = (await conn.runAndReadAll(`SELECT current_setting('threads')`)).getRows()[0][0];
conn.closeSync?.();
report({ peer: 'duckdb', rows, ms, groups, extra: { threads: Number(threads), table: table.table } });
