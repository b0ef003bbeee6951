/// <reference lib="dom" />
/**
 * The JEC report in a real browser (Debian's chromium through playwright-core): every plot's
 * <svg> is laid out with a non-zero size, the page logs no errors and fetches nothing, and a
 * full-page screenshot (test-output/report-jec.png) is not blank.
 */
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildReport, readResults, renderReport, reportPlots } from '../../src/index.js';
import { writeJecFixtureDir } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`test/report/browser.test.ts: skipped, ${CHROMIUM} not found (apt-get install chromium)`);
const SCREENSHOT = resolve(__dirname, '../../test-output/report-jec.png');

describe('report.html in chromium', () => {
  it.skipIf(!hasChromium)('renderReport(dir) shows every plot as a sized <svg>, without console or page errors, and screenshots non-blank', async () => {
    const dir = writeJecFixtureDir(join(mkdtempSync(join(tmpdir(), 'ansatz-browser-')), 'jec'));
    const { html } = await renderReport(dir);
    const expectedPlots = reportPlots(buildReport(readResults(dir))).length;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [], fetched: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => { if (!/^(file|data|about):/.test(r.url())) fetched.push(r.url()); });
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      const sizes = await page.$$eval('figure.plot > svg', (svgs) => svgs.map((s) => { const b = s.getBoundingClientRect(); return [b.width, b.height]; }));
      expect(sizes.length).toBe(expectedPlots);
      for (const [w, h] of sizes) {
        expect(w).toBeGreaterThan(100);
        expect(h).toBeGreaterThan(50);
      }
      // Text of the plots is laid out too (axis titles with units).
      expect(await page.locator('figure[data-plot="jec-closure"] svg text', { hasText: 'GEN pT [GeV]' }).count()).toBeGreaterThan(0);
      mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
      const shot = await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(statSync(SCREENSHOT).size).toBeGreaterThan(100_000);
      // Decode the screenshot in the browser and count the pixels that are not white.
      const ink = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const px = g.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i]! < 235 || px[i + 1]! < 235 || px[i + 2]! < 235) n++;
        return { fraction: n / (px.length / 4), height: c.height };
      }, shot.toString('base64'));
      expect(ink.fraction).toBeGreaterThan(0.02);
      expect(ink.height).toBeGreaterThan(3000);
      expect(errors).toEqual([]);
      expect(fetched).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
