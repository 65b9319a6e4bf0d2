import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';

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
    files: ['e2e/**/*.mjs', 'perf/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { PerformanceObserver: 'readonly', process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', fetch: 'readonly', document: 'readonly', window: 'readonly', getComputedStyle: 'readonly' } },
  },
);
