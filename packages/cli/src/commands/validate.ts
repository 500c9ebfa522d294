import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { IcestatError } from '@icestat/core';
import { commonOptions, parseCommandArgs } from '../args';
import { readDataset } from '../engine';
import { expandInputs } from '../inputs';
import type { CliIo } from '../io';
import type { Paint } from '../load-report';
import { paintFor } from '../paint';
import { exitCodes, UsageError } from '../usage-error';

/** The text of `icestat validate --help`. */
export const help = `icestat validate — check an icestat dataset

Usage: icestat validate DATASET... [--texts DIR] [--json]

Checks each DATASET (JSON or figures CSV; a path, a glob, or - for standard input) against the
schema: every field, unique ids, every reference (sources, breakdown totals, claim inputs) resolves,
and breakdown parts are in their total's unit. Each problem is given with its file, line, column
and JSON path (or CSV line and column).

Options:
  --texts DIR      also check that each figure's and claim's evidence is quoted verbatim in its
                   source's text: DIR/<source-id>.txt (or .md, .html), or the file the source's
                   note names
  --json           the result as JSON
  -h, --help       this help

Exit codes: 0 valid · 1 problems found · 2 a file cannot be read, or bad usage.

Examples:
  icestat validate packages/data/data/icestat-dataset.json
  icestat validate dataset.json --texts sources/
`;

/** An error's located issues, one a line: `file:line:column: path: message`. */
export function describeIssues(file: string, error: IcestatError, paint: Paint): string {
  if (error.issues.length === 0) return `${paint.red('✗')} ${error.message}\n`;
  const lines = error.issues.map((i) => {
    const at = [i.file ?? file, i.line, i.column].filter((x) => x !== undefined).join(':');
    return `${paint.red('✗')} ${i.message.startsWith(`${at}:`) ? i.message : `${at}: ${i.message}`}`;
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `icestat validate`.
 *
 * @param argv - The arguments after `validate`.
 * @param io - Streams, environment and working directory.
 * @returns 0 valid, 1 problems found, 2 unreadable input or bad usage.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', {
    args: [...argv],
    allowPositionals: true,
    strict: true,
    allowNegative: true,
    options: { ...commonOptions, texts: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (values.help) {
    io.stdout.write(help);
    return exitCodes.ok;
  }
  const texts = values.texts === undefined ? undefined : resolve(io.cwd, values.texts);
  if (texts !== undefined && !(await stat(texts).catch(() => undefined))?.isDirectory())
    throw new UsageError(`--texts ${values.texts}: not a folder`, 'validate');
  const inputs = await expandInputs(positionals, io, 'validate');
  const paint = paintFor(io.stdout, io.env);
  const results: object[] = [];
  let code: number = exitCodes.ok;
  for (const input of inputs) {
    const loaded = await readDataset(input);
    if (!loaded.success) {
      code = exitCodes.dataErrors;
      const { issues } = loaded.error;
      results.push({
        file: input.name,
        valid: false,
        code: loaded.error.code,
        issues: issues.length > 0 ? issues : [{ code: loaded.error.code, message: loaded.error.message }],
      });
      if (!values.json)
        io.stdout.write(
          `${describeIssues(input.name, loaded.error, paint)}${paint.bold(input.name)}: ${paint.red(`invalid — ${Math.max(issues.length, 1)} problem${issues.length === 1 ? '' : 's'}`)}\n`,
        );
      continue;
    }
    const d = loaded.data;
    const summary = `${d.sources.length} sources, ${d.operations.length} operations, ${d.series.length} series`;
    if (texts === undefined) {
      results.push({ file: input.name, valid: true, issues: [] });
      if (!values.json) io.stdout.write(`${paint.green('✓')} ${paint.bold(input.name)}: valid (schema and cross-references; ${summary})\n`);
      continue;
    }
    const { checkEvidence } = await import('../evidence');
    const evidence = await checkEvidence(d, texts);
    if (evidence.issues.length > 0) code = exitCodes.dataErrors;
    results.push({
      file: input.name,
      valid: evidence.issues.length === 0,
      issues: evidence.issues,
      evidence: { checked: evidence.checked, sourcesWithoutText: evidence.sourcesWithoutText },
    });
    if (values.json) continue;
    for (const i of evidence.issues) io.stdout.write(`${paint.red('✗')} ${input.name}: ${i.message}\n`);
    const unchecked =
      evidence.sourcesWithoutText.length > 0
        ? `; ${evidence.sourcesWithoutText.length} source(s) have no text in ${values.texts}, their items not checked: ${evidence.sourcesWithoutText.join(', ')}`
        : '';
    const mark = evidence.issues.length === 0 ? paint.green('✓') : paint.red('✗');
    io.stdout.write(
      `${mark} ${paint.bold(input.name)}: schema and cross-references valid (${summary}); evidence: ${evidence.checked - evidence.issues.length} of ${evidence.checked} found in ${evidence.matched.size} source text(s)${unchecked}\n`,
    );
  }
  if (values.json) io.stdout.write(`${JSON.stringify(inputs.length === 1 ? results[0] : results, null, 2)}\n`);
  return code;
}
