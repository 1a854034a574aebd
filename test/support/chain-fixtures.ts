// The chains the SDK's chain layer is checked against: chopsticks running a real Substrate
// runtime (Rococo Asset Hub), and the Stardust devnet once server/devnet exists.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ChainClient } from '../../src/chain/chain-client.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import { startChopsticks } from './chopsticks.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A running chain a test can use. */
export interface ChainFixture {
  url: string;
  /** Hash of block 0, read from the node itself. */
  genesisHash: string;
  /** Gives `address` a free balance of `amount` planck. */
  fund(address: string, amount: bigint): Promise<void>;
  close(): Promise<void>;
}

/** One row of the fixture table: a chain, or the reason it is skipped. */
export interface ChainFixtureRow {
  name: string;
  /** Why the row is skipped here, or null when it runs. */
  skip: string | null;
  start(): Promise<ChainFixture>;
}

/** Chopsticks with the Rococo Asset Hub genesis, funded through `dev_setStorage`. */
export const chopsticksRow: ChainFixtureRow = {
  name: 'chopsticks (Rococo Asset Hub)',
  skip: null,
  async start() {
    const chopsticks = await startChopsticks();

    return {
      url: chopsticks.url,
      genesisHash: (await chopsticks.rpc('chain_getBlockHash', [0])) as string,
      async fund(address, amount) {
        await chopsticks.rpc('dev_setStorage', [
          {
            System: {
              Account: [[[address], { providers: 1, data: { free: amount.toString() } }]],
            },
          },
        ]);
      },
      close: () => chopsticks.close(),
    };
  },
};

/** Whether server/devnet is in this tree (it lands with the devnet branch). */
export const DEVNET_SKIP = existsSync(join(root, 'server/devnet'))
  ? null
  : 'server/devnet does not exist in this tree yet (it lands with the devnet branch)';

/** Starts the devnet with instant seal and `devAccounts` funded `//MemberN` accounts. */
export async function startDevnetFixture(devAccounts = 0): Promise<ChainFixture> {
  // A variable path, so that this file compiles while server/devnet does not exist.
  const modulePath = '../../server/index.js';
  const server = (await import(modulePath)) as {
    startDevnet(options: Record<string, unknown>): Promise<{
      url: string;
      genesisHash: string;
      close(): Promise<void>;
    }>;
  };
  const devnet = await server.startDevnet({
    host: '127.0.0.1',
    port: 0,
    blockTimeMs: 0,
    devAccounts,
  });
  const chain = new ChainClient({ url: devnet.url });
  const alice = await createDevSigner('//Alice');

  return {
    url: devnet.url,
    genesisHash: devnet.genesisHash,
    async fund(address, amount) {
      await chain.send(await chain.balances.transferKeepAlive(address, amount), alice);
    },
    async close() {
      await chain.dispose();
      await devnet.close();
    },
  };
}

/** The devnet with instant seal; skipped while server/devnet is not in this tree. */
export const devnetRow: ChainFixtureRow = {
  name: 'Stardust devnet',
  skip: DEVNET_SKIP,
  start: () => startDevnetFixture(),
};

/** Every chain the generic layer must behave the same on. */
export const CHAIN_FIXTURES: readonly ChainFixtureRow[] = [chopsticksRow, devnetRow];
