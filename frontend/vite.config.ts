import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import postcss from 'postcss';
import react from '@vitejs/plugin-react';

const require = createRequire(import.meta.url);

// Self-hosts Swagger UI for /api/docs: no third-party script on our pages.
function swaggerUI(): Plugin {
  return {
    name: 'werkhaven-swagger-ui',
    apply: 'build',
    closeBundle() {
      const src = dirname(require.resolve('swagger-ui-dist/package.json'));
      const dest = resolve(import.meta.dirname, 'dist/api-docs');
      mkdirSync(dest, { recursive: true });
      for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
        cpSync(resolve(src, file), resolve(dest, file));
      }
    },
  };
}

// Every asset also as .br (Brotli, best) and .gz (gzip, best) beside it: the server sends the one the
// browser takes (backend/internal/platform/httpapi/static.go) without compressing on each request.
// Brotli makes the first script about a sixth smaller than gzip.
function precompress(): Plugin {
  return {
    name: 'werkhaven-precompress',
    apply: 'build',
    closeBundle() {
      const dir = resolve(import.meta.dirname, 'dist/assets');
      if (!existsSync(dir)) return; // a failed build: its own error says why
      for (const f of readdirSync(dir)) {
        if (!/\.(js|css|svg|json)$/.test(f)) continue;
        const data = readFileSync(`${dir}/${f}`);
        writeFileSync(`${dir}/${f}.br`, brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        writeFileSync(`${dir}/${f}.gz`, gzipSync(data, { level: zlib.constants.Z_BEST_COMPRESSION }));
      }
    },
  };
}

// The Utrecht component library ships its React components as one module in which every
// component is followed by `X.displayName = 'X';`. The bundler keeps such an assignment, and with it
// the component, even when nothing imports X: about 190 KB of components no page uses. The names
// only serve React's developer tools, so the production build drops them.
function utrechtTreeShaking(): Plugin {
  return {
    name: 'werkhaven-utrecht-tree-shaking',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/@utrecht/component-library-react/dist/index.mjs')) return null;
      return { code: code.replace(/^[A-Za-z_$][\w$]*\.displayName = '[^']*';$/gm, ''), map: null };
    },
  };
}

// `import core from './nl.json?core'` is the part of a language file that the first script needs
// (the shell and the sign-in page): the keys in src/i18n/core-keys.json, a top-level key or a
// dotted path each. The whole file loads later, as its own chunk.
function i18nCore(): Plugin {
  return {
    name: 'werkhaven-i18n-core',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('.json?core')) return null;
      const resolved = await this.resolve(source.slice(0, -'?core'.length), importer);
      return resolved && `${resolved.id}?core`;
    },
    load(id) {
      if (!id.endsWith('.json?core')) return null;
      const file = id.slice(0, -'?core'.length);
      const all = JSON.parse(readFileSync(file, 'utf8'));
      const keys: string[] = JSON.parse(readFileSync(resolve(dirname(file), 'core-keys.json'), 'utf8'));
      const core: Record<string, unknown> = {};
      for (const key of keys) {
        const path = key.split('.');
        let from = all;
        let to = core;
        path.forEach((part, i) => {
          if (from?.[part] === undefined) throw new Error(`${file}: core key ${key} does not exist`);
          if (i === path.length - 1) to[part] = from[part];
          else to = (to[part] ??= {}) as Record<string, unknown>;
          from = from[part];
        });
      }
      this.addWatchFile(file);
      return `export default ${JSON.stringify(core)};`;
    },
  };
}

