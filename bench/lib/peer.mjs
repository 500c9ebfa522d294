// What every JavaScript peer shares: the grouping (fiscal year × criminality class × AOR code, the
// same keys icestat's tally produces) and the one-line JSON report a peer prints on exit.
import { readFileSync, statSync } from 'node:fs';
import { AOR_LOOKUP } from './reference.mjs';

export const MISSING = '(missing)';
export const REDACTED = '(redacted)';
/** Joins a group's values, as @icestat/core's tally does. */
export const SEP = '\u001f';
export const BY = ['fiscalYear', 'criminality', 'aor'];
export const COLUMNS = { date: 'Apprehension Date', criminality: 'Apprehension Criminality', aor: 'Apprehension AOR' };

/** A FOIA redaction marker such as `(b)(6), (b)(7)(c)` or `b(6), b(7)(c)`. */
export const isRedacted = (s) => /^\(?b\)?\s*\(\d/i.test(s);

/** `2016-10-01[ hh:mm:ss]` → `FY2017` (US federal fiscal year: October starts the next one). */
export function fiscalYearKey(s) {
  if (s === undefined || s === null || s === '') return MISSING;
  if (isRedacted(s)) return REDACTED;
  const y = +s.slice(0, 4);
  return 'FY' + (s.charCodeAt(5) === 49 /* '1': Oct, Nov, Dec */ ? y + 1 : y);
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

/**
 * A counter of groups for rows given as arrays of strings, with column positions taken from the
 * header row.
 */
export function arrayGrouper(header) {
  const at = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`column "${name}" not in header: ${header.join(', ')}`);
    return i;
  };
  const d = at(COLUMNS.date);
  const c = at(COLUMNS.criminality);
  const a = at(COLUMNS.aor);
  const groups = new Map();
  return {
    groups,
    add(row) {
      const key = fiscalYearKey(row[d]) + SEP + criminalityKey(row[c]) + SEP + aorKey(row[a]);
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
    console.error(`usage: node ${process.argv[1]} <file.csv>`);
    process.exit(64);
  }
  statSync(p);
  return p;
}

/**
 * Prints the peer's result as one JSON line on stdout (the harness reads the last line).
 *
 * @param {{ peer: string, rows: number, ms: number, groups?: Map<string, number> | Record<string, number>, extra?: object }} r
 */
export function report(r) {
  const groups = r.groups instanceof Map ? Object.fromEntries(r.groups) : r.groups;
  process.stdout.write(JSON.stringify({ peer: r.peer, rows: r.rows, ms: r.ms, peakRssKb: peakRssKb(), groups, extra: r.extra }) + '\n');
}
