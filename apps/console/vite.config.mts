import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is static files; apps/console/server serves them and proxies /api/<service>/ to the services.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The one shared file the browser loads from libs/ (names only: no decorators, no Node).
  resolve: { alias: { '@devzone/contracts/names': resolve(import.meta.dirname, '../../libs/contracts/src/names.ts') } },
  build: { outDir: resolve(import.meta.dirname, '../../dist/apps/console'), emptyOutDir: true, chunkSizeWarningLimit: 3000 },
});
