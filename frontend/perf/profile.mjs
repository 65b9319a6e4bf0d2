// A JavaScript CPU profile of one page as it opens, on a 4× slowed CPU (like Lighthouse's mobile run):
// where the main thread's time goes, by function, and in total by script. For looking into total
// blocking time; run it through scripts/profile-page.sh, which serves the demo region.
//   PAGE=pool scripts/profile-page.sh
import { chromium } from 'playwright-core';
import { signIn } from './session.mjs';

const BASE = process.env.WERKHAVEN_URL;
const PAGE = process.env.PAGE || 'pool';
const pages = {
  vacature: ['hr@korenschoof.demo.werkhaven.nl', (id) => `/vacatures/${id}`],
  pool: ['hr@korenschoof.demo.werkhaven.nl', (id) => `/vacatures/${id}/kandidaten`],
  caseload: ['km.devries@demo.werkhaven.nl', () => '/caseload'],
  kandidaat: ['kandidaat@demo.werkhaven.nl', () => '/mijn-uitnodigingen'],
};
const [role, path] = pages[PAGE];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
const page = await context.newPage();
await signIn(page, BASE, role);
const id = await page.evaluate(async () => (await (await fetch('/api/v1/openings?state=open&sort=title&pageSize=1')).json()).items[0].id);
const url = BASE + path(id);
await page.goto('about:blank');
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.goto(url);
await page.waitForFunction(() => !document.querySelector('.wh-gate__page--pending') && document.querySelector('main h1'), null, { timeout: 20000, polling: 20 });
const shown = Date.now() - t0;
await page.waitForTimeout(300);
const { profile } = await cdp.send('Profiler.stop');
await browser.close();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
const byFn = new Map();
const byUrl = new Map();
for (const [id, us] of self) {
  const cf = byId.get(id).callFrame;
  const file = cf.url.replace(/^.*\//, '') || '(' + cf.functionName + ')';
  const key = `${cf.functionName || '(anonymous)'} ${file}:${cf.lineNumber}:${cf.columnNumber}`;
  byFn.set(key, (byFn.get(key) ?? 0) + us);
  byUrl.set(file, (byUrl.get(file) ?? 0) + us);
}
// The long stretches of work (tasks of 50 ms and more, as slowed) and, for each, the functions that
// took most of it including what they called: which part of the page's code a long task is.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (id) => {
  const cf = byId.get(id).callFrame;
  return `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*\//, '')}:${cf.lineNumber}:${cf.columnNumber}`;
};
let t = profile.startTime;
const timed = profile.samples.map((id, i) => ({ id, at: (t += dt[i] ?? 0) }));
const idle = (id) => ['(idle)', '(program)', '(garbage collector)'].includes(byId.get(id).callFrame.functionName);
const stretches = [];
let cur = null;
for (const s of timed) {
  if (idle(s.id)) {
    if (cur && s.at - cur.end > 1000) cur = null;
    continue;
  }
  if (!cur) stretches.push((cur = { start: s.at, end: s.at, samples: [] }));
  cur.end = s.at;
  cur.samples.push(s);
}
console.log('long stretches of script (ms from the first sample; inclusive time of the top functions):');
for (const st of stretches.filter((x) => x.end - x.start >= 50000)) {
  const incl = new Map();
  for (const s of st.samples) {
    const seen = new Set();
    for (let id = s.id; id !== undefined; id = parent.get(id)) {
      const l = label(id);
      if (seen.has(l)) continue;
      seen.add(l);
      incl.set(l, (incl.get(l) ?? 0) + 1);
    }
  }
  console.log(`  ${((st.start - profile.startTime) / 1000).toFixed(0)}–${((st.end - profile.startTime) / 1000).toFixed(0)} ms (${st.samples.length} samples)`);
  for (const [l, n] of [...incl].sort((a, b) => b[1] - a[1]).filter(([l]) => !l.startsWith('(root)')).slice(0, 14)) console.log(`      ${String(n).padStart(5)}  ${l}`);
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`${PAGE}: shown after ${shown} ms (4× slower CPU, real network)`);
console.log('self time by script (ms):');
for (const [k, us] of top(byUrl, 12)) console.log(`  ${(us / 1000).toFixed(0).padStart(6)}  ${k}`);
console.log('self time by function (ms):');
for (const [k, us] of top(byFn, 30)) console.log(`  ${(us / 1000).toFixed(0).padStart(6)}  ${k}`);
