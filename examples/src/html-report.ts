import { countFindings, type Dataset, type Finding } from '@icestat/core';

/** A rendered chart for the page. */
export interface RenderedView {
  readonly name: string;
  readonly heading: string;
  readonly svg: string;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const severityLabel = { error: 'Error', warning: 'Warning', info: 'Checked' } as const;

/**
 * A self-contained HTML page: the charts inline as SVG, the audit's findings, the text report, and
 * the sources. No script, stylesheet or image is fetched, so it opens from disk anywhere.
 */
export function renderHtmlReport(dataset: Dataset, views: readonly RenderedView[], findings: readonly Finding[], text: string): string {
  const counts = countFindings(findings);
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(dataset.title)} — icestat report</title>
<style>
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d1d1f; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ddd; }
  .lede { color: #555; }
  figure { margin: 1.5rem 0; } figure svg { max-width: 100%; height: auto; }
  table { border-collapse: collapse; width: 100%; font-size: .92rem; }
  td, th { border-bottom: 1px solid #eee; padding: .4rem .5rem; vertical-align: top; text-align: left; }
  .error { color: #b00020; font-weight: 600; } .warning { color: #9a5b00; font-weight: 600; } .info { color: #2e7d32; }
  pre { white-space: pre-wrap; background: #f7f7f7; padding: 1rem; font-size: .85rem; }
  .path { font-family: ui-monospace, monospace; font-size: .8rem; color: #666; }
</style>
</head>
<body>
<h1>${escapeHtml(dataset.title)}</h1>
<p class="lede">${escapeHtml(dataset.description ?? '')}</p>
<p>${dataset.operations.length} operations · ${dataset.sources.length} sources · audit: <span class="error">${counts.error} errors</span>, <span class="warning">${counts.warning} warnings</span>, <span class="info">${counts.info} checks passed</span>. Every number carries its interval: “nearly 500” is drawn as 450–500.</p>

<h2>Audit findings</h2>
<table>
<thead><tr><th>Severity</th><th>Finding</th><th>Where</th></tr></thead>
<tbody>
${sorted.map((f) => `<tr><td class="${f.severity}">${severityLabel[f.severity]}</td><td>${escapeHtml(f.message)}</td><td class="path">${escapeHtml(f.location.path)}</td></tr>`).join('\n')}
</tbody>
</table>

<h2>Charts</h2>
${views.map((v) => `<figure id="${escapeHtml(v.name)}">\n<figcaption><strong>${escapeHtml(v.heading)}</strong></figcaption>\n${v.svg}\n</figure>`).join('\n')}

<h2>Operations</h2>
<pre>${escapeHtml(text)}</pre>

<h2>Sources</h2>
<ul>
${dataset.sources.map((s) => `<li><strong>${escapeHtml(s.title)}</strong> — ${escapeHtml(s.publisher)} (${escapeHtml(s.kind.replace(/-/g, ' '))}${s.published ? `, ${escapeHtml(s.published)}` : ''})</li>`).join('\n')}
</ul>
<p class="lede">Made with icestat. Figures, their sources and evidence: <code>@icestat/data/icestat-dataset.json</code>.</p>
</body>
</html>
`;
}
