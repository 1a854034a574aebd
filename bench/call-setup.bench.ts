/**
 * `call_setup`: time from `call()` to the first remote audio packet, over 24 calls between
 * two Chromium pages through the real signaling server, with every call recorded on the
 * devnet alongside (instant seal). The callee's page accepts each call as it rings. The
 * floor, measured in the same run and browser: two bare RTCPeerConnections in one page that
 * exchange SDP and candidates directly, from `createOffer` to the first audio packet.
 */
import { ChainClient } from '../src/chain/chain-client.js';
import { createDevSigner } from '../src/wallet/dev-signer.js';
import { startStack } from '../test/support/stack.js';
import { startCallPages } from '../test/e2e/support/call-pages.js';
import type { BenchEntry } from './entry.js';
import { quantile, round } from './entry.js';

const CALLS = 24;
const DUST = 10n ** 12n;

export const callSetupBench: BenchEntry = {
  async run() {
    const stack = await startStack({ devnet: true, signaling: true });
    const pages = await startCallPages();
    const chain = new ChainClient({ url: stack.urls.devnetUrl! });

    try {
      const alice = await createDevSigner('//Alice');
      const seeds = ['//BenchCaller', '//BenchCallee'];

      for (const seed of seeds) {
        const signer = await createDevSigner(seed);

        await chain.send(
          await chain.balances.transferKeepAlive(signer.account.address, 100n * DUST),
          alice,
        );
      }

      const base = { chain: stack.urls.devnetUrl!, signaling: stack.urls.signaling! };
      const caller = await pages.open({ ...base, seed: seeds[0]! });
      const callee = await pages.open({ ...base, seed: seeds[1]!, autoAccept: true });
      const setup: number[] = [];
      const floor: number[] = [];

      // One unmeasured call of each kind warms up the browser's WebRTC stack.
      for (let run = -1; run < CALLS; run += 1) {
        const ms = await caller.run('timedCall', callee.address);

        await callee.until(
          (view) => view.record?.finalized.includes('accept') === true,
          'accept_call final',
        );
        await caller.run('hangup');
        await caller.until(
          (view) => view.record?.finalized.includes('end') === true,
          'end_call final',
        );
        await callee.until((view) => view.state === 'ended', 'callee ended');
        const floorMs = await caller.run('floorCall');

        if (run < 0) continue;

        setup.push(ms);
        floor.push(floorMs);
      }

      await caller.close();
      await callee.close();

      const p95 = quantile(setup, 0.95);
      const floorP95 = quantile(floor, 0.95);

      return {
        calls: CALLS,
        p50_ms: round(quantile(setup, 0.5), 1),
        p95_ms: round(p95, 1),
        floor_p50_ms: round(quantile(floor, 0.5), 1),
        floor_p95_ms: round(floorP95, 1),
        ratio_p95: round(p95 / floorP95, 2),
        floors: {
          floor_p50_ms:
            'two bare RTCPeerConnections in one page exchanging SDP and candidates directly, createOffer to the first inbound audio packet',
          floor_p95_ms: 'the same floor, 95th percentile',
        },
        notes: {
          p50_ms:
            'call() to the first inbound audio packet at the caller (getStats polled every 5 ms), callee accepting on ring, signaling server and devnet on loopback, both pages in one headless Chromium',
        },
      };
    } finally {
      await chain.dispose();
      await pages.close();
      await stack.close();
    }
  },
};
