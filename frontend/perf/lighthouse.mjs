// Lighthouse on the running app (scripts/lighthouse.sh starts it with the demo region): the pages
// of issue 21 as their users see them, mobile and desktop, in Debian's Chromium. Prints a table
// (performance score, cumulative layout shift, largest contentful paint, total blocking time,
// gzipped JavaScript and CSS transferred) with the median of LH_RUNS runs per page and form factor,
// and writes every report's summary to ../.data/lighthouse/summary.json.
//
// Signing in happens once per role in the same browser (playwright-core over CDP); Lighthouse keeps
// cookies between runs while it empties caches, so each run loads the page cold but signed in.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { signIn } from './session.mjs';

const BASE = process.env.WERKHAVEN_URL;
const RUNS = Number(process.env.LH_RUNS || 3);
const ONLY = process.env.LH_PAGES ? process.env.LH_PAGES.split(',') : null;
const FORMS = process.env.LH_FORMS ? process.env.LH_FORMS.split(',') : ['mobile', 'desktop'];
const OUT = resolve(import.meta.dirname, '../../.data/lighthouse');
if (!BASE) throw new Error('WERKHAVEN_URL is not set: run scripts/lighthouse.sh (make lighthouse)');

/** The pages, each with the role that sees it (null: signed out) and how to find its address. */
const pages = [
  { name: 'sign-in', role: null, path: async () => '/inloggen' },
  { name: 'vacature', role: 'hr@korenschoof.demo.werkhaven.nl', path: async (p) => `/vacatures/${await firstOpening(p)}` },
  { name: 'pool', role: 'hr@korenschoof.demo.werkhaven.nl', path: async (p) => `/vacatures/${await firstOpening(p)}/kandidaten` },
  { name: 'caseload', role: 'km.devries@demo.werkhaven.nl', path: async () => '/caseload' },
  { name: 'kandidaat', role: 'kandidaat@demo.werkhaven.nl', path: async () => '/mijn-uitnodigingen' },
].filter((p) => !ONLY || ONLY.includes(p.name));

async function firstOpening(page) {
  return page.evaluate(async () => {
    const r = await fetch('/api/v1/openings?state=open&sort=title&pageSize=1');
    return (await r.json()).items[0].id;
  });
}

function summarise(lhr) {
  const a = lhr.audits;
  const byType = Object.fromEntries(a['resource-summary'].details.items.map((i) => [i.resourceType, i]));
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    cls: a['cumulative-layout-shift'].numericValue,
    lcpMs: a['largest-contentful-paint'].numericValue,
    tbtMs: a['total-blocking-time'].numericValue,
    scriptKB: (byType.script?.transferSize ?? 0) / 1024,
    stylesheetKB: (byType.stylesheet?.transferSize ?? 0) / 1024,
    unusedJsKB: (a['unused-javascript'].details?.overallSavingsBytes ?? 0) / 1024,
    // What moved, for finding the cause of a shift: the elements and their share of the score.
    shifts: (a['layout-shifts']?.details?.items ?? []).slice(0, 5).map((i) => `${i.node?.selector ?? '?'} ${i.score?.toFixed(3)}`),
  };
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
try {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const context = browser.contexts()[0];
  let signedInAs;
  for (const p of pages) {
    // One tab to sign in (when the role changes) and find the page's address from the API.
    const tab = await context.newPage();
    if (p.role !== signedInAs) {
      await context.clearCookies();
      if (p.role) await signIn(tab, BASE, p.role);
      signedInAs = p.role;
    } else {
      await tab.goto(`${BASE}/`);
    }
    p.url = BASE + (await p.path(tab));
    await tab.close();
    for (const formFactor of FORMS) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] };
        let lhr;
        // A trace that Chrome failed to record (NO_NAVSTART and the like) is tried again, twice.
        for (let attempt = 1; ; attempt++) {
          ({ lhr } = await lighthouse(p.url, flags, formFactor === 'desktop' ? desktopConfig : undefined));
          if (!lhr.runtimeError) break;
          if (attempt === 3) throw new Error(`${p.name} ${formFactor}: ${lhr.runtimeError.message}`);
          console.error(`lighthouse: ${p.name} ${formFactor}: ${lhr.runtimeError.code}, again`);
        }
        if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(p.url).pathname) {
          throw new Error(`${p.name} ${formFactor}: ended at ${lhr.finalDisplayedUrl}, not ${p.url} (signed out?)`);
        }
        if (process.env.LH_KEEP) {
          mkdirSync(OUT, { recursive: true });
          writeFileSync(`${OUT}/${p.name}-${formFactor}-${i + 1}.json`, JSON.stringify(lhr));
        }
        runs.push({
          ...summarise(lhr),
          accessibility: Math.round(lhr.categories.accessibility.score * 100),
          bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
        });
      }
      const row = { page: p.name, formFactor, runs: runs.length };
      for (const k of Object.keys(runs[0])) row[k] = k === 'shifts' ? runs.map((r) => r.shifts) : median(runs.map((r) => r[k]));
      results.push(row);
      console.error(`lighthouse: ${p.name} ${formFactor} done`);
    }
  }
  await browser.close();
} finally {
  await chrome.kill();
}

mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/summary.json`, JSON.stringify({ base: BASE, runs: RUNS, lighthouse: (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version, results }, null, 2));
console.log(`| page | form factor | performance | CLS | LCP ms | TBT ms | JS KB (gz) | unused JS KB | CSS KB (gz) | a11y | best practices |`);
console.log(`|---|---|---|---|---|---|---|---|---|---|---|`);
for (const r of results) {
  console.log(`| ${r.page} | ${r.formFactor} | ${r.performance} | ${r.cls.toFixed(3)} | ${Math.round(r.lcpMs)} | ${Math.round(r.tbtMs)} | ${r.scriptKB.toFixed(1)} | ${r.unusedJsKB.toFixed(1)} | ${r.stylesheetKB.toFixed(1)} | ${r.accessibility} | ${r.bestPractices} |`);
}
console.log(`(median of ${RUNS} run(s) each; Lighthouse's simulated throttling)`);
