import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

import { stardustVoiceAlias } from '../alias.js';

// React 19 needs no plugin for custom elements; Vite's esbuild compiles the JSX.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: { alias: stardustVoiceAlias },
  esbuild: { jsx: 'automatic' },
  // The lazily loaded chain chunk (@polkadot/api) is larger than Vite's default warning size.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
});
