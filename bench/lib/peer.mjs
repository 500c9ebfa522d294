// What every JavaScript peer shares: the grouping of a bench table (lib/tables.mjs says which
// columns and key kinds; the keys are the labels icestat's tally produces), the table a peer was
// asked for, and the one-line JSON report a peer prints on exit.
import { readFileSync, statSync } from 'node:fs';
import { AOR_LOOKUP } from './reference.mjs';
import { benchTable } from './tables.mjs';

export const MISSING = '(missing)';
export const REDACTED = '(redacted)';
/** Joins a group's values, as @icestat/core's tally does. */
export const SEP = '\u001f';

/** A FOIA redaction marker such as `(b)(6), (b)(7)(c)`, `(B)(6);(B)(7)(C) ` or `b(6), b(7)(c)`. */
export const isRedacted = (s) => /^\(?b\)?\s*\(\d/i.test(s);

/**
 * A date → its US federal fiscal year (October starts the next one): `2016-10-01[ hh:mm:ss]` or
 * `10/1/2016[ h:mm]` → `FY2017`.
 */
export function fiscalYearKey(s) {
  if (s === undefined || s === null || s === '') return MISSING;
  if (isRedacted(s)) return REDACTED;
  if (s.charCodeAt(4) === 45 /* '-': ISO */) return `FY${s.charCodeAt(5) === 49 /* '1': Oct, Nov, Dec */ ? +s.slice(0, 4) + 1 : +s.slice(0, 4)}`;
  const a = s.indexOf('/');
  const b = s.indexOf('/', a + 1);
  const y = +s.slice(b + 1, b + 5);
  return `FY${+s.slice(0, a) >= 10 ? y + 1 : y}`;
}

const CRIMINALITY = { 49: 'convicted', 50: 'pending-charges', 51: 'other-immigration-violator' };
/** `1 Convicted Criminal` → `convicted`, from the leading digit. */
export function criminalityKey(s) {
  if (s === undefined || s === null || s === '') return MISSING;
  if (isRedacted(s)) return REDACTED;
  return CRIMINALITY[s.charCodeAt(0)] ?? `(invalid: ${s})`;
}

/** `Chicago Area of Responsibility` or `CHI` → `CHI`. */
export function aorKey(s) {
  if (s === undefined || s === null || s === '') return MISSING;
  if (isRedacted(s)) return REDACTED;
  return AOR_LOOKUP[s] ?? `(invalid: ${s})`;
}

/** A text cell as icestat keeps it: trimmed; blank → `(missing)`. */
export function textKey(s) {
  if (s === undefined || s === null) return MISSING;
  const t = s.trim();
  if (t === '') return MISSING;
  if (isRedacted(t)) return REDACTED;
  return t;
}

/** Each key kind of lib/tables.mjs → the function that turns a cell into its label. */
export const KEY_FUNCTIONS = { fiscalYear: fiscalYearKey, criminality: criminalityKey, aor: aorKey, text: textKey };

/** The bench table a peer was asked for (argv[3], default `arrests`), from lib/tables.mjs. */
export function inputTable() {
  return benchTable(process.argv[3] || 'arrests');
}

/**
 * A counter of groups for rows given as arrays of strings, with column positions taken from the
 * header row and the keys from the table's description.
 */
export function arrayGrouper(header, table = inputTable()) {
  const at = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`column "${name}" not in header: ${header.join(', ')}`);
    return i;
  };
  const [k1, k2, k3] = table.keys.map((k) => ({ i: at(k.column), f: KEY_FUNCTIONS[k.kind] }));
  if (!k3 || table.keys.length !== 3) throw new Error('the bench groups by exactly three keys');
  const groups = new Map();
  return {
    groups,
    add(row) {
      const key = k1.f(row[k1.i]) + SEP + k2.f(row[k2.i]) + SEP + k3.f(row[k3.i]);
      groups.set(key, (groups.get(key) ?? 0) + 1);
    },
  };
}

/** Peak resident set size of this process in kB (the larger of getrusage and /proc VmHWM). */
export function peakRssKb() {
  let hwm = 0;
  try {
    hwm = Number(/VmHWM:\s+(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
  } catch {
    // not Linux
  }
  return Math.max(hwm, process.resourceUsage().maxRSS);
}

/** The CSV path a peer was given (argv[2]). */
export function inputPath() {
  const p = process.argv[2];
  if (!p) {
    console.error(`usage: node ${process.argv[1]} <file.csv> [arrests|encounters|removals]`);
    process.exit(64);
  }
  statSync(p);
  return p;
}

let cpuAtStart = null;
/**
 * Starts the peer's clock: returns `performance.now()` and notes the process's CPU time, so the
 * report can say how much CPU (user + system, every thread) the work took besides its wall time.
 */
export function startClock() {
  cpuAtStart = process.cpuUsage();
  return performance.now();
}

/**
 * Prints the peer's result as one JSON line on stdout (the harness reads the last line).
 *
 * @param {{ peer: string, rows: number, ms: number, groups?: Map<string, number> | Record<string, number>, extra?: object }} r
 */
export function report(r) {
  const groups = r.groups instanceof Map ? Object.fromEntries(r.groups) : r.groups;
  const cpu = cpuAtStart ? process.cpuUsage(cpuAtStart) : null;
  const cpuMs = cpu ? (cpu.user + cpu.system) / 1000 : null;
  process.stdout.write(`${JSON.stringify({ peer: r.peer, rows: r.rows, ms: r.ms, cpuMs, peakRssKb: peakRssKb(), groups, extra: r.extra })}\n`);
}
