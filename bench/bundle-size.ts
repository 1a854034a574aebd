/**
 * Measures a CDN build: which files the main script pulls in (the "core and elements" that
 * the 60 KB gzip budget covers) and which lazy chunks sit outside the budget, read from
 * Vite's build manifest. Used by the size budget test and `npm run bench -- bundle`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The budget for the main file plus every chunk it loads that is not excluded below. */
export const BUDGET_GZIP_KB = 60;

/**
 * Lazy chunks outside the budget, by the source module that the core loads with `import()`.
 * A new lazy module of one of these kinds must match its pattern; any other lazy chunk
 * counts against the budget.
 */
export const EXCLUDED_LAZY_MODULES = {
  /** `@polkadot/api`, extension-dapp and keyring: loaded when the chain is first needed. */
  chain: /^src\/(chain|wallet)\/load-[\w-]+\.ts$/,
  /** opus-recorder's encoder worklet, loaded when recording starts. */
  encoder: /^src\/message\/opus-encoder-worklet\.js$/,
  /** The playback decoder for browsers without Ogg Opus support. */
  decoder: /^src\/message\/(load-decoder\.ts|opus-decoder[\w-]*\.js)$/,
  /**
   * The one-to-one call layer (manager, session, media, chain recorder), loaded by
   * `StardustClient.loadCalls()` when a page first uses calls.
   */
  calls: /^src\/call\/load-calls\.ts$/,
  /** @noble curves, loaded only where WebCrypto lacks Ed25519 or X25519. */
  noble: /^src\/[\w-]+\/load-noble[\w-]*\.ts$/,
} as const;

/** One lazy group outside the budget. */
export type ExcludedKind = keyof typeof EXCLUDED_LAZY_MODULES;

/** Sizes of one group of files. */
export interface FileGroup {
  files: string[];
  bytes: number;
  gzipBytes: number;
  /** Source paths of every module in the group, from the source maps. */
  sources: string[];
}

/** The measured build. */
export interface BundleSizes {
  /** The main file and every chunk it loads that is not excluded. */
  core: FileGroup;
  /** Each excluded lazy group; empty groups when the build has none of that kind yet. */
  excluded: Record<ExcludedKind, FileGroup>;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  assets?: string[];
}

/** Reads the build in `outDir` (made with the CDN settings) and sizes its groups. */
export function measureBundle(outDir: string): BundleSizes {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry === true);
  const kindOf = (key: string): ExcludedKind | undefined =>
    (Object.keys(EXCLUDED_LAZY_MODULES) as ExcludedKind[]).find((kind) =>
      EXCLUDED_LAZY_MODULES[kind].test(manifest[key]!.src ?? key),
    );
  const core = reach(manifest, entries, (key) => kindOf(key) === undefined);
  const excluded = {} as Record<ExcludedKind, FileGroup>;

  for (const kind of Object.keys(EXCLUDED_LAZY_MODULES) as ExcludedKind[]) {
    const roots = Object.keys(manifest).filter((key) => kindOf(key) === kind);
    const keys = [...reach(manifest, roots, () => true)].filter((key) => !core.has(key));

    excluded[kind] = sizeGroup(outDir, manifest, keys);
  }

  return { core: sizeGroup(outDir, manifest, [...core]), excluded };
}

/** Collects every manifest key reachable from `roots`, following a dynamic import only where `follow` returns true. */
function reach(
  manifest: Record<string, ManifestChunk>,
  roots: string[],
  follow: (key: string) => boolean,
): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];

  while (queue.length > 0) {
    const key = queue.pop()!;

    if (seen.has(key)) continue;

    seen.add(key);

    const chunk = manifest[key]!;

    queue.push(...(chunk.imports ?? []));
    queue.push(...(chunk.dynamicImports ?? []).filter(follow));
  }

  return seen;
}

function sizeGroup(
  outDir: string,
  manifest: Record<string, ManifestChunk>,
  keys: string[],
): FileGroup {
  const files = [
    ...new Set(keys.flatMap((key) => [manifest[key]!.file, ...(manifest[key]!.assets ?? [])])),
  ].sort();
  let bytes = 0;
  let gzipBytes = 0;
  const sources = new Set<string>();

  for (const file of files) {
    const content = readFileSync(join(outDir, file));

    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;

    for (const source of mapSources(join(outDir, `${file}.map`))) sources.add(source);
  }

  return { files, bytes, gzipBytes, sources: [...sources].sort() };
}

function mapSources(path: string): string[] {
  try {
    const map = JSON.parse(readFileSync(path, 'utf8')) as { sources?: string[] };

    // Sources are relative to the map; report them relative to the repository root.
    return (map.sources ?? []).map((source) => relative(ROOT, resolve(dirname(path), source)));
  } catch {
    // Assets (non-JavaScript files) have no source map.
    return [];
  }
}

/** Bytes to KB (1 KB = 1024 bytes), rounded to two decimals. */
export function kb(bytes: number): number {
  return Math.round((bytes / 1024) * 100) / 100;
}
