import { cpSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
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

const backend = 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), swaggerUI()],
  server: {
    proxy: { '/api': backend, '/healthz': backend, '/readyz': backend },
  },
  build: { sourcemap: true },
});
