// Debug aid: prints every layout shift (with what moved, from where to where) while a page loads.
// WERKHAVEN_URL=… node perf/shifts.mjs <email|-> <path> [width] [height]
import { chromium } from 'playwright-core';
import { signIn } from './session.mjs';
const [email, path, w = '1350', h = '940'] = process.argv.slice(2);
const BASE = process.env.WERKHAVEN_URL;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: +w, height: +h } });
const page = await ctx.newPage();
if (email !== '-') await signIn(page, BASE, email);
await page.addInitScript(() => {
  window.__shifts = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      window.__shifts.push({ t: Math.round(e.startTime), v: e.value.toFixed(4), src: e.sources.map((s) => {
        const n = s.node; const d = n ? `${n.nodeName}.${n.className || ''}#${n.id || ''} "${(n.textContent || '').slice(0, 30)}"` : '?';
        return `${d} ${JSON.stringify([s.previousRect.y, s.previousRect.height, s.currentRect.y, s.currentRect.height, s.previousRect.x, s.currentRect.x])}`;
      }) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
});
const client = await ctx.newCDPSession(page);
await client.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
await page.goto(BASE + path);
await page.waitForTimeout(6000);
console.log(JSON.stringify(await page.evaluate(() => window.__shifts), null, 1));
await browser.close();
