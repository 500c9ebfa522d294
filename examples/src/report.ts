import {
  audit,
  breakdownsOf,
  countFindings,
  formatEstimate,
  criminalShares,
  daysInPeriod,
  headlineFigure,
  IcestatError,
  placeName,
  ratePerDay,
  sum,
  type Dataset,
  type Operation,
} from '@icestat/core';

function periodText(o: Operation): string {
  const p = o.period;
  if (p.start && p.end) return p.start === p.end ? p.start : `${p.start} … ${p.end}${p.precision && p.precision !== 'day' ? ` (to the ${p.precision})` : ''}`;
  if (p.days) return `${p.days} days, dates not stated`;
  return p.label ?? 'period not stated';
}

function tryOr<T>(f: () => T, fallback: (reason: string) => T): T {
  try {
    return f();
  } catch (e) {
    if (IcestatError.isInstance(e)) return fallback(e.message);
    throw e;
  }
}

/** The demo's terminal report: each operation with its headline, rate, breakdowns and criminal shares. */
export function renderTextReport(dataset: Dataset): string {
  const lines: string[] = [];
  const out = (s = ''): void => {
    lines.push(s);
  };
  out(`${dataset.title}`);
  out(`${dataset.sources.length} sources · ${dataset.operations.length} operations · ${dataset.series.length} series`);
  const visits = breakdownsOf(dataset);
  for (const o of dataset.operations) {
    out();
    out(`■ ${o.name}  (${o.agency}, ${o.kind})`);
    out(`  when   ${periodText(o)}`);
    if (o.places.length > 0) out(`  where  ${o.places.map(placeName).join('; ')}`);
    const headline = tryOr(
      () => headlineFigure(o),
      () => undefined,
    );
    if (headline) {
      out(`  total  ${formatEstimate(headline.quantity)} ${headline.metric} — “${headline.evidence}”`);
      const rate = tryOr(
        () => `${formatEstimate(ratePerDay(headline, headline.period ?? o.period))} over ${formatEstimate(daysInPeriod(headline.period ?? o.period))}`,
        (reason) => `not determinable (${reason.replace(/^daysInPeriod: /, '')})`,
      );
      out(`  rate   ${rate}`);
    }
    for (const f of o.figures) {
      if (f === headline) continue;
      // A derived figure is the dataset's own arithmetic, not a quote: say so instead of quoting it.
      const said = f.derivedFrom ? `computed: ${f.evidence}` : `“${f.evidence}”`;
      out(
        `  also   ${formatEstimate(f.quantity)} ${f.metric}${f.places ? ` in ${f.places.map(placeName).join(', ')}` : ''}${f.period?.label ? ` (${f.period.label})` : ''} — ${said}`,
      );
    }
    for (const v of visits.filter((x) => x.operation === o)) {
      const b = v.breakdown;
      const indent = '  '.repeat(v.depth + 1);
      const parts = b.parts.map((p) => `${p.place ? placeName(p.place) : (p.label ?? p.category)} ${formatEstimate(p.figure.quantity)}`);
      const flags = `${b.exhaustive === true ? 'exhaustive' : b.exhaustive === false ? 'partial' : 'exhaustive?'}, ${b.exclusive === true ? 'exclusive' : b.exclusive === false ? 'overlapping' : 'exclusive?'}`;
      const of = v.total ? `of ${formatEstimate(v.total.quantity)}` : `(no total stated; parts add to ${formatEstimate(sum(b.parts.map((p) => p.figure)))})`;
      out(`${indent}by ${b.dimension} ${of} [${flags}]: ${parts.join(' · ')}`);
      if (b.ambiguity) out(`${indent}  ambiguous: ${b.ambiguity}`);
    }
    if (o.breakdowns.some((b) => b.dimension === 'criminality')) {
      const summary = criminalShares(o);
      out('  “criminal”, by definition:');
      for (const s of Object.values(summary.shares)) {
        out(
          `    ${s.definition.padEnd(26)} ${s.share ? formatEstimate(s.share) : `not determinable — between ${s.bounds.low.toFixed(1)}% and ${s.bounds.high.toFixed(1)}%: ${s.reason}`}`,
        );
      }
      out(`    the definitions span ${summary.range.points.toFixed(1)} percentage points (${summary.range.low.toFixed(1)}%–${summary.range.high.toFixed(1)}%)`);
    }
  }
  const findings = audit(dataset);
  const counts = countFindings(findings);
  out();
  out(`Audit: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} checks passed`);
  const mark = { error: '✗ error  ', warning: '! warning', info: '✓ ok     ' } as const;
  for (const severity of ['error', 'warning', 'info'] as const) {
    for (const f of findings.filter((x) => x.severity === severity)) out(`  ${mark[severity]} ${f.message}`);
  }
  out();
  return `${lines.join('\n')}\n`;
}
