import type { Dataset } from '../model/dataset';
import { breakdownsOf, containersOf, figuresOf } from '../model/walk';
import { formatPath } from '../errors';

/** One phrase {@link verifyEvidence} looked for. */
export interface EvidenceCheck {
  /** The figure, claim or uncounted category the phrase is evidence for. */
  readonly id: string;
  readonly kind: 'figure' | 'claim' | 'uncounted';
  /** JSON path of the item. */
  readonly path: string;
  readonly source: string;
  readonly evidence: string;
}

/** What {@link verifyEvidence} found. */
export interface EvidenceReport {
  /** Phrases found in their source's text. */
  readonly found: readonly EvidenceCheck[];
  /** Phrases not found in their source's text: a typo, a paraphrase, or the wrong source. */
  readonly missing: readonly EvidenceCheck[];
  /** Phrases whose source's text was not given (derived figures are never checked: nobody states them). */
  readonly unchecked: readonly EvidenceCheck[];
}

const named: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: "'",
  lsquo: "'",
  rdquo: '"',
  ldquo: '"',
  mdash: '-',
  ndash: '-',
  hellip: '...',
  minus: '-',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
  shy: '',
};

/**
 * Text as the matching reads it: HTML tags dropped, entities decoded, curly quotes and dashes made
 * plain, whitespace collapsed, lower case.
 *
 * @param text - Source text or a phrase, plain or HTML.
 * @returns The normalised text.
 * @example
 * normaliseEvidenceText('<p>nearly&nbsp;500 “people”</p>'); // => 'nearly 500 "people"'
 */
export function normaliseEvidenceText(text: string): string {
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return named[e.toLowerCase()] ?? m;
    })
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Looks for every figure's, claim's and uncounted category's evidence phrase in the text of its
 * source, so a reader can trust that each quoted phrase is there. HTML is read as text (tags
 * dropped, entities decoded); case, whitespace, curly quotes and dashes do not matter.
 *
 * @param dataset - A parsed dataset.
 * @param texts - The text (or HTML) of sources, by source id; sources left out are not checked.
 * @returns The phrases found, missing and unchecked, each with its id, path and source.
 * @example
 * verifyEvidence(dataset, { 'fusion-2016': html }).missing.map((m) => m.evidence); // => []
 */
export function verifyEvidence(dataset: Dataset, texts: Readonly<Record<string, string>>): EvidenceReport {
  const items: EvidenceCheck[] = [];
  for (const { figure, path } of figuresOf(dataset)) {
    if (figure.derivedFrom) continue;
    items.push({ id: figure.id, kind: 'figure', path: formatPath(path), source: figure.source, evidence: figure.evidence });
  }
  const claimSets: [readonly { id: string; source: string; evidence: string }[], (string | number)[]][] = [
    ...containersOf(dataset).map(([c, p]): [readonly { id: string; source: string; evidence: string }[], (string | number)[]] => [c.claims, [...p, 'claims']]),
    ...dataset.series.map((s, i): [readonly { id: string; source: string; evidence: string }[], (string | number)[]] => [s.claims, ['series', i, 'claims']]),
    [dataset.claims, ['claims']],
  ];
  for (const [claims, base] of claimSets) {
    claims.forEach((c, i) => {
      items.push({ id: c.id, kind: 'claim', path: formatPath([...base, i]), source: c.source, evidence: c.evidence });
    });
  }
  for (const { breakdown, path } of breakdownsOf(dataset)) {
    breakdown.uncounted?.forEach((u, i) => {
      items.push({ id: u.category, kind: 'uncounted', path: formatPath([...path, 'uncounted', i]), source: u.source, evidence: u.evidence });
    });
  }
  const normalised = new Map<string, string>();
  const found: EvidenceCheck[] = [];
  const missing: EvidenceCheck[] = [];
  const unchecked: EvidenceCheck[] = [];
  for (const item of items) {
    const text = texts[item.source];
    if (text === undefined) {
      unchecked.push(item);
      continue;
    }
    let n = normalised.get(item.source);
    if (n === undefined) {
      n = normaliseEvidenceText(text);
      normalised.set(item.source, n);
    }
    (n.includes(normaliseEvidenceText(item.evidence)) ? found : missing).push(item);
  }
  return { found, missing, unchecked };
}
