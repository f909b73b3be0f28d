// The HTML reports in a real browser: Debian's headless Chromium (/usr/bin/chromium, or
// DDSIM_CHROMIUM), driven by playwright-core (no browser download). The report of repl-split-brain
// and of a sweep must load with no console error and no request besides the file itself; the live
// DOM must hold one timeline lane per node and one message group per message of the window; a
// click on a message must show its body. A screenshot is taken: into docs/report-screenshot.png
// with DDSIM_UPDATE_SCREENSHOT=1 (the README shows it), else into a temporary folder.
// Skips, saying why, where Chromium or playwright-core is not installed.

import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/fake-io.js';
import { runCli as runSweepCli } from '../../sweep/cli-helpers.js';
import { expectedDrawing } from './expected-messages.js';

const CHROMIUM = process.env['DDSIM_CHROMIUM'] ?? '/usr/bin/chromium';
const SPLIT_BRAIN = 'scenarios/repl-split-brain.yaml';
/** Tall enough for the header, the timeline and the message diagram. */
const SCREENSHOT_HEIGHT_PX = 1200;
const SCREENSHOT_IN_REPO = resolve(import.meta.dirname, '../../../docs/report-screenshot.png');

type Playwright = typeof import('playwright-core');
type Browser = Awaited<ReturnType<Playwright['chromium']['launch']>>;

async function loadPlaywright(): Promise<Playwright | null> {
  try {
    return await import('playwright-core');
  } catch {
    return null;
  }
}

const playwright = await loadPlaywright();
const skipReason = !existsSync(CHROMIUM)
  ? `${CHROMIUM} not found (apt-get install chromium, or set DDSIM_CHROMIUM)`
  : playwright === null
    ? 'playwright-core is not installed (npm install)'
    : null;

interface LoadedPage {
  readonly page: Awaited<ReturnType<Browser['newPage']>>;
  readonly consoleErrors: readonly string[];
  readonly requests: readonly string[];
  readonly url: string;
}

async function open(browser: Browser, file: string, viewportHeightPx = 900): Promise<LoadedPage> {
  const page = await browser.newPage({ viewport: { width: 1320, height: viewportHeightPx } });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, consoleErrors, requests, url };
}

if (skipReason !== null) console.warn(`the HTML reports' browser test is skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('the HTML reports in headless Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'ddsim-browser-'));

  beforeAll(async () => {
    browser = await playwright!.chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the report of repl-split-brain with no console error or request, one lane per node and one arrow per message', async () => {
    const file = join(dir, 'split-brain.html');
    const written = await runCli(['run', SPLIT_BRAIN, '-q', '--report', file]);
    expect(written.err).toBe('');
    const expected = await expectedDrawing(SPLIT_BRAIN);
    const { page, consoleErrors, requests, url } = await open(browser, file, SCREENSHOT_HEIGHT_PX);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([url]);
    const lanes = await page.$$eval('svg.timeline g.lane', (elements) => elements.map((element) => element.getAttribute('data-node')));
    expect(lanes).toEqual(expected.nodeNames);
    const messageLanes = await page.$$eval('svg.messages g.node-lane', (elements) => elements.map((element) => element.getAttribute('data-node')));
    expect(messageLanes).toEqual(expected.nodeNames);
    const arrows = await page.$$eval('svg.messages g.msg', (elements) => elements.map((element) => element.getAttribute('data-message')));
    expect(arrows).toEqual(expected.messageIds);
    // Every arrow is drawn: each message group has a visible leg with a real extent.
    const drawn = await page.$$eval('svg.messages g.msg', (elements) =>
      elements.filter((element) => {
        const box = (element as SVGGraphicsElement).getBBox();
        return box.width + box.height > 0;
      }).length,
    );
    expect(drawn).toBe(expected.messageIds.length);

    await page.locator('svg.messages g.msg.delivered').first().dispatchEvent('click');
    await expect.poll(() => page.locator('#detail').getAttribute('class')).toBe('open');
    expect(await page.locator('#detail-text').textContent()).toMatch(/delivered after[\s\S]*\{"/);

    const screenshot = process.env['DDSIM_UPDATE_SCREENSHOT'] === '1' ? SCREENSHOT_IN_REPO : join(dir, 'report-screenshot.png');
    await page.locator('#detail-close').click();
    await page.screenshot({ path: screenshot }); // the viewport: header, timeline and message diagram
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('opens the report of a sweep with no console error or request, and one heat-map cell per grid cell', async () => {
    const file = join(dir, 'sweep.html');
    const written = await runSweepCli([
      'sweep', 'test/sweep/fixtures/small.yaml', '--vary', 'network.loss=0,0.05,0.1', '--vary', 'workload.timeout=50ms,200ms',
      '--seeds', '1..2', '--workers', '1', '--format', 'json', '--report', file,
    ]);
    const grid = JSON.parse(written.stdout).grid;
    const { page, consoleErrors, requests, url } = await open(browser, file);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.locator('svg.heatmap rect.cell').count()).toBe(grid.cells.flat().length);
    expect(await page.locator('table.sweep tr.combination').count()).toBe(6);
    await page.screenshot({ path: join(dir, 'sweep-screenshot.png'), fullPage: true });
    await page.close();
  });
});
