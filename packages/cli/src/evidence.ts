import { readdir, readFile } from 'node:fs/promises';
import { join, parse } from 'node:path';
import { figuresOf, type Dataset, type IcestatIssue } from '@icestat/core';

/** What checking evidence against source texts found. */
export interface EvidenceCheck {
  /** Items (figures and claims) whose evidence was looked for in their source's text. */
  readonly checked: number;
  /** Evidence phrases not found verbatim in their source's text, located. */
  readonly issues: readonly IcestatIssue[];
  /** Sources with no text in the folder: their items were not checked. */
  readonly sourcesWithoutText: readonly string[];
  /** Which text file each source was matched to. */
  readonly matched: ReadonlyMap<string, string>;
}

/** Whitespace runs as one space, typographic quotes and dashes as plain ones: a PDF's line breaks and a CMS's quotes do not hide a quote. */
function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Checks that each figure's and claim's `evidence` appears verbatim (up to whitespace, quote and
 * dash styles) in the text of its source. A source's text is the file of the folder named after
 * the source's id (`<id>.txt`, `.md`, `.html`), or the file whose name the source's note or URL
 * mentions.
 */
export async function checkEvidence(dataset: Dataset, dir: string): Promise<EvidenceCheck> {
  const files = (await readdir(dir, { withFileTypes: true })).filter((f) => f.isFile()).map((f) => f.name);
  const matched = new Map<string, string>();
  for (const s of dataset.sources) {
    const file = files.find((f) => parse(f).name === s.id) ?? files.find((f) => (s.note ?? '').includes(f) || (s.url ?? '').endsWith(f));
    if (file) matched.set(s.id, file);
  }
  const texts = new Map<string, string>();
  for (const file of new Set(matched.values())) texts.set(file, normalise(await readFile(join(dir, file), 'utf8')));

  const items: { id: string; source: string; evidence: string; path: string }[] = [];
  for (const v of figuresOf(dataset))
    items.push({ id: v.figure.id, source: v.figure.source, evidence: v.figure.evidence, path: `${pathText(v.path)}.evidence` });
  const claimSets: [readonly { id: string; source: string; evidence: string }[], string][] = [
    ...dataset.operations.map((o, i): [typeof o.claims, string] => [o.claims, `operations[${i}].claims`]),
    ...dataset.series.map((s, i): [typeof s.claims, string] => [s.claims, `series[${i}].claims`]),
    [dataset.claims, 'claims'],
  ];
  for (const [claims, base] of claimSets) {
    for (const [k, c] of claims.entries()) items.push({ id: c.id, source: c.source, evidence: c.evidence, path: `${base}[${k}].evidence` });
  }

  const issues: IcestatIssue[] = [];
  let checked = 0;
  const without = new Set<string>();
  for (const item of items) {
    const file = matched.get(item.source);
    if (!file) {
      without.add(item.source);
      continue;
    }
    checked++;
    if (!texts.get(file)!.includes(normalise(item.evidence))) {
      issues.push({
        code: 'evidence_not_found',
        path: item.path,
        file,
        message: `${item.path}: the evidence of "${item.id}", “${item.evidence}”, is not in ${file} (the text of source "${item.source}")`,
      });
    }
  }
  return { checked, issues, sourcesWithoutText: [...without], matched };
}

function pathText(path: readonly (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}
