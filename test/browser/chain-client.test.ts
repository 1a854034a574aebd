import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from 'chai';

import { ChainClient, createDevSigner, sameAccount } from '../../src/index.js';
import type { TxStage } from '../../src/index.js';

// The chain layer in Chromium against chopsticks (a real Substrate runtime): the lazy
// @polkadot/api chunk, signing with the dev keyring, progress and events.

const UNIT = 10n ** 12n;

function loadedModules(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/src/chain/polkadot-api'));
}

describe('chain client in Chromium', () => {
  let url: string;
  let chain: ChainClient;

  before(async () => {
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
});