// A page's texts: each lazy page (App.tsx: `page(() => import('X'), 'Name')`) gets, per language, a
// chunk with only the top-level text groups its code names (`'pool.title'`, `` `candidate.${k}` ``:
// any string that starts with a group's name and a dot), found in the page's module and every module
// it imports, instead of the whole language (100 KB). App.tsx's calls are rewritten at build time to
// pass them (`page(load, name, { nl, en })`); without them (development, tests) a page loads the
// whole language. A key no scan found still shows: i18n/index.ts loads the whole language on a
// missing key (and says so in the console).
function pageTexts(): Plugin {
  const marker = '?texts=';
  const languages = ['nl', 'en'];
  const dir = resolve(import.meta.dirname, 'src/i18n');
  const all = Object.fromEntries(languages.map((l) => [l, JSON.parse(readFileSync(`${dir}/${l}.json`, 'utf8'))]));
  const groups = Object.keys(all.nl);
  const named = new RegExp(`[\`'"](${groups.join('|')})\\.[\\w$]`, 'g');
  const used = new Map<string, Promise<Set<string>>>();
  return {
    name: 'werkhaven-page-texts',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/src/app/App.tsx')) return null;
      const out = code.replace(/page\(\(\) => import\('([^']+)'\), '(\w+)'\)/g, (_, path: string, name: string) =>
        `page(() => import('${path}'), '${name}', { ${languages.map((l) => `${l}: () => import('${path}${marker}${l}')`).join(', ')} })`,
      );
      if (out === code) this.error('page texts: no page(() => import(...), name) call found in App.tsx');
      return { code: out, map: null };
    },
    async resolveId(source, importer) {
      const at = source.indexOf(marker);
      if (at < 0) return null;
      const resolved = await this.resolve(source.slice(0, at), importer);
      return resolved && `\0${resolved.id}${source.slice(at)}`;
    },
    async load(id) {
      const at = id.indexOf(marker);
      if (!id.startsWith('\0') || at < 0) return null;
      const page = id.slice(1, at);
      const lang = id.slice(at + marker.length);
      const seen = new Set<string>();
      const names = new Set<string>();
      // The page's own modules and those they import (not libraries', not lazily imported ones).
      const visit = async (module: string): Promise<void> => {
        if (seen.has(module) || module.includes('/node_modules/') || module.startsWith('\0')) return;
        seen.add(module);
        const info = await this.load({ id: module });
        for (const m of (info.code ?? '').matchAll(named)) names.add(m[1]);
        await Promise.all(info.importedIds.map(visit));
      };
      let found = used.get(page);
      if (!found) used.set(page, (found = visit(page).then(() => names)));
      const picked = Object.fromEntries([...(await found)].sort().map((g) => [g, all[lang][g]]));
      return `export default ${JSON.stringify(picked)};`;
    },
  };
}

// The design tokens' theme declares a custom property for every component of the design system;
// Werkhaven uses a few dozen components. The production CSS keeps a declaration only when a
// `var()` in the CSS or the JavaScript reaches it (directly or through other tokens).
function pruneUnusedTokens(): Plugin {
  const refs = (text: string) => [...text.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);
  return {
    name: 'werkhaven-prune-unused-tokens',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      const js = Object.values(bundle).map((c) => (c.type === 'chunk' ? c.code : '')).join('\n');
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.css')) continue;
        const root = postcss.parse(String(asset.source));
        const declared = new Map<string, string[]>();
        const used = new Set<string>();
        const queue: string[] = [];
        const use = (name: string) => {
          if (used.has(name)) return;
          used.add(name);
          queue.push(name);
        };
        root.walkDecls((d) => {
          if (d.prop.startsWith('--')) declared.set(d.prop, [...(declared.get(d.prop) ?? []), d.value]);
          else refs(d.value).forEach(use);
        });
        refs(js).forEach(use);
        while (queue.length) for (const value of declared.get(queue.pop()!) ?? []) refs(value).forEach(use);
        root.walkDecls((d) => {
          if (d.prop.startsWith('--') && !used.has(d.prop)) d.remove();
        });
        root.walkRules((r) => {
          if (!r.nodes.length) r.remove();
        });
        asset.source = root.toString();
      }
    },
  };
}

