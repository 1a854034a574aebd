import { fileURLToPath } from 'node:url';

import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

import { stardustVoiceAlias } from '../alias.js';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: { alias: stardustVoiceAlias },
  plugins: [
    vue({
      template: {
        // Leave the Stardust Voice tags to the browser's custom element registry.
        compilerOptions: { isCustomElement: (tag) => tag.startsWith('stardust-') },
      },
    }),
  ],
  // The lazily loaded chain chunk (@polkadot/api) is larger than Vite's default warning size.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
});
