// The test stack starts a devnet on request and hands its URLs to tests and browser pages.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';

import { connect, rpc } from '../support/devnet-client.js';
import { startStack } from '../support/stack.js';

it('stack starts a devnet with its URLs', async () => {
  const stack = await startStack({ devnet: { devAccounts: 2, persist: true } });

  try {
    const client = await connect(stack.urls.devnetUrl!);
    const member = (
      await client.api.query.system.account(client.pair('//Member2').address)
    ).toJSON() as {
      data: { free: number };
    };
    const viaHttp = await fetch(stack.urls.devnetHttpUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'chain_getBlockHash', params: [0] }),
    });

    await rpc(client, 'dev_newBlock', [{ count: 1 }]);
    await client.disconnect();
    // The state file is written in the tick after each block.
    await new Promise((resolve) => setImmediate(resolve));

    assert.equal(existsSync(join(stack.urls.stateDir, 'devnet', 'chain.json')), true);

    assert.equal(client.api.genesisHash.toHex(), stack.urls.devnetGenesisHash);
    assert.equal(BigInt(member.data.free), 1000n * 10n ** 12n);
    assert.equal(
      ((await viaHttp.json()) as { result: string }).result,
      stack.urls.devnetGenesisHash,
    );
  } finally {
    await stack.close();
  }

  // The stack removes the temporary state directory it made.
  assert.equal(existsSync(stack.urls.stateDir), false);
});

it('stack without devnet has no devnet URL', async () => {
  const stack = await startStack();

  await stack.close();

  assert.equal(stack.urls.devnetUrl, undefined);
});