// What a page needs before it can show, named in index.html when the server sends it for the page's
// address, so the browser fetches it beside the first script rather than after it: a round trip and a
// download less before a data page paints on a slow line. Writes dist/preload.json, per language and
// route pattern the files: the page's chunk (App.tsx: `const Name = page(() => import('X'), ...)` and
// `<Route path="P" element={... <Name /> ...} />`), the chunks it imports that the first script does
// not, and its texts in that language (pageTexts); for English also the core texts the first script
// lacks (i18n/index.ts, ready), under "" for every other address. The server picks the language by the
// werkhaven_lang cookie (i18n/index.ts sets it) and adds the files as <link rel="modulepreload">
// (backend/internal/platform/httpapi/static.go). A route whose page it cannot find fails the build.
function routePreloads(): Plugin {
  const languages = ['nl', 'en'] as const;
  return {
    name: 'werkhaven-route-preloads',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      const app = readFileSync(resolve(import.meta.dirname, 'src/app/App.tsx'), 'utf8');
      const pages = new Map<string, string>();
      for (const m of app.matchAll(/const (\w+) = page\(\(\) => import\('([^']+)'\), '\w+'/g)) pages.set(m[1], resolve(import.meta.dirname, 'src/app', m[2]));
      if (pages.size === 0) this.error('route preloads: no page(() => import(...)) in App.tsx');
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      // The chunk that holds a module (by its path without extension); a page module may share a
      // chunk with what other pages import from it.
      const byModule = new Map(chunks.flatMap((c) => c.moduleIds.map((id) => [id.replace(/\.tsx?(\?|$)/, '$1'), c] as const)));
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      // The files in a set and those they import, beside what the page's HTML loads already.
      const closure = (file: string, into: Set<string>, loaded: Set<string>) => {
        if (into.has(file) || loaded.has(file)) return;
        into.add(file);
        byFile.get(file)?.imports.forEach((f) => closure(f, into, loaded));
      };
      const entries = chunks.filter((c) => c.isEntry);
      const loadedBy = (entry: (typeof chunks)[number]) => {
        const files = new Set<string>();
        closure(entry.fileName, files, new Set());
        return files;
      };
      // What the app's first script loads with it (index.html names those already).
      const appEntry = entries.find((c) => c.name === 'index') ?? this.error('route preloads: no entry named index');
      const first = loadedBy(appEntry);
      const chunkOf = (module: string) => byModule.get(module) ?? this.error(`route preloads: no chunk holds ${module}`);
      const enCore = chunkOf(resolve(import.meta.dirname, 'src/i18n/en.json?core')).fileName;
      const core: Record<string, Set<string>> = { nl: new Set(), en: new Set() };
      closure(enCore, core.en, first);
      const out: Record<string, Record<string, string[]>> = { nl: {}, en: { '': [...core.en].map((f) => `/${f}`) } };
      for (const m of app.matchAll(/<Route path="([^"]+)" element=\{(.*)\} \/>/g)) {
        const names = [...m[2].matchAll(/<(\w+)[\s/>]/g)].map((n) => n[1]).filter((n) => pages.has(n));
        if (names.length === 0) continue; // the not-found page is in the first script; the sign-in page has its own
        for (const lang of languages) {
          const files = new Set(core[lang]);
          for (const name of names) {
            const module = pages.get(name)!;
            closure(chunkOf(module).fileName, files, first);
            closure(chunkOf(`\0${module}?texts=${lang}`).fileName, files, first);
          }
          const css = [...files].flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]);
          out[lang][m[1]] = [...files, ...css].map((f) => `/${f}`);
        }
      }
      // A page with an HTML and a script of its own (the build's other inputs: inloggen.html is the
      // route /inloggen) needs only, in English, the core texts its script does not carry.
      for (const entry of entries.filter((c) => c !== appEntry)) {
        const loaded = loadedBy(entry);
        const en = new Set<string>();
        closure(enCore, en, loaded);
        out.nl[`/${entry.name}`] = [];
        out.en[`/${entry.name}`] = [...en].map((f) => `/${f}`);
      }
      this.emitFile({ type: 'asset', fileName: 'preload.json', source: JSON.stringify(out, null, 1) });
      // And the API requests the app asks first per route (app/first-requests.json, held by a test to
      // what app/prefetch.ts asks), which the server names as fetch preloads in an app page.
      this.emitFile({ type: 'asset', fileName: 'first-requests.json', source: readFileSync(resolve(import.meta.dirname, 'src/app/first-requests.json'), 'utf8') });
    },
  };
}

const backend = 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), swaggerUI(), utrechtTreeShaking(), i18nCore(), pageTexts(), routePreloads(), pruneUnusedTokens(), precompress()],
  server: {
    proxy: { '/api': backend, '/healthz': backend, '/readyz': backend },
  },
  build: {
    sourcemap: true,
    // Two pages: the app, and the sign-in page with a script of its own (src/signin.tsx). The server
    // sends dist/<name>.html for the route /<name> (backend/internal/platform/httpapi/static.go).
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'index.html'), inloggen: resolve(import.meta.dirname, 'inloggen.html') } },
  },
  // Tests render pages without the app's lazy loading: all texts of both languages first.
  test: { setupFiles: ['src/test/i18n.ts'] },
});
