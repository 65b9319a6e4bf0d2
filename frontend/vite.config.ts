import { cpSync, mkdirSync, readFileSync } from 'node:fs';
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

const backend = 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), swaggerUI(), utrechtTreeShaking(), i18nCore(), pruneUnusedTokens()],
  server: {
    proxy: { '/api': backend, '/healthz': backend, '/readyz': backend },
  },
  build: { sourcemap: true },
  // Tests render pages without the app's lazy loading: all texts of both languages first.
  test: { setupFiles: ['src/test/i18n.ts'] },
});
