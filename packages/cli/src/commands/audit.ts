import { audit, countFindings, type Finding, type FindingSeverity } from '@icestat/core';
import { commonOptions, parseCommandArgs } from '../args';
import { readDataset } from '../engine';
import { expandInputs } from '../inputs';
import type { CliIo } from '../io';
import type { Paint } from '../load-report';
import { paintFor } from '../paint';
import { describeIssues } from './validate';
import { exitCodes } from '../usage-error';

/** The text of `icestat audit --help`. */
export const help = `icestat audit — recompute every claim and breakdown of an icestat dataset

Usage: icestat audit DATASET... [options]

DATASET is an icestat dataset as JSON or as a figures CSV (a path, a glob, or - for standard input).
Every breakdown is summed against its total, every derived claim ("around 47%", "twice as large")
recomputed from its inputs with their intervals, sources compared and periods checked.

Options:
  --json           the findings as JSON (code, severity, message, location, expected, actual)
  --passed         list the checks that passed too (by default only counted)
  -h, --help       this help

Exit codes: 0 no errors (warnings allowed) · 1 errors found · 2 the dataset cannot be read, or bad usage.

Examples:
  icestat audit packages/data/data/icestat-dataset.json
  icestat audit figures.csv --json > findings.json
`;

const headings: Readonly<Record<FindingSeverity, string>> = {
  error: 'Errors — cannot be true as stated',
  warning: 'Warnings — a reader should look',
  info: 'Checked and consistent',
};

function where(f: Finding): string {
  const ids = [
    f.location.operation && `operation ${f.location.operation}`,
    f.location.series && `series ${f.location.series}`,
    f.location.breakdown && `breakdown ${f.location.breakdown}`,
    f.location.claim && `claim ${f.location.claim}`,
  ].filter(Boolean);
  return `${f.location.path}${ids.length > 0 ? ` (${ids.join(', ')})` : ''}`;
}

/** Findings grouped by severity, each with its location, for the terminal. */
export function describeFindings(file: string, findings: readonly Finding[], paint: Paint, passed: boolean): string {
  const counts = countFindings(findings);
  const colour = { error: paint.red, warning: paint.yellow, info: paint.green } as const;
  const out = [`${paint.bold(file)}: ${colour.error(`${counts.error} errors`)}, ${colour.warning(`${counts.warning} warnings`)}, ${counts.info} checks passed`];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const list = findings.filter((f) => f.severity === severity);
    if (list.length === 0 || (severity === 'info' && !passed)) continue;
    out.push('', colour[severity](`${headings[severity]} (${list.length})`));
    for (const f of list) out.push(`  ${f.message}`, paint.dim(`    at ${where(f)} [${f.code}]`));
  }
  return `${out.join('\n')}\n`;
}

/**
 * Runs `icestat audit`.
 *
 * @param argv - The arguments after `audit`.
 * @param io - Streams, environment and working directory.
 * @returns 0, 1 when a dataset has error findings, 2 when one cannot be read.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('audit', {
    args: [...argv],
    allowPositionals: true,
    strict: true,
    allowNegative: true,
    options: { ...commonOptions, json: { type: 'boolean' }, passed: { type: 'boolean' } },
  });
  if (values.help) {
    io.stdout.write(help);
    return exitCodes.ok;
  }
  const inputs = await expandInputs(positionals, io, 'audit');
  const paint = paintFor(io.stdout, io.env);
  const results: { file: string; counts: Record<FindingSeverity, number>; findings: Finding[] }[] = [];
  let code: number = exitCodes.ok;
  for (const input of inputs) {
    const loaded = await readDataset(input);
    if (!loaded.success) {
      io.stderr.write(describeIssues(input.name, loaded.error, paintFor(io.stderr, io.env)));
      io.stderr.write(`icestat: ${input.name} cannot be audited until it reads as a dataset (\`icestat validate ${input.name}\`)\n`);
      code = exitCodes.badInput;
      continue;
    }
    const findings = audit(loaded.data);
    const counts = countFindings(findings);
    if (counts.error > 0 && code === exitCodes.ok) code = exitCodes.dataErrors;
    results.push({ file: input.name, counts, findings });
    if (!values.json) io.stdout.write(describeFindings(input.name, findings, paint, values.passed === true));
  }
  if (values.json) io.stdout.write(`${JSON.stringify(inputs.length === 1 ? (results[0] ?? null) : results, null, 2)}\n`);
  return code;
}
