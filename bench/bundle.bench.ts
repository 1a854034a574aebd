/**
 * `bundle`: sizes of the CDN build. The core and elements are the main file and every chunk
 * it loads except the excluded lazy groups. They are compared with the 60 KB gzip budget and
 * with a minimal lit element built the same way, and the chain chunk and the encoder asset
 * are reported beside them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildCdn, CDN_INPUT } from '../scripts/cdn-build.js';
import { BUDGET_GZIP_KB, kb, measureBundle } from './bundle-size.js';
import { round, type BenchEntry } from './entry.js';

export const bundleBench: BenchEntry = {
  async run() {
    const work = mkdtempSync(join(tmpdir(), 'stardust-bundle-'));

    try {
      const cdn = await measured(CDN_INPUT, join(work, 'cdn'));
      const lit = await measured({ probe: 'test/fixtures/probes/bare-lit.ts' }, join(work, 'lit'));
      const protocol = await measured(
        { probe: 'test/fixtures/probes/protocol.ts' },
        join(work, 'protocol'),
      );
      const protocolOnProtobufjs = await measured(
        { probe: 'test/fixtures/probes/protocol.ts' },
        join(work, 'protocol-protobufjs'),
        { protobufjs: true },
      );
      // The encoder joins the CDN file once the recorder uses it; until then a probe that
      // loads it with the same settings gives its size.
      const encoder =
        cdn.excluded.encoder.files.length > 0
          ? cdn.excluded.encoder
          : (await measured({ probe: 'test/fixtures/probes/lazy-parts.ts' }, join(work, 'lazy')))
              .excluded.encoder;
      const core = kb(cdn.core.gzipBytes);
      const bareLit = kb(lit.core.gzipBytes);

      return {
        core_elements_gzip_kb: core,
        core_elements_kb: kb(cdn.core.bytes),
        budget_gzip_kb: BUDGET_GZIP_KB,
        budget_ratio: round(core / BUDGET_GZIP_KB, 3),
        bare_lit_gzip_kb: bareLit,
        lit_ratio: round(core / bareLit),
        protocol_gzip_kb: kb(protocol.core.gzipBytes),
        protocol_protobufjs_gzip_kb: kb(protocolOnProtobufjs.core.gzipBytes),
        chain_chunk_gzip_kb: kb(cdn.excluded.chain.gzipBytes),
        chain_chunk_kb: kb(cdn.excluded.chain.bytes),
        encoder_asset_kb: kb(encoder.bytes),
        encoder_asset_gzip_kb: kb(encoder.gzipBytes),
        floors: {
          budget_gzip_kb: 'the size budget for core and elements, gzip level 9, 1 KB = 1024 bytes',
          bare_lit_gzip_kb: 'one minimal LitElement built with the same Vite settings',
        },
        notes: {
          protocol_gzip_kb:
            'proto/gen with the browser runtime (proto/lite-runtime/index.ts) and long, built alone; part of core_elements once the signaling client imports it',
          protocol_protobufjs_gzip_kb: 'the same on protobufjs/minimal, as Node runs it',
          encoder_asset_kb: 'opus-recorder encoder worklet (WebAssembly inlined), raw bytes',
        },
      };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

async function measured(
  input: Record<string, string>,
  outDir: string,
  options?: { protobufjs?: boolean },
) {
  await buildCdn(input, outDir, options);

  return measureBundle(outDir);
}
