import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';

// The folder rules of src/ (docs/architecture.md, Front end): a feature is self-contained and
// another feature uses it only through its index.ts; lib/ and components/ are shared by all and
// import no feature and not the app; no feature imports the app. The zones are made from the
// folders, so a new feature is covered when it is added.
const src = new URL('./src/', import.meta.url).pathname;
const features = readdirSync(`${src}features`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const zones = [
  ...features.map((f) => ({
    target: `./features/${f}`,
    from: './features',
    except: [`./${f}`, ...features.filter((o) => o !== f).map((o) => `./${o}/index.ts`)],
    message: 'Import another feature only through its index.ts (export what is needed there).',
  })),
  { target: ['./lib', './components'], from: ['./features', './app'], message: 'lib/ and components/ are shared: they import no feature and not the app.' },
  { target: './features', from: './app', message: 'Features do not import the app; the app composes the features.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'src/lib/api/schema.d.ts', 'public', 'e2e/screenshots'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // A region that scrolls sideways (a wide table on a phone) takes keyboard focus so it can be
      // scrolled without a mouse (WCAG 2.1.1; axe's scrollable-region-focusable): see ScrollRegion.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { basePath: src, zones }],
    },
  },
  {
    files: ['e2e/**/*.mjs', 'perf/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { PerformanceObserver: 'readonly', process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', fetch: 'readonly', document: 'readonly', window: 'readonly', getComputedStyle: 'readonly' } },
  },
);
