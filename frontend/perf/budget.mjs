// Bundle budget (make test): what a page loads before it shows, from its built HTML (the entry
// script, the chunks it preloads and the stylesheets), gzipped as served: the sign-in page
// (inloggen.html, a script of its own) and the app's first script (index.html, every other page,
// before the page's own chunk). Fails when a budget is exceeded; the budgets and why they are what
// they are: docs/benchmarks.md.
//
// And CSS coverage: theme/base.ts imports the CSS of each Utrecht component in use, one
// package each. A class the built code can set (`utrecht-checkbox--custom`) that an installed Utrecht
// CSS package styles must be in the built CSS, or a component renders unstyled (it happened: the
// custom checkbox's package was missing).
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const pages = [
  { name: 'sign-in', html: 'inloggen.html', budgetKB: { script: 100, stylesheet: 24 } },
  { name: 'app', html: 'index.html', budgetKB: { script: 130, stylesheet: 24 } },
];
const dist = resolve(import.meta.dirname, '../dist');
let failed = false;
for (const page of pages) {
  const html = readFileSync(`${dist}/${page.html}`, 'utf8');
  const files = {
    script: [...html.matchAll(/<script type="module"[^>]* src="([^"]+)"/g), ...html.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)"/g)].map((m) => m[1]),
    stylesheet: [...html.matchAll(/<link rel="stylesheet"[^>]* href="([^"]+)"/g)].map((m) => m[1]),
  };
  for (const [kind, list] of Object.entries(files)) {
    if (list.length === 0) throw new Error(`no ${kind} found in dist/${page.html}: run npm run build first`);
    const sizes = list.map((f) => [f, gzipSync(readFileSync(`${dist}${f}`)).length / 1024]);
    const total = sizes.reduce((n, [, kb]) => n + kb, 0);
    const over = total > page.budgetKB[kind];
    failed ||= over;
    // What the server sends a browser that takes Brotli (all current ones): for the record, not budgeted.
    const brotli = list.reduce((n, f) => n + brotliCompressSync(readFileSync(`${dist}${f}`), { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length / 1024, 0);
    console.log(`${over ? 'OVER' : 'ok'}  ${page.name} ${kind}: ${total.toFixed(1)} KB gzipped (budget ${page.budgetKB[kind]} KB; ${brotli.toFixed(1)} KB as Brotli) — ${sizes.map(([f, kb]) => `${f.replace('/assets/', '')} ${kb.toFixed(1)}`).join(', ')}`);
  }
}
// The library's combobox and listbox code comes along with its form fields but is never rendered:
// Werkhaven's Combobox is its own (components/ui/Combobox.tsx).
const neverRendered = /^utrecht-(combobox|listbox|search-bar)/;
const built = readdirSync(`${dist}/assets`);
const code = built.filter((f) => f.endsWith('.js')).map((f) => readFileSync(`${dist}/assets/${f}`, 'utf8')).join('\n');
const css = built.filter((f) => f.endsWith('.css')).map((f) => readFileSync(`${dist}/assets/${f}`, 'utf8')).join('\n');
const utrecht = resolve(import.meta.dirname, '../node_modules/@utrecht');
const libraryCSS = readdirSync(utrecht)
  .filter((p) => p.endsWith('-css'))
  .map((p) => {
    try {
      return readFileSync(`${utrecht}/${p}/dist/index.css`, 'utf8');
    } catch {
      return '';
    }
  })
  .join('\n');
// A class counts as styled when a rule for it sets something other than custom properties.
const styled = (sheet, cls) =>
  [...sheet.matchAll(new RegExp(`\\.${cls}(?![\\w-])[^{]*\\{([^}]*)\\}`, 'g'))].some((m) => /(^|;)\s*(?!--)[a-z-]+\s*:/.test(m[1]));
const classes = new Set([...code.matchAll(/utrecht-[a-z0-9_-]*[a-z0-9]/g)].map((m) => m[0]));
const unstyled = [...classes].filter((c) => !neverRendered.test(c) && styled(libraryCSS, c) && !css.includes(`.${c}`));
console.log(`${unstyled.length ? 'MISSING' : 'ok'}  Utrecht CSS: ${classes.size} classes in the code${unstyled.length ? `; styled by a Utrecht package but not in the built CSS (import its package in theme/base.ts): ${unstyled.join(', ')}` : ', each styled one in the built CSS'}`);
failed ||= unstyled.length > 0;
if (failed) process.exit(1);
