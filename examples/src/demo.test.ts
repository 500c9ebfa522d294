import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const examples = fileURLToPath(new URL('..', import.meta.url));
const out = fileURLToPath(new URL('../out/', import.meta.url));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Chromium and sets ICESTAT_REQUIRE_BROWSER=1, so there the browser check cannot be skipped.
const requireBrowser = process.env.ICESTAT_REQUIRE_BROWSER === '1';

describe('npm run demo', () => {
  it('prints the report and writes one SVG and one Vega-Lite JSON per view, and report.html', { timeout: 120_000 }, async () => {
    rmSync(out, { recursive: true, force: true });
    const { stdout } = await run('npx', ['tsx', '--conditions=@icestat/source', 'src/demo.ts'], { cwd: examples, maxBuffer: 1 << 24 });
    expect(stdout).toContain('■ Operation Safe City');
    expect(stdout).toContain('rate   9.2 a day over 36 days'); // 331 over 9 May – 13 June 2016
    expect(stdout).toContain('Audit: 0 errors, 3 warnings');
    expect(stdout).toContain('3000 rows read, 3000 accepted, 0 rejected');
    const files = readdirSync(out).sort();
    const svgs = files.filter((f) => f.endsWith('.svg'));
    expect(svgs).toHaveLength(7);
    for (const svg of svgs) {
      expect(files).toContain(svg.replace(/\.svg$/, '.vl.json'));
      expect(readFileSync(`${out}${svg}`, 'utf8')).toMatch(/^<svg[\s\S]*role-mark[\s\S]*<\/svg>$/);
    }
    const html = readFileSync(`${out}report.html`, 'utf8');
    expect(html.match(/<figure id=/g)).toHaveLength(7);
    expect(html).not.toMatch(/<script|<link|src="http/); // self-contained
    // The chart the root README shows is the demo's own output, kept current.
    const readmeChart = fileURLToPath(new URL('../../docs/surge-2019-areas.svg', import.meta.url));
    expect(readFileSync(readmeChart, 'utf8')).toBe(readFileSync(`${out}surge-2019-areas.svg`, 'utf8'));
  });

  it.runIf(requireBrowser || existsSync(chromium))('report.html opens in headless Chromium with no console errors', { timeout: 120_000 }, async () => {
    const report = `${out}report.html`;
    expect(existsSync(report), 'run the demo test first (same file)').toBe(true);
    const { chromium: launcher } = await import('playwright-core');
    const browser = await launcher.launch({
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
      await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
      expect(await page.locator('figure svg').count()).toBe(7);
      expect(await page.locator('td.warning').count()).toBe(3);
      const box = await page.locator('figure#safe-city-places svg').boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
