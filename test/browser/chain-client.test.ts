import { injectExtension } from '@polkadot/extension-inject';
import { Keyring } from '@polkadot/keyring';
import { TypeRegistry } from '@polkadot/types';
import type { SignerPayloadJSON } from '@polkadot/types/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from 'chai';

import {
  ChainClient,
  ExtensionWallet,
  StardustError,
  createDevSigner,
  sameAccount,
} from '../../src/index.js';
import type { TxStage } from '../../src/index.js';

// The chain layer in Chromium against chopsticks (a real Substrate runtime): the lazy
// @polkadot/api chunk, signing with the dev keyring, progress and events.

const UNIT = 10n ** 12n;

function loadedModules(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/src/chain/load-polkadot-api'));
}

describe('chain client in Chromium', () => {
  let url: string;
  let chain: ChainClient;

  before(async () => {
    // The static imports of this file alone fill the default buffer of 250 entries.
    performance.setResourceTimingBufferSize(100_000);
    url = (await executeServerCommand('chopsticks-url')) as string;
  });

  after(async () => {
    await chain?.dispose();
  });

  it('loads polkadot-js only when it connects', async () => {
    chain = new ChainClient({ url });

    const before = loadedModules();
    const info = await chain.connect();

    expect(before).to.deep.equal([]);
    expect(loadedModules()).to.have.length(1);
    expect(info.genesisHash).to.match(/^0x[0-9a-f]{64}$/);
    expect(info.ss58Prefix).to.equal(2);
  });

  it('sends a remark with a dev signer', async () => {
    const signer = await createDevSigner('//BrowserChain');
    const stages: TxStage[] = [];

    await executeServerCommand('chopsticks-fund', {
      address: signer.account.address,
      amount: (100n * UNIT).toString(),
    });

    const result = await chain.send(await chain.system.remarkWithEvent('from Chromium'), signer, {
      waitFor: 'finalized',
      onProgress: ({ stage }) => stages.push(stage),
    });
    const remarked = result.events.find((e) => e.pallet === 'system' && e.name === 'Remarked');

    expect(stages).to.deep.equal(['signing', 'ready', 'inBlock', 'finalized']);
    expect(remarked).to.not.equal(undefined);
    expect(sameAccount(remarked!.fields['sender'] as string, signer.account.address)).to.equal(
      true,
    );
  });

  it('signs an extrinsic through an extension', async () => {
    const signer = await extensionSigner('//BrowserExtension', false);
    const stages: TxStage[] = [];

    const result = await chain.send(
      await chain.system.remarkWithEvent('signed in a wallet'),
      signer,
      {
        onProgress: ({ stage }) => stages.push(stage),
      },
    );

    expect(stages).to.deep.equal(['signing', 'ready', 'inBlock']);
    expect(result.events.some((e) => e.pallet === 'system' && e.name === 'Remarked')).to.equal(
      true,
    );
  });

  it('maps an extension refusal to WALLET_REJECTED', async () => {
    const signer = await extensionSigner('//BrowserRefusal', true);
    let caught: unknown;

    try {
      await chain.send(await chain.system.remarkWithEvent('refused in a wallet'), signer);
    } catch (error) {
      caught = error;
    }

    expect(caught).to.be.instanceOf(StardustError);
    expect((caught as StardustError).code).to.equal('WALLET_REJECTED');
    expect((caught as StardustError).message).to.contain('Cancelled');
    expect(await chain.nextNonce(signer.account.address)).to.equal(0);
  });
});

/**
 * Funds a dev account and returns its signer through a fake extension (extension-inject)
 * whose `signPayload` signs as the polkadot-js extension does, or rejects like a user who
 * presses Cancel.
 */
async function extensionSigner(uri: string, refuse: boolean) {
  await cryptoWaitReady();

  const pair = new Keyring({ type: 'sr25519' }).addFromUri(uri);
  const name = `fake-${uri.slice(2).toLowerCase()}`;

  await executeServerCommand('chopsticks-fund', {
    address: pair.address,
    amount: (100n * UNIT).toString(),
  });
  injectExtension(
    async () =>
      ({
        accounts: {
          get: async () => [{ address: pair.address, type: 'sr25519' }],
          subscribe: () => () => undefined,
        },
        signer: {
          signPayload: async (payload: SignerPayloadJSON) => {
            if (refuse) throw new Error('Cancelled');

            const registry = new TypeRegistry();

            registry.setSignedExtensions(payload.signedExtensions);

            return {
              id: 1,
              ...registry
                .createType('ExtrinsicPayload', payload, { version: payload.version })
                .sign(pair),
            };
          },
        },
      }) as never,
    { name, version: '1.0.0' },
  );

  const wallet = new ExtensionWallet({ appName: 'Stardust Voice tests', injectionWaitMs: 0 });

  await wallet.connect();

  return wallet.signer(pair.address);
}
