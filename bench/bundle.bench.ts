/**
 * `bundle`: sizes of the CDN build (see bench/bundle-size.ts for the groups). The initial
 * load is compared with the 60 KB gzip budget and with a minimal lit element built the same
 * way. Each lazy feature, the total of core and elements, and the excluded chain chunk,
 * encoder and decoder are reported beside it.
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
      const own = await measured(CDN_INPUT, join(work, 'own'), { withoutPackages: true });
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
      const initial = kb(cdn.initial.gzipBytes);
      const bareLit = kb(lit.initial.gzipBytes);

      return {
        core_elements_gzip_kb: kb(cdn.coreElements.gzipBytes),
        core_elements_kb: kb(cdn.coreElements.bytes),
        own_code_gzip_kb: kb(own.coreElements.gzipBytes),
        initial_gzip_kb: initial,
        initial_kb: kb(cdn.initial.bytes),
        calls_gzip_kb: kb(cdn.features.calls.gzipBytes),
        rooms_gzip_kb: kb(cdn.features.rooms.gzipBytes),
        voice_elements_gzip_kb: kb(cdn.features.voiceElements.gzipBytes),
        messages_gzip_kb: kb(cdn.features.messages.gzipBytes),
        large_messages_gzip_kb: kb(cdn.features.largeMessages.gzipBytes),
        budget_gzip_kb: BUDGET_GZIP_KB,
        budget_ratio: round(initial / BUDGET_GZIP_KB, 3),
        bare_lit_gzip_kb: bareLit,
        lit_ratio: round(initial / bareLit),
        protocol_gzip_kb: kb(protocol.initial.gzipBytes),
        protocol_protobufjs_gzip_kb: kb(protocolOnProtobufjs.initial.gzipBytes),
        chain_chunk_gzip_kb: kb(cdn.excluded.chain.gzipBytes),
        chain_chunk_kb: kb(cdn.excluded.chain.bytes),
        encoder_asset_kb: kb(encoder.bytes),
        encoder_asset_gzip_kb: kb(encoder.gzipBytes),
        decoder_gzip_kb: kb(cdn.excluded.decoder.gzipBytes),
        noble_gzip_kb: kb(cdn.excluded.noble.gzipBytes),
        floors: {
          budget_gzip_kb: 'the size budget of the initial load, gzip level 9, 1 KB = 1024 bytes',
          bare_lit_gzip_kb: 'one minimal LitElement built with the same Vite settings',
        },
        notes: {
          core_elements_gzip_kb:
            'the initial load plus every lazy feature chunk (calls, rooms, voice elements, messages with IPFS, large messages), each file once; only the chain chunk, encoder, decoder and @noble fallback are left out',
          own_code_gzip_kb:
            'the same core and elements built without any npm package (lit, @noble, multiformats and the others left out): our own code and the generated protocol code alone',
          initial_gzip_kb:
            'the main file and the chunks it imports statically: what a page downloads before it uses any feature; the 60 KB budget applies to this',
          calls_gzip_kb:
            'what the first use of each feature downloads beyond the initial load; features share some chunks, so these overlap',
          large_messages_gzip_kb:
            'UnixFS file code, downloaded beyond the message service only for an envelope over one 256 KiB IPFS chunk',
          protocol_gzip_kb:
            'proto/gen with the browser runtime (proto/lite-runtime/index.ts), built alone; part of the initial load through the signaling client',
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
  options?: Parameters<typeof buildCdn>[2],
) {
  await buildCdn(input, outDir, options);

  return measureBundle(outDir);
}
