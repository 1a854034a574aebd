/**
 * `devnet`: transactions per second from submit to InBlock with instant seal, for the same
 * balance transfer on the devnet and on chopsticks 1.5.1 running Rococo Asset Hub's real
 * runtime offline (the floor). Transactions are signed beforehand with explicit nonces and
 * submitted one after another, each awaited to InBlock, through an unmodified ApiPromise.
 */
import type { SubmittableExtrinsic } from '@polkadot/api/types';

import { startDevnet } from '../server/devnet/index.js';
import { startChopsticks } from '../test/support/chopsticks.js';
import { connect, rpc, type ChainClient } from '../test/support/devnet-client.js';
import type { BenchEntry } from './entry.js';
import { round } from './entry.js';

/** Transfers per chain; chopsticks takes about half a second each on two cores. */
const DEVNET_TRANSFERS = 300;
const CHOPSTICKS_TRANSFERS = 20;
const WARM_UP = 3;

export const devnetBench: BenchEntry = {
  async run() {
    const devnet = await startDevnet({ port: 0, blockTimeMs: 0 });
    let devnetRate: number;

    try {
      devnetRate = await measure(devnet.url, DEVNET_TRANSFERS, false);
    } finally {
      await devnet.close();
    }

    const chopsticks = await startChopsticks({ buildBlockMode: 'Instant' });
    let chopsticksRate: number;

    try {
      chopsticksRate = await measure(chopsticks.url, CHOPSTICKS_TRANSFERS, true);
    } finally {
      await chopsticks.close();
    }

    return {
      tx_per_s: round(devnetRate, 1),
      chopsticks_tx_per_s: round(chopsticksRate, 2),
      ratio: round(devnetRate / chopsticksRate, 1),
      transfers: DEVNET_TRANSFERS,
      chopsticks_transfers: CHOPSTICKS_TRANSFERS,
      floors: {
        chopsticks_tx_per_s:
          'chopsticks 1.5.1, Rococo Asset Hub runtime from @substrate/connect-known-chains, instant block mode, same balances.transferKeepAlive, sequential submit to InBlock',
      },
    };
  },
};

/** Signs `count` transfers ahead, then times submit → InBlock for each in turn. */
async function measure(url: string, count: number, fund: boolean): Promise<number> {
  const client = await connect(url);

  try {
    const [alice, bob] = [client.pair('//Alice'), client.pair('//Bob')];

    if (fund) {
      await rpc(client, 'dev_setStorage', [
        { System: { Account: [[[alice.address], { providers: 1, data: { free: 10n ** 18n } }]] } },
      ]);
    }

    const first = (await client.api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const signed: Array<SubmittableExtrinsic<'promise'>> = [];

    for (let i = 0; i < WARM_UP + count; i += 1) {
      signed.push(
        await client.api.tx.balances
          .transferKeepAlive(bob.address, 10n ** 10n)
          .signAsync(alice, { nonce: first + i, era: 0 }),
      );
    }

    for (const tx of signed.slice(0, WARM_UP)) await untilInBlock(client, tx);

    const started = performance.now();

    for (const tx of signed.slice(WARM_UP)) await untilInBlock(client, tx);

    return (count / (performance.now() - started)) * 1000;
  } finally {
    await client.disconnect();
  }
}

function untilInBlock(client: ChainClient, tx: SubmittableExtrinsic<'promise'>): Promise<void> {
  return new Promise((resolve, reject) => {
    let stop: (() => void) | undefined;
    let done = false;

    client.api.rpc.author
      .submitAndWatchExtrinsic(tx, (status) => {
        if (done) return;

        if (status.isInBlock || status.isFinalized) {
          done = true;
          stop?.();
          resolve();
        } else if (status.isInvalid || status.isDropped || status.isUsurped) {
          done = true;
          stop?.();
          reject(new Error(`transfer ${status.type}`));
        }
      })
      .then((unsubscribe) => {
        stop = unsubscribe;

        if (done) unsubscribe();
      })
      .catch(reject);
  });
}
