import type { ChartRow, SourceRef } from './chart-row';

function unique<T>(xs: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The caption line naming where rows' numbers were said: one source by publisher and title,
 * several by publisher, and the sources they cite. Every chart of this package carries it.
 *
 * @param rows - Tidy rows.
 * @returns e.g. `Source: BuzzFeed News, “ICE Acknowledges It Targeted Sanctuary Cities …”`, or
 *   `Source: not given (counts of records)` when no row has a source.
 * @example
 * sourceCaption(breakdownRows(dataset, 'surge-2019-09-by-aor'));
 * // => 'Source: World Socialist Web Site (wsws.org), “ICE arrests nearly 600 immigrants …”, citing U.S. Immigration and Customs Enforcement (ICE)'
 */
export function sourceCaption(rows: readonly Pick<ChartRow, 'source' | 'citing'>[]): string {
  const sources = unique(
    rows.map((r) => r.source).filter((s): s is SourceRef => s !== null),
    (s) => s.id,
  );
  const citing = unique(
    rows.map((r) => r.citing).filter((s): s is SourceRef => s !== undefined),
    (s) => s.publisher,
  ).filter((c) => !sources.some((s) => s.publisher === c.publisher));
  const cites = citing.length === 0 ? '' : `, citing ${citing.map((c) => c.publisher).join('; ')}`;
  const [only] = sources;
  if (!only) return 'Source: not given (counts of records)';
  if (sources.length === 1) return `Source: ${only.publisher}, “${only.title}”${cites}`;
  const publishers = unique(sources, (s) => s.publisher).map((s) => s.publisher);
  return `${publishers.length === 1 ? 'Source' : 'Sources'}: ${publishers.join('; ')}${cites}`;
}
