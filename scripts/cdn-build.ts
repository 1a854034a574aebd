/**
 * Build settings of the CDN file, shared by `vite.config.ts` (`npm run build:cdn`), the size
 * budget test, `npm run bench -- bundle` and the tests that build probe bundles with the
 * same settings.
 */
import { fileURLToPath } from 'node:url';

import { build, type Alias, type BuildOptions } from 'vite';

/** The repository root, ending with a slash. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Module replacements for browser builds: the generated protocol code runs on the small
 * browser runtime instead of protobufjs (an installed package does the same through the
 * `browser` field of its package.json).
 */
export const BROWSER_ALIASES: Alias[] = [
  { find: /^protobufjs\/minimal(\.js)?$/, replacement: `${ROOT}proto/lite-runtime/index.ts` },
];

/**
 * Rollup output settings of the CDN build. An application build with a script entry is used
 * rather than library mode, because library mode leaves ES output unminified.
 */
export function cdnBuildOptions(input: Record<string, string>, outDir: string): BuildOptions {
  return {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The manifest lists each chunk with its source module and imports: the size budget
    // test and `npm run bench -- bundle` read it to tell the main file from lazy chunks.
    manifest: true,
    // A script entry has no HTML to inject preload links into.
    modulePreload: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      input,
      // Keep the entry's named exports (ExtensionWallet, createDevSigner) for module scripts.
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
      onwarn(warning, warn) {
        // @polkadot/x-global places a /*#__PURE__*/ where Rollup cannot use it; harmless.
        if (warning.code === 'INVALID_ANNOTATION') return;

        warn(warning);
      },
    },
  };
}

/**
 * Builds `input` (entry name to source path, relative to the root) with the CDN settings
 * into `outDir`, without reading vite.config.ts. `base: './'` makes every chunk URL relative
 * to the importing file's own `import.meta.url`. With `protobufjs: true` the protocol code
 * runs on protobufjs itself (no alias, no `browser` field mapping), for comparison. With
 * `withoutPackages: true` no npm package is bundled.
 */
export async function buildCdn(
  input: Record<string, string>,
  outDir: string,
  options: { protobufjs?: boolean; withoutPackages?: boolean } = {},
): Promise<void> {
  const buildOptions = cdnBuildOptions(input, outDir);

  // Leaves every npm package out (as imports the build does not resolve), to size our own
  // code and the generated protocol code alone.
  if (options.withoutPackages === true) {
    buildOptions.rollupOptions!.external = (id, importer) =>
      importer !== undefined && (id.includes('/node_modules/') || !/^(\.|\/|\0)/.test(id));
  }

  await build({
    configFile: false,
    root: ROOT,
    base: './',
    logLevel: 'warn',
    resolve: options.protobufjs
      ? { alias: [], mainFields: ['module', 'jsnext:main', 'jsnext'] }
      : { alias: BROWSER_ALIASES },
    build: buildOptions,
    esbuild: { target: 'es2022' },
  });
}

/** The entry of the real CDN file. */
export const CDN_INPUT = { 'stardust-voice': 'components/cdn.ts' };
