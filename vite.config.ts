import { defineConfig } from 'vite';

/**
 * Two jobs: the dev server behind `stardust-voice dev` (the demo, served from sources), and
 * `vite build`, which makes the CDN file dist/cdn/stardust-voice.js with its lazy chunks.
 * The ESM package itself is compiled by tsc (`npm run build:lib`).
 */
export default defineConfig({
  root: '.',
  appType: 'mpa',
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // Never open a browser or reach out; the demo is loopback only.
    open: false,
  },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'components/cdn.ts',
      formats: ['es'],
      fileName: () => 'stardust-voice.js',
    },
    rollupOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  esbuild: {
    target: 'es2022',
  },
});
