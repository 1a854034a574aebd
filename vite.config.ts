import { defineConfig } from 'vite';

import { BROWSER_ALIASES, CDN_INPUT, cdnBuildOptions } from './scripts/cdn-build.js';

/**
 * Two jobs: the dev server behind `stardust-voice dev` (the demo, served from sources), and
 * `vite build`, which makes the CDN file dist/cdn/stardust-voice.js with its lazy chunks
 * (settings in scripts/cdn-build.ts). The ESM package itself is compiled by tsc
 * (`npm run build:lib`).
 *
 * `base: './'` makes every chunk URL relative to the importing file's own
 * `import.meta.url`, so the CDN files work from any path without configuration.
 */
export default defineConfig({
  root: '.',
  appType: 'mpa',
  base: './',
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // Never open a browser or reach out; the demo is loopback only.
    open: false,
  },
  preview: { host: '127.0.0.1' },
  resolve: { alias: BROWSER_ALIASES },
  // Vite's start-up dependency scan misses these three, which the demo reaches only through
  // dynamic imports (the dev keyring and the wallet extension backend). Found later, each
  // made the dev server re-bundle and reload the page, the first time on the click on
  // "Use my wallet".
  optimizeDeps: {
    include: ['@polkadot/extension-dapp', '@polkadot/keyring', '@polkadot/util-crypto'],
  },
  build: cdnBuildOptions(CDN_INPUT, 'dist/cdn'),
  esbuild: {
    target: 'es2022',
  },
});
