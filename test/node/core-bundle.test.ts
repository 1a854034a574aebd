// The core entry must stay light: polkadot-js (api, keyring, util-crypto) and extension-dapp
// load only through dynamic imports, as chunks of their own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { build, type Metafile } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const HEAVY_PACKAGES = [
  '@polkadot/api',
  '@polkadot/keyring',
  '@polkadot/util-crypto',
  '@polkadot/extension-dapp',
];

async function bundleCore() {
  return build({
    absWorkingDir: root,
    entryPoints: ['src/index.ts'],
    bundle: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    // As the CDN build does: the generated protocol code runs on the small browser runtime.
    alias: { 'protobufjs/minimal.js': './proto/lite-runtime/index.ts' },
    outdir: 'out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}

/** Outputs reachable from the entry through static imports only. */
function staticOutputs(metafile: Metafile): string[] {
  const entry = Object.keys(metafile.outputs).find(
    (path) => metafile.outputs[path]!.entryPoint === 'src/index.ts',
  )!;
  const seen = new Set([entry]);
  const queue = [entry];

  while (queue.length > 0) {
    const current = queue.pop()!;

    for (const imported of metafile.outputs[current]!.imports) {
      if (imported.kind !== 'import-statement' || seen.has(imported.path)) continue;

      seen.add(imported.path);
      queue.push(imported.path);
    }
  }

  return [...seen];
}

describe('core bundle', () => {
  it('keeps heavy packages out of the static graph', async () => {
    const { metafile, outputFiles } = await bundleCore();
    const reachable = staticOutputs(metafile);

    for (const output of reachable) {
      const inputs = Object.keys(metafile.outputs[output]!.inputs);
      const text = outputFiles.find((file) => file.path.endsWith(output.replace(/^out/, '')))!.text;

      for (const name of HEAVY_PACKAGES) {
        assert.ok(
          !inputs.some((input) => input.includes(`node_modules/${name}/`)),
          `${name} is statically bundled into ${output}`,
        );
        assert.ok(!text.includes(name), `${output} names ${name}`);
      }
    }
  });

  it('loads polkadot-js as its own chunks', async () => {
    const { metafile } = await bundleCore();
    const reachable = new Set(staticOutputs(metafile));
    const lazyInputs = Object.entries(metafile.outputs)
      .filter(([path]) => !reachable.has(path))
      .flatMap(([, output]) => Object.keys(output.inputs));

    for (const name of HEAVY_PACKAGES) {
      assert.ok(
        lazyInputs.some((input) => input.includes(`node_modules/${name}/`)),
        `${name} is in no lazy chunk`,
      );
    }
  });
});
