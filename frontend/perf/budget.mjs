// Bundle budget (make test): what the sign-in page loads before it shows, from the built
// index.html (the entry script, the chunks it preloads and the stylesheets), gzipped as served.
// Fails when a budget is exceeded; the budgets and why they are what they are: docs/benchmarks.md.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKB = { script: 130, stylesheet: 24 };
const dist = resolve(import.meta.dirname, '../dist');
const html = readFileSync(`${dist}/index.html`, 'utf8');
const files = {
  script: [...html.matchAll(/<script type="module"[^>]* src="([^"]+)"/g), ...html.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)"/g)].map((m) => m[1]),
  stylesheet: [...html.matchAll(/<link rel="stylesheet"[^>]* href="([^"]+)"/g)].map((m) => m[1]),
};
let failed = false;
for (const [kind, list] of Object.entries(files)) {
  if (list.length === 0) throw new Error(`no ${kind} found in dist/index.html: run npm run build first`);
  const sizes = list.map((f) => [f, gzipSync(readFileSync(`${dist}${f}`)).length / 1024]);
  const total = sizes.reduce((n, [, kb]) => n + kb, 0);
  const over = total > budgetKB[kind];
  failed ||= over;
  console.log(`${over ? 'OVER' : 'ok'}  sign-in ${kind}: ${total.toFixed(1)} KB gzipped (budget ${budgetKB[kind]} KB) — ${sizes.map(([f, kb]) => `${f.replace('/assets/', '')} ${kb.toFixed(1)}`).join(', ')}`);
}
if (failed) process.exit(1);
